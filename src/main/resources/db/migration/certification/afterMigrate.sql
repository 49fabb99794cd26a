-- After every migration (ADR 0021): the application's role ${app_role} may read and write this
-- module's tables but owns none of them, so it can neither change the schema nor rewrite the
-- migration history. Tables a later migration adds are covered the next time this runs.
grant usage on schema certification to ${app_role};
grant select, insert, update, delete, truncate on all tables in schema certification to ${app_role};
grant usage, select, update on all sequences in schema certification to ${app_role};
revoke insert, update, delete, truncate on certification.flyway_schema_history from ${app_role};
-- A recorded own query is evidence of what was shown to whom (ADR 0031): the application adds
-- them, never rewrites them. Guarded because a restore migrates an older backup's schema only to
-- its own version (DATA-16), which may come before this table.
do $$
begin
    if to_regclass('certification.own_query') is not null then
        execute 'revoke update, delete, truncate on certification.own_query from ${app_role}';
        -- except its sealed proxy and the keys naming it, so a key rotation can move them (ADR 0035)
        execute 'grant update (proxy_index, proxy_id_sealed, proxy_name_sealed, index_key, data_key) '
                || 'on certification.own_query to ${app_role}';
    end if;
end
$$;
-- An ad-hoc statistic's request is the record of who asked, who approved and what was counted
-- (ADR 0033): the application moves it through its steps but never removes it.
do $$
begin
    if to_regclass('certification.statistics_request') is not null then
        execute 'revoke delete, truncate on certification.statistics_request from ${app_role}';
    end if;
end
$$;
