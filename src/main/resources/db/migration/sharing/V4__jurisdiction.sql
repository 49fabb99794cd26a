-- What a connection may reach of the deliveries (DATA-3, SHARE-2, ADR 0026), by its vigil.scope:
-- the system ('*') and city-level staff ('R:' and at most four digits) see every delivery; a
-- department's account ('P:<provider code>') only its own, with their rejects; district, street
-- and community staff none. Rows waiting for a reviewer are city-level work.
create function delivery_visible(provider text) returns boolean
    language sql stable parallel safe
as $$
    select case
               when current_setting('vigil.scope', true) = '*' then true
               when current_setting('vigil.scope', true) ~ '^R:[0-9]{2,4}$' then true
               else current_setting('vigil.scope', true) = 'P:' || provider
           end
$$;

create function city_scope() returns boolean
    language sql stable parallel safe
as $$
    select coalesce(current_setting('vigil.scope', true) = '*'
                    or current_setting('vigil.scope', true) ~ '^R:[0-9]{2,4}$', false)
$$;

alter table delivery enable row level security;
create policy provider_scope on delivery
    using (delivery_visible(provider)) with check (delivery_visible(provider));

-- rejects quote the department's own rows, ID numbers included: they follow their delivery
alter table reject enable row level security;
create policy provider_scope on reject
    using (current_setting('vigil.scope', true) = '*' or exists (select 1 from delivery d where d.id = delivery_id))
    with check (current_setting('vigil.scope', true) = '*'
                or exists (select 1 from delivery d where d.id = delivery_id));

alter table review_item enable row level security;
create policy city_scope on review_item
    using (city_scope()) with check (city_scope());
