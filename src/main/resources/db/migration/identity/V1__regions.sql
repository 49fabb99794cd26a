-- Divisions Vigil works with beyond the shipped GB/T 2260 table: the 12-digit communities and
-- villages of the city, which no public table lists (the shipped table ends at streets and towns).
create table region (
    code   varchar(12) primary key check (code ~ '^[0-9]{12}$'),
    name   text        not null,
    parent varchar(9)  not null generated always as (substr(code, 1, 9)) stored
);
create index region_parent on region (parent);
