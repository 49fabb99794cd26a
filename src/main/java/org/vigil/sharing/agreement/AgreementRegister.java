package org.vigil.sharing.agreement;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * The data-use confidentiality agreements (SHARE-2, DATA-14) and the rule they carry: no
 * ingestion from a provider without an agreement in force for the feed on the delivery's day,
 * and every use within the purposes the agreement permits.
 *
 * <p>A refused change throws {@link RegisterException} naming every problem and stores nothing.
 */
public interface AgreementRegister {

    /** How far ahead {@link #expiring(LocalDate)} looks: two months' notice to renew. */
    Period DEFAULT_EXPIRY_WINDOW = Period.ofDays(60);

    /**
     * Records a signed agreement. The provider must be registered as delivering every feed the
     * agreement covers.
     */
    Agreement record(AgreementDraft draft);

    Optional<Agreement> find(String number);

    /** The provider's agreements, by start of validity. */
    List<Agreement> ofProvider(String providerCode);

    /** Whether an agreement covers the provider's feed on that day, and which. */
    AgreementCheck inForce(String providerCode, String feedCode, LocalDate on);

    /**
     * As {@link #inForce(String, String, LocalDate)}, and the agreement must also permit the
     * purpose the data is taken in for.
     */
    AgreementCheck inForce(String providerCode, String feedCode, LocalDate on, AgreementPurpose purpose);

    /**
     * Agreements whose validity ends on a day from {@code asOf} to {@code asOf + within}, both
     * included, by end date then number. Terminated agreements are not listed: they were ended on
     * purpose and need no renewal reminder.
     */
    List<ExpiringAgreement> expiring(LocalDate asOf, Period within);

    /** {@link #expiring(LocalDate, Period)} with the {@link #DEFAULT_EXPIRY_WINDOW default window}. */
    default List<ExpiringAgreement> expiring(LocalDate asOf) {
        return expiring(asOf, DEFAULT_EXPIRY_WINDOW);
    }

    /**
     * Ends an agreement early. It stops covering deliveries from {@code effectiveFrom}, which may
     * not lie in the past (deliveries taken in under it stay taken in) nor after its validity ends.
     */
    Agreement terminate(String number, LocalDate effectiveFrom, String reason);

    /**
     * Keeps the signed scan: its bytes are stored under their SHA-256 and the agreement records the
     * hash. Attaching the same bytes again changes nothing; different bytes are refused, since a
     * signed scan is evidence and is never replaced.
     *
     * @param fileName the uploader's file name, kept for people
     */
    Agreement attachScan(String number, InputStream content, String fileName);

    /** The stored scan's bytes; the caller closes the stream. */
    Optional<ScanContent> openScan(String number);

    /** A stored scan, opened for reading. */
    record ScanContent(AgreementScan scan, InputStream content) {
    }
}
