package org.vigil.certification;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reads the stored monthly runs back: the runs, the three lists (CERT-7) by district, street and
 * community (CERT-11), their counts, and the explanation of one person's decisions (CERT-19).
 */
public interface CertificationLists {

    /** Every stored run, newest month first. */
    List<VerificationRun> runs();

    Optional<VerificationRun> run(YearMonth month);

    /** One page of a list, in the order of district, street, community and ID number. */
    ListPage page(ListQuery query, int page, int size);

    /** Every entry of the query in list order: status, district, street, community, ID number. */
    void forEach(ListQuery query, Consumer<ListEntry> visitor);

    /**
     * The lists' sizes per division: per district, per street or per community (the level of
     * {@code level}), within the query's divisions.
     */
    List<ListCounts> counts(ListQuery query, Level level);

    /**
     * Why a person's benefits are on the lists they are on in a month: each decision with its
     * reasons, evidence and period, and all the evidence known on the run's as-of date.
     */
    Optional<Explanation> explain(String idNumber, YearMonth month);

    /** The division level lists are counted at. */
    enum Level {
        DISTRICT, STREET, COMMUNITY
    }
}
