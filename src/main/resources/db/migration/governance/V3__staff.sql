-- Staff accounts (DATA-3, 等保 level 3). The holder's ID number is kept sealed with SM4 and found
-- through a keyed blind index, so the separation of duties can be checked across one person's
-- accounts without anyone reading the number; the second-factor secret is sealed too.
create table staff_account (
    id                  bigint      generated always as identity primary key,
    username            text        not null unique check (username ~ '^[a-z][a-z0-9._-]{2,31}$'),
    display_name        text        not null check (length(display_name) between 1 and 64),
    role                text        not null,
    region              text        check (region ~ '^[0-9]{6}([0-9]{3}){0,2}$'),
    provider            text,
    person_index        bytea       not null check (length(person_index) = 32),
    person_sealed       bytea       not null,
    index_key           text        not null,
    data_key            text        not null,
    password_hash       text        not null,
    password_changed_at timestamptz not null,
    totp_sealed         bytea       not null,
    totp_enrolled       boolean     not null default false,
    totp_last_step      bigint,
    failed_attempts     integer     not null default 0 check (failed_attempts >= 0),
    locked_until        timestamptz,
    status              text        not null check (status in ('ACTIVE', 'DISABLED')),
    created_at          timestamptz not null,
    created_by          text        not null,
    check ((provider is null) <> (region is null))
);
create index staff_account_person on staff_account (person_index);
