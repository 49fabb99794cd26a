-- Verification work on the to-be-verified list (CERT-10..13, CERT-19) and the noted reason of a
-- failed certification (CERT-15). The ledgers themselves (CERT-11, CERT-14) are read from the
-- month's decisions and need no table.

-- A recipient to verify one by one, created for a month from that month's to-be-verified list.
-- Where the recipient is listed is copied from the decision, so a worker's list does not move when
-- a later run lists the recipient elsewhere. A task only moves forward (OPEN, ASSIGNED, DONE) and
-- a done task is never changed: the monthly run may have certified someone on it.
create table verification_task (
    id                   bigint generated always as identity primary key,
    month                date        not null references verification_run (month),
    recipient_id         bigint      not null references recipient (id),
    id_number            char(18)    not null,
    benefit_kind         text        not null,
    -- the period the task was created in: a failure of that period takes its reason from the task
    period_end           date        not null,
    bucket               text        not null check (bucket in ('OVERDUE', 'ONE_MONTH', 'TWO_MONTHS', 'THREE_MONTHS', 'LATER')),
    region_code          varchar(12) not null,
    district             char(6)     not null,
    street               char(9),
    community            char(12),
    jurisdiction         text        not null check (jurisdiction in ('RESIDENCE', 'PAYING_PLACE')),
    organised_by         text        not null check (organised_by in ('COMMUNITY', 'EMPLOYER')),
    employer_credit_code char(18),
    -- aged, sick or disabled on the run's as-of date (第二十三条)
    home_visit           boolean     not null,
    status               text        not null check (status in ('OPEN', 'ASSIGNED', 'DONE')),
    created_at           timestamptz not null,
    assigned_to          text,
    assigned_at          timestamptz,
    method               text        check (method in ('WINDOW', 'FACE', 'PHONE', 'HOME_VISIT', 'BANK', 'VOLUNTEER',
                                     'EMPLOYER')),
    result               text        check (result in ('CONFIRMED_ALIVE', 'NOT_REACHED', 'DECEASED_REPORTED', 'REFUSED')),
    recorded_by          text,
    verified_at          timestamptz,
    -- the agency's date of verified_at: the date of the evidence a confirmation gives
    verified_on          date,
    note                 text,
    check ((status = 'OPEN') = (assigned_to is null)),
    check ((assigned_to is null) = (assigned_at is null)),
    check ((status = 'DONE') = (result is not null)),
    check (status <> 'DONE' or (method is not null and recorded_by is not null and verified_at is not null
                                and verified_on is not null))
);
-- creating a month's tasks twice creates nothing; a recipient has at most one task not yet done
create unique index verification_task_month on verification_task (month, recipient_id);
create unique index verification_task_unfinished on verification_task (recipient_id) where status <> 'DONE';
create index verification_task_list on verification_task (month, status, district, street, community);
create index verification_task_recipient on verification_task (recipient_id, month);
create index verification_task_person on verification_task (id_number);
create index verification_task_evidence on verification_task (verified_on) where status = 'DONE';

-- Files kept with a task (第二十八条): the bytes under their SHA-256 in the attachment folder, the
-- name the operator gave here. The same content attached to a task twice is one row.
create table verification_attachment (
    task_id      bigint      not null references verification_task (id),
    sha256       char(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    name         text        not null,
    content_type text,
    size_bytes   bigint      not null check (size_bytes >= 0),
    added_by     text        not null,
    added_at     timestamptz not null,
    primary key (task_id, sha256)
);

-- A failed certification of a month (第二十四条) with its noted reason, written by the month's run
-- beside the decision that says PERIOD_ENDED, and compared rather than replaced like the decisions.
create table certification_failure (
    month          date     not null references verification_run (month),
    recipient_id   bigint   not null references recipient (id),
    id_number      char(18) not null,
    district       char(6)  not null,
    period_end     date     not null,
    ground         text     not null check (ground in ('NO_VERIFICATION', 'VERIFICATION_UNFINISHED', 'VERIFICATION_FAILED')),
    task_id        bigint   references verification_task (id),
    reason         text     not null,
    reason_english text     not null,
    primary key (month, recipient_id),
    check ((ground = 'NO_VERIFICATION') = (task_id is null))
);
create index certification_failure_list on certification_failure (month, district, id_number);
create index certification_failure_person on certification_failure (id_number, month);
