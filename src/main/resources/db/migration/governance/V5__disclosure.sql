-- Purpose-bound access and controlled export (SHARE-2, DATA-9, DATA-10; ADR 0030). The account
-- columns copy what the session knew, without a foreign key to staff_account: the rows must stay
-- readable after an account is disabled, and they are evidence, not references.

-- Every reveal of personal data in full and every single-person look-up: what the daily quota
-- counts and the enumeration watch looks at. Append-only for the application (afterMigrate.sql).
create table disclosure_access (
    id          bigint      generated always as identity primary key,
    account_id  bigint      not null,
    username    text        not null,
    role        text        not null,
    kind        text        not null check (kind in ('REVEAL', 'LOOKUP')),
    subject     text        not null check (length(subject) between 1 and 500),
    purpose     text,
    accessed_at timestamptz not null,
    -- a reveal always states its purpose; a look-up shows nothing in full and states none
    check ((kind = 'REVEAL') = (purpose is not null))
);
create index disclosure_access_account on disclosure_access (account_id, accessed_at);

-- One account looked up more people within the window than the threshold allows.
create table disclosure_alert (
    id           bigint      generated always as identity primary key,
    account_id   bigint      not null,
    username     text        not null,
    role         text        not null,
    kind         text        not null check (kind in ('ENUMERATION')),
    raised_at    timestamptz not null,
    window_start timestamptz not null check (window_start <= raised_at),
    accesses     integer     not null check (accesses > 0),
    threshold    integer     not null check (threshold > 0)
);
create index disclosure_alert_account on disclosure_alert (account_id, raised_at);
create index disclosure_alert_raised on disclosure_alert (raised_at);

-- Requests to export personal data in bulk, their approval and the file produced.
create table export_request (
    id              bigint      generated always as identity primary key,
    requester_id    bigint      not null,
    requester       text        not null,
    requester_name  text        not null,
    requester_role  text        not null,
    kind            text        not null check (length(kind) between 1 and 64),
    -- canonical JSON written by the application: the producing module reads its filter back
    filter          text        not null,
    estimated_rows  bigint      not null check (estimated_rows >= 0),
    purpose         text        not null,
    note            text        check (length(note) <= 200),
    unmasked        boolean     not null,
    status          text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'EXPORTED')),
    requested_at    timestamptz not null,
    decided_by      text,
    decided_at      timestamptz,
    decision_note   text        check (length(decision_note) <= 200),
    exported_at     timestamptz,
    exported_rows   bigint      check (exported_rows >= 0),
    file_sha256     text        check (file_sha256 ~ '^[0-9a-f]{64}$'),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'EXPORTED') = (file_sha256 is not null and exported_at is not null and exported_rows is not null))
);
create index export_request_requester on export_request (requester_id, requested_at);
create index export_request_pending on export_request (requested_at) where status = 'PENDING';
