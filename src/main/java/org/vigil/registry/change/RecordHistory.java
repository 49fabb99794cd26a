package org.vigil.registry.change;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.vigil.identity.CreditCode;
import org.vigil.identity.ResidentId;

/**
 * Every version of every person and employer record (DATA-8: history traceable — what, when, how,
 * who) and any record as it was at a moment. Version 1 is the record as the baseline load left it;
 * each modification of a change request adds one.
 */
public interface RecordHistory {

    /** The person as the registry holds it now. */
    Optional<PersonRecord> person(long id);

    /**
     * The person as the registry held it at that moment; empty when the record was loaded later or
     * does not exist.
     */
    Optional<PersonRecord> personAsOf(long id, Instant at);

    /** The person as the registry held it at the end of that day, in the application clock's zone. */
    Optional<PersonRecord> personAsOf(long id, LocalDate date);

    /** Every version, oldest first; empty for an unknown person. */
    List<RecordVersion> personHistory(long id);

    /** The internal id of the person with this ID number now. */
    Optional<Long> personId(ResidentId idNumber);

    Optional<EmployerRecord> employer(long id);

    Optional<EmployerRecord> employerAsOf(long id, Instant at);

    Optional<EmployerRecord> employerAsOf(long id, LocalDate date);

    List<RecordVersion> employerHistory(long id);

    Optional<Long> employerId(CreditCode creditCode);
}
