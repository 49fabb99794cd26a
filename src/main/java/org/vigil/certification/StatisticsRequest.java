package org.vigil.certification;

import java.time.Instant;

/**
 * An ad-hoc statistic asked for (DATA-10): its terms, who asked, for what, and where it stands.
 *
 * @param scope  the jurisdiction counted: the requester's when asked ({@code R:<leading digits>})
 * @param result the table, once run; null before
 */
public record StatisticsRequest(long id, long requesterId, String requester, String requesterRole, String scope,
        AdHocStatistics.Question question, String purpose, String note, Status status, Instant requestedAt,
        String decidedBy, Instant decidedAt, String decisionNote, Instant ranAt, StatisticsResult result) {

    public enum Status {
        PENDING("待审批"), APPROVED("已批准"), REJECTED("已驳回"), RUN("已统计");

        private final String chinese;

        Status(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    public static String numberOf(long id) {
        return String.format("STA-%06d", id);
    }

    public String number() {
        return numberOf(id);
    }

    /** What the audit log names the request by. */
    public String subject() {
        return "statistics:" + id;
    }
}
