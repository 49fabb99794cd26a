-- The monthly silent verification (CERT-6, CERT-7, CERT-19): one stored run per month, the
-- decision about every recipient with its reasons and evidence, and the certifications the
-- decisions recorded (CERT-4). A month is re-run by replacing what changed; a repeat with the same
-- as-of date and evidence writes nothing.

create table verification_run (
    month          date        primary key check (extract(day from month) = 1),
    as_of          date        not null,
    policy_version text        not null,
    -- 1 for the first run; one more whenever a later run of the month changed anything
    revision       integer     not null check (revision >= 1),
    started_at     timestamptz not null,
    finished_at    timestamptz not null,
    recipients     bigint      not null,
    qualified      bigint      not null,
    disqualified   bigint      not null,
    to_be_verified bigint      not null,
    investigate    bigint      not null,
    certified      bigint      not null,
    -- rows the stored revision changed (decisions, certifications, the run itself)
    changed        bigint      not null,
    check (as_of >= month and as_of < month + interval '1 month'),
    check (qualified + disqualified + to_be_verified = recipients)
);

create table decision (
    month          date     not null references verification_run (month),
    recipient_id   bigint   not null references recipient (id),
    id_number      char(18) not null,
    benefit_kind   text     not null,
    status         text     not null check (status in ('QUALIFIED', 'DISQUALIFIED', 'TO_BE_VERIFIED')),
    -- the first reason, the one the lists show; all of them in reasons
    reason_code    text     not null,
    -- [{"code", "evidenceKind", "date"}]
    reasons        jsonb    not null,
    loss_from      date,
    certified_on   date,
    period_end     date,
    bucket         text     check (bucket in ('OVERDUE', 'ONE_MONTH', 'TWO_MONTHS', 'THREE_MONTHS', 'LATER')),
    investigate    boolean  not null,
    -- [{"source", "feed", "document", "row"}]: provider, feed, delivery and row
    evidence       jsonb    not null,
    policy_version text     not null,
    -- where the recipient is listed (CERT-2): residence in the paying city, else the paying district
    region_code    varchar(12) not null,
    district       char(6)  not null,
    street         char(9),
    community      char(12),
    jurisdiction   text     not null check (jurisdiction in ('RESIDENCE', 'PAYING_PLACE')),
    -- institution pensions are verified by the employing unit (第七条)
    organised_by   text     not null check (organised_by in ('COMMUNITY', 'EMPLOYER')),
    employer_credit_code char(18),
    primary key (month, recipient_id),
    check ((status = 'DISQUALIFIED') = (loss_from is not null)),
    check ((status = 'TO_BE_VERIFIED') = (bucket is not null))
);
create index decision_list on decision (month, status, district, street, community, id_number);
create index decision_person on decision (id_number, month);

-- A certification recorded by a month's run: the recipient's period restarts on that date, and
-- the next months start their period from the latest certification of an earlier month.
create table certification_history (
    recipient_id   bigint not null references recipient (id),
    month          date   not null references verification_run (month),
    certified_on   date   not null,
    evidence_kind  text   not null,
    -- {"source", "feed", "document", "row"}
    evidence       jsonb  not null,
    primary key (recipient_id, month)
);
create index certification_history_month on certification_history (month);
