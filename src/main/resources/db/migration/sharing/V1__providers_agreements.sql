-- Who delivers department data, and on what terms (SHARE-1, SHARE-2, SHARE-4, DATA-14).
-- The Java side checks every value first and says what is wrong in staff's words; the
-- constraints here keep the tables right whatever writes to them.

-- A department or body that delivers data (SHARE-1): 公安局, 民政局, a bank, a street office.
create table provider (
    code          varchar(40)  primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
    name          text         not null check (btrim(name) <> '' and length(name) <= 100),
    level         varchar(16)  not null check (level in ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    -- a GB/T 2260 or statistical division code, normalised to 6, 9 or 12 digits
    region_code   varchar(12)  not null check (region_code ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    registered_on date         not null,
    recorded_at   timestamptz  not null
);

-- The liaison roster (联系人员明细表, 000 附件1). A change of liaison ends one row and adds
-- another, so who could be called on any past day stays known.
create table provider_liaison (
    id            bigint       generated always as identity primary key,
    provider_code varchar(40)  not null references provider (code),
    name          text         not null check (btrim(name) <> ''),
    post          text         not null check (btrim(post) <> '' and length(post) <= 100),
    -- as PhoneNumber stores it: 11-digit mobile, or 0432-62345678[-ext]
    phone         varchar(32)  not null check (phone ~ '^[0-9][0-9-]+$'),
    serving_from  date         not null,
    -- last day served; null while serving
    serving_until date,
    recorded_at   timestamptz  not null,
    check (serving_until is null or serving_until >= serving_from)
);
create index provider_liaison_provider on provider_liaison (provider_code);

-- A feed (by its catalogue code) a provider delivers, and whether it delivers only men 60+ and
-- women 50+ (SHARE-4).
create table provider_feed (
    provider_code varchar(40)  not null references provider (code),
    feed_code     varchar(80)  not null check (feed_code ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
    age_scope     varchar(20)  not null check (age_scope in ('EVERYONE', 'MEN_60_WOMEN_50')),
    configured_at timestamptz  not null,
    primary key (provider_code, feed_code)
);

-- A provider's own header text for a catalogue column of a feed, so its files are read as sent.
create table provider_column_alias (
    provider_code varchar(40)  not null,
    feed_code     varchar(80)  not null,
    header        text         not null check (btrim(header) <> ''),
    column_key    varchar(64)  not null check (column_key ~ '^[a-z][a-z0-9_]*$'),
    primary key (provider_code, feed_code, header),
    foreign key (provider_code, feed_code) references provider_feed (provider_code, feed_code) on delete cascade
);

-- A data-use confidentiality agreement (防冒领数据共享保密协议, SHARE-2, 000 附件2) between the
-- agency (使用方) and a provider (提供方).
create table agreement (
    id                 bigint       generated always as identity primary key,
    number             varchar(64)  not null unique
                                    check (number !~ '[[:space:][:cntrl:]/\\?#%]' and length(number) >= 1),
    provider_code      varchar(40)  not null references provider (code),
    agency_name        text         not null check (btrim(agency_name) <> '' and length(agency_name) <= 100),
    signed_on          date         not null,
    -- both days included
    valid_from         date         not null,
    valid_to           date         not null,
    -- the signed scan, kept in the scan store under its SHA-256
    scan_sha256        char(64)     check (scan_sha256 ~ '^[0-9a-f]{64}$'),
    scan_bytes         bigint       check (scan_bytes > 0),
    scan_format        varchar(8)   check (scan_format in ('PDF', 'JPEG', 'PNG', 'TIFF')),
    scan_file_name     text,
    scan_attached_at   timestamptz,
    -- ended early: not in force from terminated_from on
    terminated_from    date,
    termination_reason text         check (termination_reason is null or btrim(termination_reason) <> ''),
    terminated_at      timestamptz,
    recorded_at        timestamptz  not null,
    unique (id, provider_code),
    check (valid_from <= valid_to),
    -- the agreement takes effect when signed (000 附件2 五), never before
    check (signed_on <= valid_from),
    check ((scan_sha256 is null) = (scan_bytes is null)
        and (scan_sha256 is null) = (scan_format is null)
        and (scan_sha256 is null) = (scan_file_name is null)
        and (scan_sha256 is null) = (scan_attached_at is null)),
    check ((terminated_from is null) = (termination_reason is null)
        and (terminated_from is null) = (terminated_at is null)),
    check (terminated_from is null or terminated_from <= valid_to)
);
create index agreement_provider on agreement (provider_code);
create index agreement_running_out on agreement (valid_to) where terminated_from is null;

-- The feeds an agreement covers; each must be a feed its provider is registered as delivering.
create table agreement_feed (
    agreement_id  bigint       not null,
    provider_code varchar(40)  not null,
    feed_code     varchar(80)  not null,
    primary key (agreement_id, feed_code),
    foreign key (agreement_id, provider_code) references agreement (id, provider_code),
    foreign key (provider_code, feed_code) references provider_feed (provider_code, feed_code)
);
create index agreement_feed_lookup on agreement_feed (provider_code, feed_code);

-- What the data taken in under an agreement may be used for (SHARE-2: every use carries its purpose).
create table agreement_purpose (
    agreement_id bigint       not null references agreement (id),
    purpose      varchar(40)  not null
                              check (purpose in ('FRAUD_PREVENTION', 'ELIGIBILITY_CERTIFICATION', 'ENROLLMENT_EXPANSION')),
    primary key (agreement_id, purpose)
);
