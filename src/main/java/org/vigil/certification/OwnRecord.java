package org.vigil.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.vigil.governance.disclosure.Disclosure;
import org.vigil.identity.Money;

/**
 * A person's own record as shown at the window (DATA-9): their identity in full, each benefit
 * within the staff member's jurisdiction with its amount and certification period, and the
 * decisions of the latest verified months with their reasons.
 *
 * @param queryId     the recorded query
 * @param disclosures the reveal of each benefit's record, as governance allowed and recorded it
 */
public record OwnRecord(long queryId, String idNumber, String name, IdentityCheck check, boolean byProxy,
        Instant askedAt, List<Benefit> benefits, List<Disclosure> disclosures) {

    public OwnRecord {
        benefits = List.copyOf(benefits);
        disclosures = List.copyOf(disclosures);
    }

    /**
     * One benefit the person receives.
     *
     * @param lastCertified when the person was last certified, as the agency's records hold it
     * @param months        the latest verified months, newest first; a month the run had no decision for is absent
     */
    public record Benefit(long recipientId, BenefitKind kind, DependentRelation relation, Money monthlyAmount,
            LocalDate lastCertified, List<Month> months) {

        public Benefit {
            months = List.copyOf(months);
        }
    }

    /** A month's decision about the benefit, with the failed certification's noted reason if it failed. */
    public record Month(YearMonth month, RecordedDecision decision, FailedCertification failure) {
    }
}
