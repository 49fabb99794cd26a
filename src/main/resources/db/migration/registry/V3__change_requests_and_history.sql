-- Changes to the registry's basic data under control (DATA-6, DATA-8, ADR 0029): each change is a
-- request that goes apply → approve → modify → review by the posts that may, and every version of
-- every person and employer record is kept with who, when, what, why and the request.

-- When a baseline load added the record, by the application's clock, so "as it was on a date" can
-- say that a record did not exist yet. Null for records loaded before this migration: their first
-- version counts from before records began. Nullable and without a default, so adding the column
-- rewrites nothing and the load only passes one constant more.
alter table person add column loaded_at timestamptz;
alter table employer add column loaded_at timestamptz;
-- E-mail is a contact detail under system validation (DATA-6); the baseline files carry none.
alter table person add column email text;

create table change_request (
    id               bigint      generated always as identity primary key,
    record_kind      text        not null check (record_kind in ('PERSON', 'EMPLOYER')),
    status           text        not null check (status in ('APPLIED', 'APPROVED', 'MODIFIED', 'REVIEWED', 'REJECTED')),
    review_level     text        not null check (review_level in ('NONE', 'SYSTEM_VALIDATION', 'MANUAL_REVIEW')),
    batch            boolean     not null,
    -- applied at once at the application (NONE and SYSTEM_VALIDATION fields of one record)
    immediate        boolean     not null,
    reason           text        not null check (length(btrim(reason)) > 0),
    applied_by       text        not null,
    applied_role     text        not null,
    applied_at       timestamptz not null,
    approved_by      text,
    approved_role    text,
    approved_at      timestamptz,
    -- the cross-department check that confirmed a MANUAL_REVIEW value, recorded at approval
    check_department text        check (check_department in ('PUBLIC_SECURITY_HOUSEHOLD', 'MARKET_REGULATION')),
    check_reference  text,
    modified_by      text,
    modified_role    text,
    modified_at      timestamptz,
    reviewed_by      text,
    reviewed_role    text,
    reviewed_at      timestamptz,
    review_note      text,
    rejected_by      text,
    rejected_role    text,
    rejected_at      timestamptz,
    rejected_from    text        check (rejected_from in ('APPLIED', 'APPROVED', 'MODIFIED')),
    rejection_reason text,
    check ((check_department is null) = (check_reference is null)),
    -- the separation of duties (DATA-8), kept by the service and held here as well
    check (approved_by is null or approved_by <> applied_by),
    check (immediate or modified_by is null or modified_by <> applied_by),
    check (reviewed_by is null or reviewed_by <> modified_by)
);
create index change_request_status on change_request (status, id);

-- What a request changes: one row per record and field, with the value the record held when the
-- request was made, so a modification finds a record changed in between and refuses.
create table change_item (
    request_id bigint not null references change_request (id),
    record_id  bigint not null,
    field      text   not null,
    old_value  text,
    new_value  text,
    primary key (request_id, record_id, field)
);

-- Every version of a person, whole, from the second on written by the change service. Version 1 is
-- the record as the baseline load left it; it is written, in one insert … select, only when the
-- record first changes, so the bulk load writes nothing here. A record without rows here is still
-- at version 1. Append-only for the application (afterMigrate.sql).
create table person_version (
    person_id         bigint      not null references person (id),
    version           integer     not null check (version >= 1),
    valid_from        timestamptz,
    id_number         char(18)    not null,
    name              text        not null,
    gender            char(1)     not null,
    birth_date        date        not null,
    region_code       varchar(12) not null,
    address           text,
    phone             text,
    email             text,
    recorded_by       text        not null,
    reason            text        not null,
    change_request_id bigint      references change_request (id),
    changed_fields    text[]      not null,
    primary key (person_id, version),
    check (version = 1 or valid_from is not null)
);

create table employer_version (
    employer_id       bigint      not null references employer (id),
    version           integer     not null check (version >= 1),
    valid_from        timestamptz,
    credit_code       char(18)    not null,
    name              text        not null,
    region_code       varchar(12) not null,
    registered_on     date,
    recorded_by       text        not null,
    reason            text        not null,
    change_request_id bigint      references change_request (id),
    changed_fields    text[]      not null,
    primary key (employer_id, version),
    check (version = 1 or valid_from is not null)
);
