-- The certification period the agency granted a recipient by benefit level, with reference to the
-- funeral-allowance standard (第十一条, CERT-3): 12 to 24 months; none means the policy's period.
alter table recipient add column period_months smallint check (period_months between 12 and 24);
