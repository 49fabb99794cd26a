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
