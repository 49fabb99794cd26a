-- Personal data at rest (DATA-15, ADR 0035): recipients and everything about them name a person by
-- the vault's person number, never by ID number; names and bank accounts are sealed with SM4-GCM
-- by the key service (SealedValues: bound to the column and the person number, carrying the key
-- id). SQL cannot reach the key service, so rows of an earlier version cannot be carried over here:
-- such a database is refused and its recipients loaded again from the agency's file, after which
-- the monthly runs are repeated (their seals, DATA-18, then cover person numbers instead of ID numbers).
do $$
begin
    if exists (select 1 from recipient) then
        raise exception using
            message = 'certification.recipient holds rows of a version that stored ID numbers and names in clear',
            hint = 'DATA-15: restore into an empty database and load the recipients again (vigil load recipients), '
                   || 'then run the months again / 请在空库中重新加载待遇领取人员并重新核验';
    end if;
end
$$;

-- dropping a column drops the indexes and checks that use it
alter table recipient drop column id_number, drop column name, drop column bank_account,
    drop column deceased_worker_id;
alter table recipient
    add column person              bigint not null,
    add column name_sealed         bytea  not null,
    add column bank_account_sealed bytea,
    -- the deceased worker a dependent's benefit derives from, by person number too
    add column deceased_worker     bigint,
    add check ((benefit_kind = 'DEPENDENT') = (deceased_worker is not null));
create unique index recipient_benefit on recipient (person, benefit_kind, coalesce(deceased_worker, 0));

alter table decision drop column id_number;
-- aged enough for a home visit on the run's as-of date by the run's policy (第二十三条): what the
-- home-visit ledger and the tasks filter on, where they used to read the birth date from the ID
alter table decision add column person bigint not null, add column home_visit_age boolean not null;
create index decision_list on decision (month, status, district, street, community, person);
create index decision_person on decision (person, month);

alter table verification_task drop column id_number;
alter table verification_task add column person bigint not null;
create index verification_task_person on verification_task (person);

alter table certification_failure drop column id_number;
alter table certification_failure add column person bigint not null;
create index certification_failure_list on certification_failure (month, district, person);
create index certification_failure_person on certification_failure (person, month);

alter table payment_instruction drop column id_number;
alter table payment_instruction add column person bigint not null;
create index payment_instruction_list on payment_instruction (month, district, kind, person);
