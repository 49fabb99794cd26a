-- The agency's register of communities (社区) and villages (村), the 12-digit divisions below the
-- streets and towns of the shipped GB/T 2260 table, which no public table lists (REG-3). Ledgers
-- for community workers (CERT-14) and permissions by jurisdiction (DATA-3) will name them.
create table community (
    code          varchar(12) primary key check (code ~ '^[0-9]{12}$'),
    name          text        not null,
    township_code varchar(9)  not null check (township_code = substr(code, 1, 9))
);
create index community_district on community (substr(code, 1, 6));
