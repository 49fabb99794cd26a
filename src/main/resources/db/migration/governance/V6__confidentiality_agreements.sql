-- The confidentiality agreement each account's holder signed (DATA-14, 004 第十六条): the day and the
-- archive reference of the signed paper. Accounts opened before agreements were kept have none and
-- cannot sign in until the security administrator records one.
alter table staff_account
    add column agreement_signed_on date,
    add column agreement_reference text check (length(agreement_reference) between 1 and 64),
    add check ((agreement_signed_on is null) = (agreement_reference is null));
