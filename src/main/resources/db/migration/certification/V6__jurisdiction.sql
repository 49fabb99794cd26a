-- Jurisdiction enforced by PostgreSQL itself (DATA-3, ADR 0026). The application's role sees and
-- writes only the rows of people within the scope its connection carries in vigil.scope: '*' for
-- the system's own work, 'R:<leading digits>' for a division and everything in it. Any other value,
-- or none, reaches nothing. The owning role that runs migrations is not bound (no FORCE): it can
-- drop the policies anyway, and restores and baselines run as it.
create function in_jurisdiction(code text) returns boolean
    language sql stable parallel safe
as $$
    select case current_setting('vigil.scope', true)
               when '*' then true
               else current_setting('vigil.scope', true) like 'R:%'
                    and starts_with(code, substr(current_setting('vigil.scope', true), 3))
           end
$$;

-- whether the connection works for the system: lets the policies of tables keyed by recipient
-- skip their look-up of the recipient during the monthly run
create function system_scope() returns boolean
    language sql stable parallel safe
as $$
    select coalesce(current_setting('vigil.scope', true) = '*', false)
$$;

alter table recipient enable row level security;
create policy jurisdiction on recipient
    using (in_jurisdiction(region_code)) with check (in_jurisdiction(region_code));

alter table decision enable row level security;
create policy jurisdiction on decision
    using (in_jurisdiction(region_code)) with check (in_jurisdiction(region_code));

alter table verification_task enable row level security;
create policy jurisdiction on verification_task
    using (in_jurisdiction(region_code)) with check (in_jurisdiction(region_code));

-- a failure and a suspension batch are a district's business: a street or community sees none
alter table certification_failure enable row level security;
create policy jurisdiction on certification_failure
    using (in_jurisdiction(district)) with check (in_jurisdiction(district));

alter table batch_district enable row level security;
create policy jurisdiction on batch_district
    using (in_jurisdiction(district)) with check (in_jurisdiction(district));

alter table payment_instruction enable row level security;
create policy jurisdiction on payment_instruction
    using (in_jurisdiction(coalesce(community, street, district)))
    with check (in_jurisdiction(coalesce(community, street, district)));

-- tables keyed by recipient follow the recipient: the sub-query is itself bound by the
-- recipient's policy
alter table certification_history enable row level security;
create policy jurisdiction on certification_history
    using (system_scope() or exists (select 1 from recipient r where r.id = recipient_id))
    with check (system_scope() or exists (select 1 from recipient r where r.id = recipient_id));

alter table amount_change enable row level security;
create policy jurisdiction on amount_change
    using (system_scope() or exists (select 1 from recipient r where r.id = recipient_id))
    with check (system_scope() or exists (select 1 from recipient r where r.id = recipient_id));

alter table payment_state enable row level security;
create policy jurisdiction on payment_state
    using (system_scope() or exists (select 1 from recipient r where r.id = recipient_id))
    with check (system_scope() or exists (select 1 from recipient r where r.id = recipient_id));

alter table verification_attachment enable row level security;
create policy jurisdiction on verification_attachment
    using (system_scope() or exists (select 1 from verification_task t where t.id = task_id))
    with check (system_scope() or exists (select 1 from verification_task t where t.id = task_id));
