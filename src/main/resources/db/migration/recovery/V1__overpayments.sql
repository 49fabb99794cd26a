-- Overpayments to recover (SHARE-7(4)): what the payment system paid after a recipient's right
-- ended, month by month, with the evidence of the loss. Filled from the certification module's
-- SuspensionReleased event only; this schema never refers to another module's tables, so the
-- module can be lifted out whole (ADR 0002, ADR 0018).

create table overpayment_case (
    recipient_id     bigint        not null,
    -- the month of the suspension batch that stopped payment: one case per suspension
    suspension_month date          not null,
    id_number        char(18)      not null,
    name             text          not null,
    benefit_kind     text          not null,
    district         char(6)       not null,
    reason_code      text          not null,
    loss_from        date          not null,
    effective_month  date          not null,
    last_paid        date          not null,
    total            numeric(12,2) not null check (total > 0),
    -- [{"source", "feed", "document", "row"}]: provider, feed, delivery and row of the loss
    evidence         jsonb         not null,
    status           text          not null check (status in ('OPEN', 'CANCELLED')),
    opened_at        timestamptz   not null,
    closed_at        timestamptz,
    close_reason     text,
    primary key (recipient_id, suspension_month),
    check ((status = 'OPEN') = (closed_at is null))
);
create index overpayment_case_status on overpayment_case (status, district, id_number);

create table overpayment_month (
    recipient_id     bigint        not null,
    suspension_month date          not null,
    month            date          not null check (extract(day from month) = 1),
    amount           numeric(12,2) not null check (amount > 0),
    primary key (recipient_id, suspension_month, month),
    foreign key (recipient_id, suspension_month) references overpayment_case (recipient_id, suspension_month)
);
