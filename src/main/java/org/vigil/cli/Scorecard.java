package org.vigil.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.vigil.certification.EligibilityStatus;
import org.vigil.identity.Money;
import org.vigil.simulator.GroundTruth;

/**
 * Vigil's monthly decisions scored against the synthetic city's ground truth (issue 4 §6): which
 * losses of eligibility were acted on, how soon after a department reported a death, which living
 * recipients were wrongly disqualified or sent to verification, and what was paid after a right
 * ended. The command line composes it because it needs both the simulator's truth and the
 * certification module's decisions, and neither module should know the other.
 */
final class Scorecard {

    /** One recipient's decision in one month. */
    record Decided(String idNumber, String benefitKind, EligibilityStatus status, boolean investigate, Money monthly,
            String reason) {
    }

    /**
     * The figures of one month.
     *
     * @param deathsReported       deaths before the as-of date whose first report came by this month
     * @param deathsActedFirstRun  of those, disqualified in the first run that could know them
     * @param overpaidMonths       months paid after a right ended, up to the month Vigil disqualified (or this month)
     */
    record Month(YearMonth month, LocalDate asOf, long recipients, long lost, long lostDisqualified, long lostToVerify,
            long lostQualified, Map<String, long[]> lostByReason, long deathsReported, long deathsActedFirstRun,
            long deathsReportedMissed, long livingDisqualified, long livingToVerify, long overpaidMonths, Money overpaid,
            List<String> livingDisqualifiedCases) {
    }

    private final GroundTruth truth;
    /** Run month → key → decision. */
    private final TreeMap<YearMonth, Map<String, Decided>> runs = new TreeMap<>();
    private final Map<YearMonth, LocalDate> asOf = new HashMap<>();

    Scorecard(GroundTruth truth) {
        this.truth = truth;
    }

    void add(YearMonth month, LocalDate date, List<Decided> decisions) {
        Map<String, Decided> byKey = new HashMap<>();
        for (Decided d : decisions) {
            byKey.put(GroundTruth.key(d.idNumber(), d.benefitKind()), d);
        }
        runs.put(month, byKey);
        asOf.put(month, date);
    }

    Month score(YearMonth month) {
        Map<String, Decided> decided = runs.get(month);
        if (decided == null) {
            throw new IllegalArgumentException("no stored run for " + month);
        }
        LocalDate date = asOf.get(month);
        Map<String, GroundTruth.Recipient> state = truth.recipients(month);
        long lost = 0;
        long lostDisq = 0;
        long lostVerify = 0;
        long lostQualified = 0;
        long livingDisq = 0;
        long livingVerify = 0;
        long overpaidMonths = 0;
        Money overpaid = Money.ZERO;
        Map<String, long[]> byReason = new TreeMap<>();
        List<String> wronglyDisqualified = new java.util.ArrayList<>();
        for (Map.Entry<String, Decided> e : decided.entrySet()) {
            Decided d = e.getValue();
            GroundTruth.Recipient t = state.get(e.getKey());
            if (t == null) {
                continue;
            }
            java.util.Optional<GroundTruth.Loss> loss = truth.lossOn(t, date);
            if (loss.isPresent()) {
                lost++;
                long[] r = byReason.computeIfAbsent(loss.get().reason(), k -> new long[4]);
                r[0]++;
                switch (d.status()) {
                    case DISQUALIFIED -> {
                        lostDisq++;
                        r[1]++;
                    }
                    case TO_BE_VERIFIED -> {
                        lostVerify++;
                        r[2]++;
                    }
                    case QUALIFIED -> {
                        lostQualified++;
                        r[3]++;
                    }
                }
                // paid to the month of the loss (owed), then every month until Vigil disqualified
                YearMonth lossMonth = YearMonth.from(loss.get().since());
                YearMonth stopped = firstDisqualified(e.getKey(), month);
                YearMonth lastPaid = stopped == null ? month : stopped;
                long months = Math.max(0, ChronoUnit.MONTHS.between(lossMonth, lastPaid));
                overpaidMonths += months;
                overpaid = overpaid.plus(d.monthly().times(months));
            } else {
                if (d.status() == EligibilityStatus.DISQUALIFIED) {
                    livingDisq++;
                    wronglyDisqualified.add(e.getKey() + " " + d.reason());
                } else if (d.status() == EligibilityStatus.TO_BE_VERIFIED) {
                    livingVerify++;
                }
            }
        }
        long reported = 0;
        long actedFirst = 0;
        long missed = 0;
        for (GroundTruth.Death death : truth.deaths().values()) {
            if (death.firstReported() == null || death.firstReported().isAfter(month) || death.date().isAfter(date)) {
                continue;
            }
            YearMonth first = firstRunKnowing(death);
            if (first == null || first.isAfter(month)) {
                continue;
            }
            Decided atFirst = anyBenefit(runs.get(first), death.idNumber());
            if (atFirst == null) {
                continue;
            }
            reported++;
            if (atFirst.status() == EligibilityStatus.DISQUALIFIED) {
                actedFirst++;
            }
            Decided now = anyBenefit(decided, death.idNumber());
            if (now != null && now.status() == EligibilityStatus.QUALIFIED) {
                missed++;
            }
        }
        return new Month(month, date, decided.size(), lost, lostDisq, lostVerify, lostQualified, byReason, reported, actedFirst,
                missed, livingDisq, livingVerify, overpaidMonths, overpaid, wronglyDisqualified.stream().sorted().toList());
    }

    /** The first run that could know a death: its month at or after the first report, its as-of date on or after the death. */
    private YearMonth firstRunKnowing(GroundTruth.Death death) {
        for (Map.Entry<YearMonth, Map<String, Decided>> run : runs.entrySet()) {
            if (!run.getKey().isBefore(death.firstReported()) && !asOf.get(run.getKey()).isBefore(death.date())) {
                return run.getKey();
            }
        }
        return null;
    }

    private YearMonth firstDisqualified(String key, YearMonth upTo) {
        for (Map.Entry<YearMonth, Map<String, Decided>> run : runs.headMap(upTo, true).entrySet()) {
            Decided d = run.getValue().get(key);
            if (d != null && d.status() == EligibilityStatus.DISQUALIFIED) {
                return run.getKey();
            }
        }
        return null;
    }

    private static Decided anyBenefit(Map<String, Decided> run, String idNumber) {
        for (String kind : new String[] {"ENTERPRISE_PENSION", "INSTITUTION_PENSION", "RESIDENT_PENSION", "WORK_INJURY",
                "DEPENDENT"}) {
            Decided d = run.get(GroundTruth.key(idNumber, kind));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static String percent(long n, long of) {
        return of == 0 ? "–" : BigDecimal.valueOf(n * 1000L / of, 1).toPlainString() + " %";
    }
}
