-- After every migration (ADR 0021): the application's role ${app_role} may read and write this
-- module's tables but owns none of them, so it can neither change the schema nor rewrite the
-- migration history. Tables a later migration adds are covered the next time this runs.
grant usage on schema governance to ${app_role};
grant select, insert, update, delete, truncate on all tables in schema governance to ${app_role};
grant usage, select, update on all sequences in schema governance to ${app_role};
revoke insert, update, delete, truncate on governance.flyway_schema_history from ${app_role};
-- The audit log is append-only for the application (DATA-18): it may add events and checkpoints
-- and read them, never change or remove one.
revoke update, delete, truncate on governance.audit_event, governance.audit_checkpoint from ${app_role};
-- The law-enforcement register (DATA-11): what was registered with a request and every release
-- of data to its officers stay as written; only the request's status and the notices change.
-- Guarded, like the next, because a restore migrates an older backup's schema only to its own
-- version (DATA-16), which may come before these tables.
do $$
begin
    if to_regclass('governance.law_enforcement_release_item') is not null then
        execute 'revoke update, delete, truncate on governance.law_enforcement_category, '
            'governance.law_enforcement_person, governance.law_enforcement_officer, '
            'governance.law_enforcement_document, governance.law_enforcement_release, '
            'governance.law_enforcement_release_item from ${app_role}';
    end if;
end
$$;
-- Accesses and alerts are evidence too (ADR 0030): the application adds them, never rewrites them.
-- Guarded because a restore migrates an older backup's schema only to its own version (DATA-16),
-- which may come before these tables.
do $$
begin
    if to_regclass('governance.disclosure_access') is not null then
        execute 'revoke update, delete, truncate on governance.disclosure_access, governance.disclosure_alert from ${app_role}';
    end if;
end
$$;
