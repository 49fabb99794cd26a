-- Ad-hoc statistics through an approval process (DATA-10, 004 第十一条, ADR 0033). A request names a
-- statistic from a fixed vocabulary (kept as JSON of enum names, months and a district code: no
-- SQL), a purpose and a note; another person who may approve exports approves or rejects it; the
-- requester runs it once, and its table (small cells suppressed) is kept here as JSON. The rows
-- hold no person's data, only counts and sums of a jurisdiction, so they carry no row-level
-- security: the requester's own list and the approvers' queue are chosen by the service.
create table statistics_request (
    id             bigint      generated always as identity primary key,
    requester_id   bigint      not null,
    requester      text        not null,
    requester_role text        not null,
    -- the jurisdiction counted: the requester's vigil.scope when asked; the run must be at the same
    scope          text        not null check (scope ~ '^R:[0-9]{2,12}$'),
    question       jsonb       not null,
    purpose        text        not null check (length(purpose) between 1 and 100),
    note           text        check (length(note) between 1 and 200),
    status         text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'RUN')),
    requested_at   timestamptz not null,
    decided_by     text,
    decided_at     timestamptz,
    decision_note  text        check (length(decision_note) between 1 and 200),
    ran_at         timestamptz,
    result         jsonb,
    check ((status = 'PENDING') = (decided_by is null)),
    check ((status = 'PENDING') = (decided_at is null)),
    check ((status = 'RUN') = (ran_at is not null)),
    check ((status = 'RUN') = (result is not null))
);
create index statistics_request_requester on statistics_request (requester_id, id);
create index statistics_request_pending on statistics_request (requested_at, id) where status = 'PENDING';
