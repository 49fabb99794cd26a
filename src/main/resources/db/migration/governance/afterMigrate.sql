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
