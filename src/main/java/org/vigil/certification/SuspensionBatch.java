package org.vigil.certification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * A month's suspension batch (CERT-16, 第二十五条): who loses payment from the next month and who
 * gets it back, as built from the month's stored decisions; the circuit breaker's verdict; the
 * officer's sign-off of a held batch; and each district's approval and release.
 *
 * @param effectiveMonth the first month whose payment the batch changes (the month after {@code month})
 * @param releaseBy      the last day to release: the policy's suspension day of the effective month
 * @param runRevision    the revision of the month's verification the batch was built from
 * @param trips          why the breaker holds the batch; empty when it let it through
 * @param signOff        the officer who let a held batch go on to approval, none otherwise
 */
public record SuspensionBatch(YearMonth month, YearMonth effectiveMonth, LocalDate releaseBy, int runRevision,
        Instant builtAt, long recipients, long suspensions, long restorations, List<SuspensionBreaker.Trip> trips,
        SignOff signOff, List<District> districts) {

    public SuspensionBatch {
        Objects.requireNonNull(month, "month");
        trips = List.copyOf(trips);
        districts = List.copyOf(districts);
    }

    /** Held by the breaker and not yet signed off: no district may approve. */
    public boolean held() {
        return !trips.isEmpty() && signOff == null;
    }

    public Status status() {
        if (held()) {
            return Status.HELD;
        }
        long released = districts.stream().filter(d -> d.releasedAt() != null).count();
        if (released == 0) {
            return Status.OPEN;
        }
        return released == districts.size() ? Status.RELEASED : Status.PARTLY_RELEASED;
    }

    /** An officer's decision that a held batch is right (or right enough) to go on. */
    public record SignOff(String officer, Instant at, String reason) {
    }

    /** One district's part of the batch: its instructions, approval and release. */
    public record District(String district, int instructions, String approvedBy, Instant approvedAt, Instant releasedAt,
            String lateReason) {
    }

    public enum Status {
        HELD("熔断暂停，待签批", "held by the circuit breaker, awaiting sign-off"),
        OPEN("待区县审批", "awaiting the districts' approval"),
        PARTLY_RELEASED("部分区县已下发", "released for some districts"),
        RELEASED("已全部下发", "released");

        private final String chinese;
        private final String english;

        Status(String chinese, String english) {
            this.chinese = chinese;
            this.english = english;
        }

        public String chinese() {
            return chinese;
        }

        public String english() {
            return english;
        }
    }
}
