-- Personal data at rest (DATA-15, ADR 0035): the registry names persons by their vault number and
-- keeps their name and contact details sealed with SM4-GCM (org.vigil.governance.SealedValues), each
-- value bound to its place ('registry.person.name', …) and row, so a value copied to another row or
-- column does not open. The ID number itself lives only in the vault.
--
-- Sex, birth date and community code stay in clear: row-level security by jurisdiction (ADR 0026)
-- keys on the community code, and the person index files candidates by birth date and sex (SHARE-6).
--
-- SQL cannot call the key service, so rows of an earlier version cannot be converted here: a
-- database that already holds persons, enrollments or change requests must be loaded again.
do $$
begin
    if exists (select 1 from person) or exists (select 1 from enrollment) or exists (select 1 from change_request) then
        raise exception using
            message = 'registry V5 seals the registry''s personal data and cannot convert existing rows in SQL',
            hint = 'the registry holds persons, enrollments or change requests of an earlier version: restore them into '
                || 'a new database made by the previous version, or load the agency''s files again into an empty one';
    end if;
end
$$;

drop policy jurisdiction on enrollment;

drop table person_version;
alter table person drop column id_number, drop column name, drop column address, drop column phone, drop column email;
alter table person
    add column person  bigint not null unique,
    add column name    bytea  not null check (length(name) > 9),
    add column address bytea,
    add column phone   bytea,
    add column email   bytea;

drop index enrollment_spell;
alter table enrollment drop column id_number;
alter table enrollment add column person bigint not null;
create unique index enrollment_spell on enrollment (person, scheme, coalesce(credit_code, ''), start_date);

create policy jurisdiction on enrollment
    using (current_setting('vigil.scope', true) = '*'
           or exists (select 1 from person p where p.person = enrollment.person))
    with check (current_setting('vigil.scope', true) = '*'
           or exists (select 1 from person p where p.person = enrollment.person));

-- A person's versions as before (ADR 0029), the version's vault number in clear and its personal
-- values sealed for 'registry.person_version.<column>' and that number.
create table person_version (
    person_id         bigint      not null references person (id),
    version           integer     not null check (version >= 1),
    valid_from        timestamptz,
    person            bigint      not null,
    name              bytea       not null check (length(name) > 9),
    gender            char(1)     not null,
    birth_date        date        not null,
    region_code       varchar(12) not null,
    address           bytea,
    phone             bytea,
    email             bytea,
    recorded_by       text        not null,
    reason            text        not null,
    change_request_id bigint      references change_request (id),
    changed_fields    text[]      not null,
    primary key (person_id, version),
    check (version = 1 or valid_from is not null)
);

-- History is append-only (afterMigrate.sql), yet a key rotation must move its sealed values to the
-- new key. The application may update the sealed columns only (a column grant in afterMigrate.sql),
-- and only to a value under another key: everything else, and a rewrite under the same key, is refused.
create function person_version_reseal_only() returns trigger
    language plpgsql
as $$
begin
    if (new.person_id, new.version, new.valid_from, new.person, new.gender, new.birth_date, new.region_code,
        new.recorded_by, new.reason, new.change_request_id, new.changed_fields)
       is distinct from
       (old.person_id, old.version, old.valid_from, old.person, old.gender, old.birth_date, old.region_code,
        old.recorded_by, old.reason, old.change_request_id, old.changed_fields)
       or not registry.rekeyed(old.name, new.name) or not registry.rekeyed(old.address, new.address)
       or not registry.rekeyed(old.phone, new.phone) or not registry.rekeyed(old.email, new.email) then
        raise exception 'registry.person_version is append-only: only a key rotation may seal its values again';
    end if;
    return new;
end
$$;

-- Unchanged, or sealed under another key than before (the first 9 bytes are version and key id).
create function rekeyed(before bytea, after bytea) returns boolean
    language sql immutable
as $$
    select before is not distinct from after
        or (before is not null and after is not null
            and substring(before from 1 for 9) <> substring(after from 1 for 9))
$$;

create trigger reseal_only before update on person_version
    for each row execute function person_version_reseal_only();

-- What a change request changes: values that are personal data (ID number, name, address, phone,
-- e-mail) sealed for 'registry.change_item.old_value' / '.new_value' and the item's own id; the
-- rest (sex, birth date, community, and every employer field: no personal data) in clear.
alter table change_item add column id bigint generated by default as identity unique;
alter table change_item
    add column old_sealed bytea,
    add column new_sealed bytea,
    add check (old_value is null or old_sealed is null),
    add check (new_value is null or new_sealed is null);
