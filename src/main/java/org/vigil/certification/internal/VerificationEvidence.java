package org.vigil.certification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.Evidence;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationResult;

/**
 * The recorded verification tasks as evidence for the monthly run (ADR 0017): a confirmation is a
 * sign of life of the kind {@code verification.<method>}, a reported death the community's
 * indicative report {@value #REPORTED_DEATH}; both dated by the day the task was recorded, and
 * traced to the task (source {@value #SOURCE}, the method as feed, the task's number as document,
 * row 0). Only tasks recorded on or before the as-of date count, so a month decided again later
 * gives the same answer. The other results are no evidence: a failed attempt says nothing about
 * the recipient. Verifications are about the person, so they count for each of the person's
 * benefits.
 */
final class VerificationEvidence {

    static final String SOURCE = EvidenceRef.VERIFICATION;
    /** A death reported to a verifier is as weak as a community's report of it: never conclusive. */
    static final String REPORTED_DEATH = "death.community_report";

    private static final String RECORDED = """
            select id, person, method, result, verified_on
              from certification.verification_task
             where status = 'DONE' and verified_on <= :asOf
               and result in ('CONFIRMED_ALIVE', 'DECEASED_REPORTED')
               and (cast(:person as bigint) is null or person = :person)
             order by person, verified_on, id""";

    private final Map<Long, List<Evidence>> byPerson;
    private final long items;
    private final long ignored;
    private final Set<String> unknownKinds;

    private VerificationEvidence(Map<Long, List<Evidence>> byPerson, long items, long ignored, Set<String> unknownKinds) {
        this.byPerson = byPerson;
        this.items = items;
        this.ignored = ignored;
        this.unknownKinds = unknownKinds;
    }

    /**
     * Every verification recorded by the as-of date, by person. A kind the policy does not list is
     * left out and counted, as the run does with department evidence.
     */
    static VerificationEvidence load(JdbcClient jdbc, LocalDate asOf, CertificationPolicy policy) {
        Map<Long, List<Evidence>> byPerson = new HashMap<>();
        long[] counts = new long[2];
        Set<String> unknown = new TreeSet<>();
        jdbc.sql(RECORDED).param("asOf", asOf).param("person", null).query(rs -> {
            counts[0]++;
            Evidence e = evidence(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate());
            if (policy.rule(e.kind()).isEmpty()) {
                counts[1]++;
                unknown.add(e.kind());
                return;
            }
            byPerson.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>(1)).add(e);
        });
        return new VerificationEvidence(byPerson, counts[0], counts[1], unknown);
    }

    /** One person's recorded verifications on the as-of date, whatever the policy says, for explanations. */
    static List<Evidence> about(JdbcClient jdbc, long person, LocalDate asOf) {
        return jdbc.sql(RECORDED).param("asOf", asOf).param("person", person)
                .query((rs, n) -> evidence(rs.getLong(1), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate()))
                .list();
    }

    static Evidence evidence(long taskId, String method, String result, LocalDate verifiedOn) {
        VerificationMethod m = VerificationMethod.valueOf(method);
        String kind = VerificationResult.valueOf(result) == VerificationResult.CONFIRMED_ALIVE ? m.evidenceKind()
                : REPORTED_DEATH;
        return Evidence.on(kind, verifiedOn, new EvidenceRef(SOURCE, m.code(), taskId, 0));
    }

    /** The person's verifications, by person number. */
    List<Evidence> of(long personKey) {
        List<Evidence> found = byPerson.get(personKey);
        return found == null ? List.of() : found;
    }

    long items() {
        return items;
    }

    long ignored() {
        return ignored;
    }

    Set<String> unknownKinds() {
        return unknownKinds;
    }
}
