-- After every migration (ADR 0021): the application's role ${app_role} may read and write this
-- module's tables but owns none of them, so it can neither change the schema nor rewrite the
-- migration history. Tables a later migration adds are covered the next time this runs.
grant usage on schema registry to ${app_role};
grant select, insert, update, delete, truncate on all tables in schema registry to ${app_role};
grant usage, select, update on all sequences in schema registry to ${app_role};
revoke insert, update, delete, truncate on registry.flyway_schema_history from ${app_role};
-- The versions of persons and employers are append-only for the application (DATA-8, ADR 0029):
-- history is added, never rewritten or removed.
revoke update, delete, truncate on registry.person_version, registry.employer_version from ${app_role};
-- Except that a key rotation seals a version's personal values again under the new key (DATA-15):
-- those columns only, and a trigger (V5) refuses anything but a move to another key.
grant update (name, address, phone, email) on registry.person_version to ${app_role};
