-- Jurisdiction enforced by PostgreSQL (DATA-3, ADR 0026): a person or an employer is seen within
-- the division of its region code; enrollments follow their person. The connection's vigil.scope
-- is '*' for the system or 'R:<leading digits>' for a division; anything else reaches nothing.
create function in_jurisdiction(code text) returns boolean
    language sql stable parallel safe
as $$
    select case current_setting('vigil.scope', true)
               when '*' then true
               else current_setting('vigil.scope', true) like 'R:%'
                    and starts_with(code, substr(current_setting('vigil.scope', true), 3))
           end
$$;

alter table person enable row level security;
create policy jurisdiction on person
    using (in_jurisdiction(region_code)) with check (in_jurisdiction(region_code));

alter table employer enable row level security;
create policy jurisdiction on employer
    using (in_jurisdiction(region_code)) with check (in_jurisdiction(region_code));

alter table enrollment enable row level security;
create policy jurisdiction on enrollment
    using (current_setting('vigil.scope', true) = '*'
           or exists (select 1 from person p where p.id_number = enrollment.id_number))
    with check (current_setting('vigil.scope', true) = '*'
           or exists (select 1 from person p where p.id_number = enrollment.id_number));
