package org.vigil.sharing.quality;

import java.util.Optional;

/**
 * What a quality finding is about: one of the five rates, a volume far from the provider's own
 * history, a late delivery, or a finding of a person's spot check (DATA-12 抽查). Each carries the
 * improvement a provider is asked for when it is its weakest point (SHARE-9 改进意见).
 */
public enum QualityIssue {

    INGESTION_RATE(QualityMetric.INGESTION, "入库率偏低", "low ingestion rate",
            "按退回明细逐行更正被拒收的记录后重新报送，报送前用本单位系统自查必填项和格式",
            "correct the refused rows listed in the rejects file and deliver them again; check required columns and formats in your own system before delivering"),
    COMPLETENESS_RATE(QualityMetric.COMPLETENESS, "数据项目不齐全", "incomplete items",
            "补齐姓名、身份证号码和事件日期等必填项，不留空白单元格",
            "fill every required column (name, ID number, event date) and leave no required cell blank"),
    RECORDED_RATE(QualityMetric.RECORDED, "记实率偏低", "low recorded rate",
            "核对身份证号码是否为本人18位有效号码，避免录入他人或错误号码",
            "check that each ID number is the person's own valid 18-digit number, not a mistyped or another person's"),
    ANOMALY_RATE(QualityMetric.ANOMALY, "异常率偏高", "high anomaly rate",
            "身份证号码按文本导出以免被截断，统一日期格式，每行都填写身份证号码",
            "export ID numbers as text so spreadsheets do not cut them, use one date format, and give every row an ID number"),
    DUPLICATE_RATE(QualityMetric.DUPLICATE, "重复率偏高", "high duplicate rate",
            "导出前去除重复行，同一记录只报送一次",
            "remove repeated rows before exporting; deliver each record once"),
    ROWS_VS_HISTORY(null, "行数偏离历史", "row count far from history",
            "报送前核对本期行数与以往各期是否相符，说明人数大幅变化的原因",
            "compare the number of rows with earlier deliveries before sending and explain a large change"),
    ACCEPTED_VS_HISTORY(null, "入库条数偏离历史", "accepted rows far from history",
            "报送前核对本期有效记录数与以往各期是否相符，说明大幅变化的原因",
            "compare the number of valid records with earlier deliveries before sending and explain a large change"),
    LATE_DELIVERY(null, "未按时报送", "late delivery",
            "按约定周期在期满后规定日期内报送，确需延期的提前告知社保经办机构",
            "deliver within the agreed days after each period ends, and tell the agency in advance when a delivery must be late"),
    SPOT_CHECK(null, "抽查发现问题", "spot-check finding",
            "按抽查意见核对原始单据并更正数据",
            "check the records against the source documents as the spot check found and correct them");

    private final QualityMetric metric;
    private final String chinese;
    private final String english;
    private final String adviceChinese;
    private final String adviceEnglish;

    QualityIssue(QualityMetric metric, String chinese, String english, String adviceChinese, String adviceEnglish) {
        this.metric = metric;
        this.chinese = chinese;
        this.english = english;
        this.adviceChinese = adviceChinese;
        this.adviceEnglish = adviceEnglish;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    /** The rate this issue is about, for the five rate issues. */
    public Optional<QualityMetric> metric() {
        return Optional.ofNullable(metric);
    }

    /** What the provider is asked to do about it, in Chinese. */
    public String adviceChinese() {
        return adviceChinese;
    }

    /** What the provider is asked to do about it, in English. */
    public String adviceEnglish() {
        return adviceEnglish;
    }

    /** The issue of a rate that misses its threshold. */
    public static QualityIssue of(QualityMetric metric) {
        for (QualityIssue issue : values()) {
            if (issue.metric == metric) {
                return issue;
            }
        }
        throw new IllegalArgumentException("no issue for " + metric);
    }
}
