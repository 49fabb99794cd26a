package org.vigil.certification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The circuit breaker on a suspension batch (CERT-16): a batch that would stop far more benefits
 * than usual is held for sign-off with the reasons, because the likeliest cause of a mass
 * suspension is a broken feed (a bank file marking everyone dead), and a living pensioner's
 * income wrongly stopped is as bad a failure as paying a dead one.
 */
public final class SuspensionBreaker {

    /**
     * The limits, effective-dated policy data like the rest.
     *
     * @param maxShare         of all recipients, in one batch
     * @param maxDistrictShare of one district's recipients
     * @param maxSourceShare   of all recipients, resting on one source (provider and feed)
     * @param usualFactor      times the usual month (the median of the previous batches)
     * @param usualFloor       below this many suspensions the usual-month test does not apply
     */
    public record Limits(BigDecimal maxShare, BigDecimal maxDistrictShare, BigDecimal maxSourceShare, BigDecimal usualFactor,
            long usualFloor) {
        public Limits {
            for (BigDecimal v : List.of(maxShare, maxDistrictShare, maxSourceShare, usualFactor)) {
                if (Objects.requireNonNull(v).signum() <= 0) {
                    throw new IllegalArgumentException("breaker limits are positive");
                }
            }
        }
    }

    /** What a batch would do, counted. */
    public record Figures(long recipients, long suspensions, Map<String, long[]> byDistrict, Map<String, Long> bySource,
            List<Long> previousBatches) {
        /** {@code byDistrict}: district → {suspensions, recipients}. */
        public Figures {
            byDistrict = Map.copyOf(byDistrict);
            bySource = Map.copyOf(bySource);
            previousBatches = List.copyOf(previousBatches);
        }
    }

    /** Why a batch is held, in Chinese and English. */
    public record Trip(String rule, String chinese, String english) {
    }

    private SuspensionBreaker() {
    }

    /** The reasons to hold the batch; none means it may go to the districts for approval as usual. */
    public static List<Trip> check(Figures f, Limits limits) {
        List<Trip> trips = new ArrayList<>();
        if (exceeds(f.suspensions(), f.recipients(), limits.maxShare())) {
            trips.add(new Trip("SHARE", "本批暂停 " + f.suspensions() + " 人，占全部待遇领取人员 " + percent(f.suspensions(), f.recipients())
                    + "，超过上限 " + percent(limits.maxShare()),
                    f.suspensions() + " suspensions are " + percent(f.suspensions(), f.recipients())
                            + " of all recipients, above the limit of " + percent(limits.maxShare())));
        }
        f.byDistrict().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long n = e.getValue()[0];
            long of = e.getValue()[1];
            if (exceeds(n, of, limits.maxDistrictShare())) {
                trips.add(new Trip("DISTRICT:" + e.getKey(), "区县 " + e.getKey() + " 暂停 " + n + " 人，占本区 " + percent(n, of),
                        "district " + e.getKey() + ": " + n + " suspensions, " + percent(n, of) + " of its recipients"));
            }
        });
        f.bySource().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (exceeds(e.getValue(), f.recipients(), limits.maxSourceShare())) {
                trips.add(new Trip("SOURCE:" + e.getKey(), "来源 " + e.getKey() + " 单独导致暂停 " + e.getValue() + " 人，请先核查该批数据",
                        "source " + e.getKey() + " alone drives " + e.getValue() + " suspensions; check that delivery first"));
            }
        });
        if (!f.previousBatches().isEmpty() && f.suspensions() >= limits.usualFloor()) {
            long usual = median(f.previousBatches());
            if (BigDecimal.valueOf(f.suspensions()).compareTo(limits.usualFactor().multiply(BigDecimal.valueOf(Math.max(usual, 1)))) > 0) {
                trips.add(new Trip("USUAL", "本批暂停 " + f.suspensions() + " 人，远超往月中位数 " + usual + " 人",
                        f.suspensions() + " suspensions against a usual month of " + usual));
            }
        }
        return trips;
    }

    private static boolean exceeds(long n, long of, BigDecimal share) {
        return of > 0 && BigDecimal.valueOf(n).compareTo(share.multiply(BigDecimal.valueOf(of))) > 0;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static String percent(long n, long of) {
        return BigDecimal.valueOf(n * 100L).divide(BigDecimal.valueOf(of), 2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}
