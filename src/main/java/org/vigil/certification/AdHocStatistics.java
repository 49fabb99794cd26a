package org.vigil.certification;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.vigil.governance.StaffPrincipal;

/**
 * Ad-hoc statistics through an approval process (DATA-10, 004 第十一条; ADR 0033). The routine
 * statistics are system functions ({@link RecipientStatistics}, the overview); anything else is
 * asked for as a {@link Question} from a fixed vocabulary — never SQL — with a purpose, approved by
 * another person who may approve exports, and run once by the requester within the requester's
 * jurisdiction. Small cells are suppressed and the result is for internal use only. Every step is
 * audited. Refusals are {@link org.vigil.governance.disclosure.DisclosureRefusedException}s, as for
 * exports.
 */
public interface AdHocStatistics {

    /** The marking every result carries (DATA-10: statistics' results are for internal use only). */
    String MARKING = "内部使用，不得外传 / internal use only";
    int MAX_GROUPS = 3;
    int MAX_MONTHS = 24;
    int MAX_PURPOSE = 100;

    /** What is counted over the decisions of the months. */
    enum Measure {
        /** Distinct recipients (one per benefit) in the cell. */
        RECIPIENTS("领取人数"),
        /** The sum of each decision's monthly amount in the cell: over a range, the months' amounts added. */
        AMOUNT("月待遇金额合计");

        private final String chinese;

        Measure(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** What a statistic may be grouped by: the decision's own columns, nothing else. */
    enum Dimension {
        DISTRICT("区县"), STREET("街道（乡镇）"), COMMUNITY("社区（村）"), BENEFIT_KIND("待遇类别"),
        STATUS("资格状态"), BUCKET("到期分组"), REASON_CODE("原因"), MONTH("月份");

        private final String chinese;

        Dimension(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /**
     * A statistic in the vocabulary: a measure over one verified month or a range of them, grouped
     * by up to {@value #MAX_GROUPS} dimensions, optionally filtered by district, list and benefit.
     *
     * @param to       the last month, inclusive; null means the same as {@code from}
     * @param district a six-digit district code, or null for the whole jurisdiction
     */
    record Question(Measure measure, YearMonth from, YearMonth to, List<Dimension> groupBy, String district,
            EligibilityStatus status, BenefitKind benefit) {

        private static final Pattern DISTRICT = Pattern.compile("[0-9]{6}");

        public Question {
            if (measure == null || from == null) {
                throw new IllegalArgumentException("a statistic names its measure and its month / 统计须指明统计量和月份");
            }
            to = to == null ? from : to;
            if (to.isBefore(from) || ChronoUnit.MONTHS.between(from, to) >= MAX_MONTHS) {
                throw new IllegalArgumentException("a statistic covers 1 to " + MAX_MONTHS
                        + " months, from the first to the last / 统计月份范围有误");
            }
            List<Dimension> groups = groupBy == null ? List.of() : List.copyOf(groupBy);
            if (groups.size() > MAX_GROUPS || new LinkedHashSet<>(groups).size() != groups.size()) {
                throw new IllegalArgumentException("a statistic is grouped by at most " + MAX_GROUPS
                        + " different dimensions / 分组维度不得超过" + MAX_GROUPS + "个且不得重复");
            }
            groupBy = groups;
            // the value is not repeated: it is the caller's text and may be anything
            if (district != null && !DISTRICT.matcher(district).matches()) {
                throw new IllegalArgumentException("a district is a 6-digit code / 区县代码须为6位数字");
            }
        }

        /** The months covered. */
        public long months() {
            return ChronoUnit.MONTHS.between(from, to) + 1;
        }
    }

    /**
     * Asks for a statistic; it waits for approval.
     *
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the role may not see statistics,
     *         no purpose is given or a month is not verified
     */
    StatisticsRequest request(StaffPrincipal who, Question question, String purpose, String note);

    /**
     * Approves a pending request.
     *
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the approver may not approve, is
     *         the requester, or the request is not pending
     */
    StatisticsRequest approve(StaffPrincipal approver, long requestId, String note);

    /** Rejects a pending request; the same rules as {@link #approve}. */
    StatisticsRequest reject(StaffPrincipal approver, long requestId, String note);

    /** The account's own requests with their results, newest first. */
    List<StatisticsRequest> mine(StaffPrincipal who, int limit);

    /** Requests waiting for approval, oldest first. */
    List<StatisticsRequest> pending(StaffPrincipal approver, int limit);

    /**
     * Runs an approved request, once, by its requester at the requester's jurisdiction, and stores
     * the result with the request.
     *
     * @throws org.vigil.governance.disclosure.DisclosureRefusedException when the request is not the
     *         account's, not approved, already run, or the account's jurisdiction is not the one asked for
     */
    StatisticsResult run(StaffPrincipal who, long requestId);
}
