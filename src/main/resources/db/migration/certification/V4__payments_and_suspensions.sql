-- Payment state, amount history and the monthly suspension batch (CERT-16, CERT-17, SHARE-7(3)).
-- Vigil does not pay: the agency's benefit payment system does, from the instructions released
-- here. What Vigil keeps is what its money computations need (ADR 0018).

-- A recipient's monthly amount from a month on. A recipient without rows has had one amount since
-- the benefit started: recipient.monthly_amount; the first recorded change seeds that row, so the
-- months before the change keep their amount.
create table amount_change (
    recipient_id   bigint        not null references recipient (id),
    from_month     date          not null check (extract(day from from_month) = 1),
    monthly_amount numeric(12,2) not null check (monthly_amount >= 0),
    primary key (recipient_id, from_month)
);

-- Whether the payment system pays a recipient. No row: paying, as every recipient the agency loads.
create table payment_state (
    recipient_id     bigint      primary key references recipient (id),
    status           text        not null check (status in ('PAYING', 'SUSPENDED')),
    -- the last month paid as the payment system reported it; null: never reported, and the batch
    -- assumes the month before its suspension takes effect (ADR 0018)
    paid_through     date        check (extract(day from paid_through) = 1),
    -- while suspended: the first month not paid and the batch (its month) or officer month that suspended
    suspended_from   date        check (extract(day from suspended_from) = 1),
    suspension_month date,
    changed_at       timestamptz not null,
    check ((status = 'SUSPENDED') = (suspended_from is not null)),
    check ((status = 'SUSPENDED') = (suspension_month is not null))
);

-- One batch per verified month (第二十五条): built after the month's run, held by the circuit
-- breaker when it trips until an officer signs it off, approved district by district, released
-- by the policy's day of the next month.
create table suspension_batch (
    month           date        primary key references verification_run (month),
    -- the first month whose payment the batch changes: the month after the verified one
    effective_month date        not null check (extract(day from effective_month) = 1),
    release_by      date        not null,
    run_revision    integer     not null,
    built_at        timestamptz not null,
    recipients      bigint      not null,
    suspensions     bigint      not null,
    restorations    bigint      not null,
    -- [{"rule", "chinese", "english"}], empty when the breaker let the batch through
    trips           jsonb       not null,
    held            boolean     not null,
    signed_off_by   text,
    signed_off_at   timestamptz,
    sign_off_reason text,
    check (held = (jsonb_array_length(trips) > 0)),
    check ((signed_off_by is null) = (signed_off_at is null)),
    check ((signed_off_by is null) = (sign_off_reason is null))
);

create table batch_district (
    month        date        not null references suspension_batch (month),
    district     char(6)     not null,
    instructions integer     not null,
    approved_by  text,
    approved_at  timestamptz,
    released_at  timestamptz,
    -- why a release came after the policy's day (第二十五条: before the 8th of the next month)
    late_reason  text,
    primary key (month, district),
    check ((approved_by is null) = (approved_at is null)),
    check (released_at is null or approved_at is not null)
);

-- A suspension or restoration for the payment system. Keyed by month, kind and recipient so a
-- batch rebuilt or re-run after a crash writes the same rows.
create table payment_instruction (
    month            date          not null,
    kind             text          not null check (kind in ('SUSPEND', 'RESTORE')),
    recipient_id     bigint        not null references recipient (id),
    -- BATCH: from a month's batch; OFFICER: an officer's restoration (vigil restore), released at once
    origin           text          not null check (origin in ('BATCH', 'OFFICER')),
    id_number        char(18)      not null,
    benefit_kind     text          not null,
    district         char(6)       not null,
    street           char(9),
    community        char(12),
    -- SUSPEND: the loss or the failed certification; RESTORE from a batch: the sign of life that
    -- certified; none for an officer's restoration, whose words are the reason
    reason_code      text,
    reason_text      text,
    loss_from        date,
    period_end       date,
    -- [{"source", "feed", "document", "row"}]
    evidence         jsonb         not null,
    -- provider/feed of the decisive evidence, for the breaker's per-source count
    source           text          not null,
    -- SUSPEND: the first month not paid; RESTORE: the month payment resumes
    effective_month  date          not null check (extract(day from effective_month) = 1),
    monthly_amount   numeric(12,2) not null,
    -- SUSPEND: the last month assumed paid, and what was paid after the right ended, month by month
    last_paid        date,
    overpaid         jsonb         not null,
    overpaid_total   numeric(12,2) not null,
    -- RESTORE: the suspension it ends, the months not owed, and the back pay month by month
    suspended_from   date,
    suspension_month date,
    suspended_for    text,
    not_owed_from    date,
    not_owed_to      date,
    back_pay         jsonb         not null,
    back_pay_total   numeric(12,2) not null,
    status           text          not null check (status in ('PENDING', 'APPROVED', 'RELEASED')),
    officer          text,
    released_at      timestamptz,
    primary key (month, kind, recipient_id),
    check ((status = 'RELEASED') = (released_at is not null)),
    check ((kind = 'RESTORE') = (suspended_from is not null)),
    check (reason_code is not null or (origin = 'OFFICER' and reason_text is not null)),
    check ((not_owed_from is null) = (not_owed_to is null))
);
create index payment_instruction_recipient on payment_instruction (recipient_id, kind, status);
create index payment_instruction_list on payment_instruction (month, district, kind, id_number);
