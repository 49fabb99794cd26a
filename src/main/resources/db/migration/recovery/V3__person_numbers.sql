-- Personal data at rest (DATA-15, ADR 0035): a case names its person by the vault's person number
-- and keeps the name sealed with SM4-GCM (bound to this column and the person number). SQL cannot
-- reach the key service, so cases of an earlier version are refused rather than carried over: they
-- are opened again when the suspensions are released after the recipients are loaded again.
do $$
begin
    if exists (select 1 from overpayment_case) then
        raise exception using
            message = 'recovery.overpayment_case holds rows of a version that stored ID numbers and names in clear',
            hint = 'DATA-15: restore into an empty database and load the recipients again / 请在空库中重新加载';
    end if;
end
$$;

alter table overpayment_case drop column id_number, drop column name;
alter table overpayment_case add column person bigint not null, add column name_sealed bytea not null;
create index overpayment_case_status on overpayment_case (status, district, person);
