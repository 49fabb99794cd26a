-- Data quality of deliveries (DATA-12, DATA-13, SHARE-5, SHARE-9); the rules are in
-- docs/data-quality.md. Java checks every value first and says what is wrong; the constraints keep
-- the tables right whatever writes to them.

-- Thresholds of the quality rules as effective-dated data: a default for every feed (feed null)
-- and overrides per feed, each from a month on. A new value is a new row; rows are never changed,
-- so every past month is still judged by the values it was judged by (DATA-8: traceable).
create table quality_threshold (
    id             bigint       generated always as identity primary key,
    feed           varchar(80)  check (feed ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
    rule           varchar(40)  not null check (rule in ('INGESTION_RATE_MIN', 'COMPLETENESS_RATE_MIN',
                                   'RECORDED_RATE_MIN', 'ANOMALY_RATE_MAX', 'DUPLICATE_RATE_MAX', 'MIN_ROWS_FOR_RATES',
                                   'HISTORY_WINDOW', 'HISTORY_MIN_DELIVERIES', 'HISTORY_FACTOR', 'HISTORY_MIN_MEDIAN',
                                   'ON_TIME_SHARE_MIN')),
    value          numeric(12, 4) not null check (value >= 0),
    -- the first delivery month it applies to
    effective_from date         not null check (extract(day from effective_from) = 1),
    recorded_by    text         not null check (btrim(recorded_by) <> ''),
    recorded_at    timestamptz  not null,
    note           text         not null check (btrim(note) <> ''),
    check (rule not like '%\_RATE\_%' or value <= 1),
    check (rule <> 'ON_TIME_SHARE_MIN' or value <= 1)
);
create unique index quality_threshold_once on quality_threshold (feed, rule, effective_from) nulls not distinct;

-- The defaults, in force from January 2018 (the year of the Jilin City sharing rules). Why these
-- numbers: docs/data-quality.md.
insert into quality_threshold (feed, rule, value, effective_from, recorded_by, recorded_at, note)
select null, rule, value, date '2018-01-01', 'vigil', now(), 'shipped default (docs/data-quality.md)'
  from (values ('INGESTION_RATE_MIN', 0.90), ('COMPLETENESS_RATE_MIN', 0.95), ('RECORDED_RATE_MIN', 0.30),
               ('ANOMALY_RATE_MAX', 0.05), ('DUPLICATE_RATE_MAX', 0.02), ('MIN_ROWS_FOR_RATES', 100),
               ('HISTORY_WINDOW', 6), ('HISTORY_MIN_DELIVERIES', 3), ('HISTORY_FACTOR', 10),
               ('HISTORY_MIN_MEDIAN', 10), ('ON_TIME_SHARE_MIN', 0.90)) as d (rule, value);

-- Community reports are compiled by hand and often name people without an ID number (a third of
-- rows in practice); those rows go to review rather than being lost, so they lower the ingestion
-- rate and raise the anomaly rate without the file being broken. Hand-compiled lists also repeat
-- a row more often, and a repeat is dropped exactly, so it costs nothing but the provider's effort.
insert into quality_threshold (feed, rule, value, effective_from, recorded_by, recorded_at, note)
select 'death.community_report', rule, value, date '2018-01-01', 'vigil', now(),
       'shipped override: hand-compiled community reports often lack ID numbers (docs/data-quality.md)'
  from (values ('INGESTION_RATE_MIN', 0.50), ('ANOMALY_RATE_MAX', 0.50), ('COMPLETENESS_RATE_MIN', 0.80),
               ('DUPLICATE_RATE_MAX', 0.05)) as d (rule, value);

-- The registers of REG-11 exist to find people the registry does not yet know (REG-4, 应参未参),
-- so a low share of rows naming a registry person is their purpose, not a defect.
insert into quality_threshold (feed, rule, value, effective_from, recorded_by, recorded_at, note)
select feed, 'RECORDED_RATE_MIN', 0, date '2018-01-01', 'vigil', now(),
       'shipped override: REG-11 registers are meant to name people the registry lacks (docs/data-quality.md)'
  from (values ('registry.household'), ('registry.student'), ('registry.social_assistance'), ('registry.marriage'),
               ('registry.adoption'), ('registry.prisoner'), ('registry.construction_worker'), ('registry.newborn'),
               ('registry.ncms_participant'), ('registry.wage_income'), ('registry.tax_payment'),
               ('registry.market_entity'), ('registry.organization_code'), ('registry.established_post'),
               ('registry.enlistment')) as f (feed);

-- Rectification requirements (《数据质量整改要求》, DATA-13). Only OPEN and DONE are stored; an open
-- notice past its deadline is overdue on any day it is read.
create table rectification (
    id          bigint       generated always as identity primary key,
    provider    varchar(40)  not null,
    feed        varchar(80)  not null,
    issue       varchar(40)  not null check (issue in ('INGESTION_RATE', 'COMPLETENESS_RATE', 'RECORDED_RATE',
                                'ANOMALY_RATE', 'DUPLICATE_RATE', 'ROWS_VS_HISTORY', 'ACCEPTED_VS_HISTORY',
                                'LATE_DELIVERY', 'SPOT_CHECK')),
    data_month  date         not null check (extract(day from data_month) = 1),
    finding     text         not null check (btrim(finding) <> ''),
    opened_by   text         not null check (btrim(opened_by) <> ''),
    opened_on   date         not null,
    deadline    date         not null,
    status      varchar(8)   not null check (status in ('OPEN', 'DONE')),
    closed_on   date,
    recorded_at timestamptz  not null,
    check (deadline >= opened_on),
    check ((status = 'DONE') = (closed_on is not null))
);
-- One open notice per provider, feed, issue and month: finding it again adds a note instead.
create unique index rectification_open_once on rectification (provider, feed, issue, data_month) where status = 'OPEN';
create index rectification_by_provider on rectification (provider, status);

-- The follow-up of a notice, only ever added to.
create table rectification_note (
    rectification_id bigint      not null references rectification (id),
    seq              integer     not null check (seq >= 1),
    noted_on         date        not null,
    officer          text        not null check (btrim(officer) <> ''),
    note             text        not null check (btrim(note) <> ''),
    closing          boolean     not null,
    recorded_at      timestamptz not null,
    primary key (rectification_id, seq)
);

-- Deliveries a monthly check found overdue (SHARE-5), so each is announced once.
create table overdue_delivery (
    provider      varchar(40)  not null,
    feed          varchar(80)  not null,
    period_start  date         not null check (extract(day from period_start) = 1),
    period_end    date         not null check (extract(day from period_end) = 1 and period_end >= period_start),
    due_date      date         not null,
    checked_month date         not null check (extract(day from checked_month) = 1),
    recorded_at   timestamptz  not null,
    primary key (provider, feed, period_start)
);
