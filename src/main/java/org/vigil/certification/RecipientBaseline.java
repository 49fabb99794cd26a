package org.vigil.certification;

import java.nio.file.Path;

/**
 * Loads the agency's existing benefit recipients (CERT-1) from Vigil's clean CSV exchange file,
 * in one transaction, validating every row first and adding only what is not there yet.
 */
public interface RecipientBaseline {

    /**
     * Columns {@code id_number,name,benefit_kind,relation,deceased_worker_id,benefit_start,
     * monthly_amount,bank_account,region_code,paying_region_code,employer_credit_code,
     * last_certified,over_80,sick,disabled}, and optionally {@code period_months}: the period the
     * agency granted by benefit level, 12 to 24 months (第十一条).
     */
    RecipientLoadReport loadRecipients(Path csv);

    record RecipientLoadReport(String file, long read, long added, long present) {
    }
}
