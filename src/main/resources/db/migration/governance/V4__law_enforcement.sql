-- The law-enforcement access register (DATA-11, 004 第十二条). A request names the case, the
-- agency, the legal basis and approval, the scope (categories of data, persons) and the access
-- window; at least two officers with their credentials; the approval document's scan. ID and
-- credential numbers are sealed with SM4-GCM by the key service and found by an HMAC-SM3 blind
-- index; nothing here holds them in plain text. What was registered, and every release, is never
-- changed afterwards: afterMigrate.sql leaves the application only insert and select on those.
create table law_enforcement_request (
    id                        bigint      generated always as identity primary key,
    case_number               text        not null check (length(case_number) between 1 and 64),
    requesting_agency         text        not null check (length(requesting_agency) between 1 and 100),
    purpose                   text        not null check (length(purpose) between 1 and 500),
    legal_basis               text        not null check (length(legal_basis) between 1 and 200),
    approval_number           text        not null check (length(approval_number) between 1 and 100),
    window_from               timestamptz not null,
    window_to                 timestamptz not null,
    supervisor_name           text        not null check (length(supervisor_name) between 1 and 64),
    supervisor_post           text        not null check (length(supervisor_post) between 1 and 100),
    supervisor_account        text,
    confidentiality_undertaken boolean    not null check (confidentiality_undertaken),
    -- the keys the request's sealed values and blind indexes were made with
    index_key                 text        not null,
    data_key                  text        not null,
    -- EXPIRED is not stored: it follows from the window and the clock
    status                    text        not null check (status in ('REGISTERED', 'APPROVED', 'REJECTED', 'CLOSED')),
    registered_by             text        not null,
    registered_by_account     bigint      not null,
    registered_at             timestamptz not null,
    decided_by                text,
    decided_by_account        bigint,
    decided_at                timestamptz,
    decision_note             text        check (length(decision_note) <= 500),
    closed_by                 text,
    closed_at                 timestamptz,
    closing_note              text        check (length(closing_note) <= 500),
    check (window_to > window_from),
    check ((status = 'REGISTERED') = (decided_at is null)),
    check ((status = 'CLOSED') = (closed_at is not null))
);
create index law_enforcement_request_registered_at on law_enforcement_request (registered_at);

create table law_enforcement_category (
    request_id bigint not null references law_enforcement_request (id),
    category   text   not null check (category in ('IDENTITY', 'ENROLLMENT', 'BENEFITS', 'CERTIFICATION', 'PAYMENTS',
                                                    'CONTACT')),
    primary key (request_id, category)
);

-- The persons in a request's scope; releases name them by this row's id.
create table law_enforcement_person (
    id            bigint generated always as identity primary key,
    request_id    bigint not null references law_enforcement_request (id),
    person_index  bytea  not null check (length(person_index) = 32),
    person_sealed bytea  not null,
    unique (request_id, person_index)
);
create index law_enforcement_person_index on law_enforcement_person (person_index);

create table law_enforcement_officer (
    request_id        bigint   not null references law_enforcement_request (id),
    position          smallint not null check (position between 1 and 10),
    name              text     not null check (length(name) between 1 and 64),
    credential_type   text     not null,
    credential_index  bytea    not null check (length(credential_index) = 32),
    credential_sealed bytea    not null,
    -- the last four characters, what the register shows
    credential_tail   text     not null check (length(credential_tail) <= 4),
    primary key (request_id, position),
    unique (request_id, credential_index)
);
create index law_enforcement_officer_credential on law_enforcement_officer (credential_index);

-- The approval document's scan, sealed, in the database: it is backed up, restored and kept with
-- the request it belongs to, in the same transaction (ADR 0027).
create table law_enforcement_document (
    request_id bigint primary key references law_enforcement_request (id),
    file_name  text,
    format     text   not null check (format in ('PDF', 'JPEG', 'PNG')),
    size_bytes bigint not null check (size_bytes > 0),
    sha256     bytea  not null check (length(sha256) = 32),
    sealed     bytea  not null
);

-- Every hand-over of data to the officers and every item in it, append-only for the application.
create table law_enforcement_release (
    id                  bigint      generated always as identity primary key,
    request_id          bigint      not null references law_enforcement_request (id),
    released_at         timestamptz not null,
    released_by         text        not null,
    released_by_account bigint      not null,
    file_sha256         bytea       check (length(file_sha256) = 32)
);
create index law_enforcement_release_request on law_enforcement_release (request_id);

create table law_enforcement_release_item (
    id         bigint generated always as identity primary key,
    release_id bigint not null references law_enforcement_release (id),
    category   text   not null,
    person_id  bigint not null references law_enforcement_person (id),
    unique (release_id, category, person_id)
);
create index law_enforcement_release_item_person on law_enforcement_release_item (person_id);

-- The supervisor's notices: written with the act they tell of; delivered_at is set by whatever
-- brings them to the supervisor (the console's inbox), nothing sends e-mail.
create table law_enforcement_notice (
    id                bigint      generated always as identity primary key,
    request_id        bigint      not null references law_enforcement_request (id),
    event             text        not null check (event in ('REGISTERED', 'APPROVED', 'REJECTED', 'CLOSED')),
    recipient_name    text        not null,
    recipient_post    text        not null,
    recipient_account text,
    created_at        timestamptz not null,
    delivered_at      timestamptz
);
create index law_enforcement_notice_request on law_enforcement_notice (request_id);
