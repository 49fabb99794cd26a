package org.vigil.sharing;

import java.time.LocalDate;
import java.util.List;

/**
 * The evidence about persons in applied deliveries, as it stood on an as-of date, for the modules
 * that decide on benefits (CERT-8, CERT-9). They read it here and never the sharing tables, so the
 * way deliveries are stored may change without them.
 *
 * <p>What an as-of date sees: deliveries of data months up to the as-of date's month only, so a
 * past month replayed after later deliveries arrived still sees what was known then; in them,
 * facts whose event date is on or before it (a fact without an event date counts from its
 * delivery's as-of date), and per person and feed the latest sign of life on or before it. Deaths of every feed; sentences other than those served at liberty (管制);
 * a prison's admission and release of one stay paired into one custody interval, ended by the
 * release only once the release date has come; the registry facts that end a dependent's benefit
 * (adoption, marriage for both spouses but not divorce, enlistment, wages, construction work,
 * established posts) and the justice bureau's roster of prisoners; enrollment changes as signs of
 * life. A community report states deaths and visits in one feed: its visits come as
 * {@value #COMMUNITY_VISIT}.
 */
public interface SharedEvidence {

    /** The kind of a community report's visits, activities and home services. */
    String COMMUNITY_VISIT = "life.community_report";
    /** The kind of a prison's custody intervals, its admissions and releases paired. */
    String PRISON = "custody.prison";

    /**
     * Visits every person with evidence, one at a time, in ascending order of ID number as text
     * (digits before X), each person's evidence in date order. A caller holding its own list sorted
     * the same way can walk both together, so memory stays at one person's evidence however large
     * the city. Reads in a transaction of its own (one consistent snapshot), so the visitor may
     * write through its own connection meanwhile.
     */
    void forEachPerson(LocalDate asOf, PersonVisitor visitor);

    /** One person's evidence on the as-of date, in date order. */
    List<EvidenceItem> about(String idNumber, LocalDate asOf);

    /**
     * As {@link #forEachPerson}, in ascending order of the vault's person number (ADR 0035), for
     * callers whose own rows name persons by number.
     */
    void forEachPersonByNumber(LocalDate asOf, NumberedVisitor visitor);

    /** One person's evidence on the as-of date, in date order, the person named by vault number. */
    List<EvidenceItem> about(long person, LocalDate asOf);

    /** Receives one person's evidence, the person named by vault number. */
    @FunctionalInterface
    interface NumberedVisitor {
        void visit(long person, List<EvidenceItem> evidence);
    }

    /** Receives one person's evidence. */
    @FunctionalInterface
    interface PersonVisitor {
        void visit(String idNumber, List<EvidenceItem> evidence);
    }
}
