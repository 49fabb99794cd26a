-- Jurisdiction enforced by PostgreSQL (DATA-3, ADR 0026): an overpayment case is its district's;
-- the connection's vigil.scope is '*' for the system or 'R:<leading digits>' for a division.
create function in_jurisdiction(code text) returns boolean
    language sql stable parallel safe
as $$
    select case current_setting('vigil.scope', true)
               when '*' then true
               else current_setting('vigil.scope', true) like 'R:%'
                    and starts_with(code, substr(current_setting('vigil.scope', true), 3))
           end
$$;

alter table overpayment_case enable row level security;
create policy jurisdiction on overpayment_case
    using (in_jurisdiction(district)) with check (in_jurisdiction(district));

-- a case's months follow the case, whose own policy binds the sub-query
alter table overpayment_month enable row level security;
create policy jurisdiction on overpayment_month
    using (current_setting('vigil.scope', true) = '*'
           or exists (select 1 from overpayment_case c
                      where c.recipient_id = overpayment_month.recipient_id
                        and c.suspension_month = overpayment_month.suspension_month))
    with check (current_setting('vigil.scope', true) = '*'
           or exists (select 1 from overpayment_case c
                      where c.recipient_id = overpayment_month.recipient_id
                        and c.suspension_month = overpayment_month.suspension_month));
