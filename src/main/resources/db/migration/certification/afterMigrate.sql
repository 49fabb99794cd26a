-- After every migration (ADR 0021): the application's role ${app_role} may read and write this
-- module's tables but owns none of them, so it can neither change the schema nor rewrite the
-- migration history. Tables a later migration adds are covered the next time this runs.
grant usage on schema certification to ${app_role};
grant select, insert, update, delete, truncate on all tables in schema certification to ${app_role};
grant usage, select, update on all sequences in schema certification to ${app_role};
revoke insert, update, delete, truncate on certification.flyway_schema_history from ${app_role};
