-- Benefit recipients in the scope of certification (CERT-1) with what jurisdiction needs (CERT-2)
-- and the flags of the home-visit ledger (CERT-14).
create table recipient (
    id                   bigint generated always as identity primary key,
    id_number            char(18)      not null,
    name                 text          not null,
    benefit_kind         text          not null check (benefit_kind in ('ENTERPRISE_PENSION', 'INSTITUTION_PENSION',
                                       'RESIDENT_PENSION', 'WORK_INJURY', 'DEPENDENT')),
    relation             text          check (relation in ('SPOUSE', 'CHILD', 'GRANDCHILD', 'SIBLING', 'PARENT', 'OTHER')),
    deceased_worker_id   char(18),
    benefit_start        date          not null,
    monthly_amount       numeric(12,2) not null check (monthly_amount >= 0),
    bank_account         text,
    region_code          varchar(12)   not null check (region_code ~ '^[0-9]{12}$'),
    paying_region_code   varchar(12)   not null,
    employer_credit_code char(18),
    last_certified       date,
    over_80              boolean       not null default false,
    sick                 boolean       not null default false,
    disabled             boolean       not null default false,
    check ((benefit_kind = 'DEPENDENT') = (relation is not null)),
    check ((benefit_kind = 'DEPENDENT') = (deceased_worker_id is not null))
);
create unique index recipient_benefit on recipient (id_number, benefit_kind, coalesce(deceased_worker_id, ''));
create index recipient_district on recipient (substr(region_code, 1, 6));
