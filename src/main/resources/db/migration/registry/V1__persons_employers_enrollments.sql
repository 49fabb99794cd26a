-- The registry's baseline: the people and employers the agency knows and their enrollments (REG-1, REG-2).
-- ID numbers are held as the normalised 18-character form; encryption at rest comes with governance (DATA-15).
create table person (
    id           bigint generated always as identity primary key,
    id_number    char(18)    not null unique,
    name         text        not null,
    gender       char(1)     not null check (gender in ('M', 'F')),
    birth_date   date        not null,
    region_code  varchar(12) not null check (region_code ~ '^[0-9]{12}$'),
    address      text,
    phone        text
);
create index person_district on person (substr(region_code, 1, 6));

create table employer (
    id            bigint generated always as identity primary key,
    credit_code   char(18)    not null unique,
    name          text        not null,
    region_code   varchar(12) not null check (region_code ~ '^[0-9]{6}([0-9]{3}([0-9]{3})?)?$'),
    registered_on date
);

-- One row per person, scheme and employer spell; REG-1 lists the eight schemes.
create table enrollment (
    id          bigint generated always as identity primary key,
    id_number   char(18) not null,
    scheme      text     not null check (scheme in ('EMPLOYEE_PENSION', 'RESIDENT_PENSION', 'EMPLOYEE_MEDICAL',
                         'RESIDENT_MEDICAL', 'NCMS', 'WORK_INJURY', 'MATERNITY', 'UNEMPLOYMENT')),
    credit_code char(18),
    start_date  date     not null,
    end_date    date,
    check (end_date is null or end_date >= start_date)
);
create unique index enrollment_spell on enrollment (id_number, scheme, coalesce(credit_code, ''), start_date);
