-- Deliveries and what they established (SHARE-3, SHARE-6, DATA-12). Every fact keeps its
-- provenance: the delivery (hence provider, feed and stored raw file) and the row it came from.

create table delivery (
    id              bigint generated always as identity primary key,
    provider        text        not null,
    feed            text        not null,
    file_name       text        not null,
    sha256          char(64)    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    size_bytes      bigint      not null check (size_bytes >= 0),
    format          text,
    encoding        text,
    data_month      date        not null check (extract(day from data_month) = 1),
    as_of           date        not null,
    received_at     timestamptz not null,
    status          text        not null check (status in ('APPLIED', 'REFUSED', 'QUARANTINED', 'DISCARDED')),
    -- why it was refused or held, one line in Chinese and English
    reason          text,
    -- an officer's release or discard of a held delivery (DATA-13)
    decided_by      text,
    decided_at      timestamptz,
    decision_reason text,
    catalogue_version integer   not null,
    -- whether the provider's SHARE-4 age filter applied to this delivery (it may change later)
    age_filter      boolean     not null default false,
    rows_read       bigint      not null default 0,
    rows_accepted   bigint      not null default 0,
    rows_rejected   bigint      not null default 0,
    rows_review     bigint      not null default 0,
    rows_duplicate  bigint      not null default 0,
    rows_age_filtered bigint    not null default 0,
    rows_linked     bigint      not null default 0,
    cells_expected  bigint      not null default 0,
    cells_filled    bigint      not null default 0,
    facts_written   bigint      not null default 0,
    life_signs_written bigint   not null default 0,
    check ((status in ('REFUSED', 'QUARANTINED')) <= (reason is not null)),
    check ((decided_by is null) = (decided_at is null))
);
-- The same file for the same feed and month is applied (or held) once; refusals and discards are a
-- log and may repeat. The month is part of the key: a department's empty list (header only) is
-- byte for byte the same every month, and each month's delivery still counts as that month's.
create unique index delivery_applied_once on delivery (provider, feed, data_month, sha256)
    where status in ('APPLIED', 'QUARANTINED');
create index delivery_by_provider on delivery (provider, feed, data_month);

-- Deaths, sentences, custody and registry facts: one per accepted row.
create table fact (
    delivery_id bigint   not null references delivery (id),
    row_no      bigint   not null check (row_no >= 0),
    kind        text     not null,
    id_number   char(18),
    linked      boolean  not null,
    event_date  date,
    end_date    date,
    attributes  jsonb    not null default '{}'::jsonb,
    primary key (delivery_id, row_no)
);
create index fact_subject on fact (id_number, kind) where id_number is not null;

-- Proof of life (SHARE-3 class 3): one sign per person, feed and month, the latest of the month,
-- keeping the row it came from (ADR 0011). A later delivery never replaces an earlier sign.
create table life_sign (
    id_number   char(18) not null,
    feed        text     not null,
    month       date     not null check (extract(day from month) = 1),
    event_date  date     not null,
    -- no foreign key: the delivery row is written in the same transaction, and checking it per
    -- sign costs a third of the write of a month's signs (docs/performance.md)
    delivery_id bigint   not null,
    row_no      bigint   not null,
    primary key (id_number, feed, month)
);
create index life_sign_by_delivery on life_sign (delivery_id);

-- What the provider must correct: one line per defective cell (or whole row), as in the rejects file.
create table reject (
    delivery_id bigint not null references delivery (id),
    row_no      bigint not null,
    seq         integer not null,
    column_header text not null,
    value       text   not null,
    reason_code text   not null,
    reason      text   not null,
    row_rejected boolean not null,
    primary key (delivery_id, row_no, seq)
);

-- Rows without a usable ID: never matched silently; a reviewer picks among the candidates.
create table review_item (
    delivery_id bigint not null references delivery (id),
    row_no      bigint not null,
    kind        text   not null,
    name        text,
    gender      char(1),
    birth_date  date,
    region_code varchar(12),
    event_date  date,
    candidates  jsonb  not null,
    status      text   not null default 'OPEN' check (status in ('OPEN', 'MATCHED', 'DISMISSED')),
    -- a reviewer's decision: the person chosen (MATCHED) or why none is (DISMISSED)
    matched_id_number char(18),
    decided_by  text,
    decided_at  timestamptz,
    decision_note text,
    primary key (delivery_id, row_no),
    check ((status = 'MATCHED') = (matched_id_number is not null)),
    check ((status = 'OPEN') = (decided_by is null))
);
create index review_item_open on review_item (delivery_id) where status = 'OPEN';
