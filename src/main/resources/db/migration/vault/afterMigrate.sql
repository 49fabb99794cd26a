-- After every migration (ADR 0021): the application's role ${app_role} may read and add to the
-- vault but owns none of it. A person's sealed ID is never deleted by the application: other
-- modules' rows name the person by number.
grant usage on schema vault to ${app_role};
grant select, insert, update on all tables in schema vault to ${app_role};
grant delete on vault.id_index to ${app_role};
grant usage, select, update on all sequences in schema vault to ${app_role};
revoke insert, update, delete, truncate on vault.flyway_schema_history from ${app_role};
