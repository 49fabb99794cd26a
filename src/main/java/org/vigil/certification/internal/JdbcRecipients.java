package org.vigil.certification.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.DependentRelation;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientStatistics;
import org.vigil.identity.CreditCode;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.CopyWriter;
import org.vigil.runtime.CsvCopy;
import org.vigil.runtime.CsvTable;

/** Recipients in PostgreSQL: COPY into a temporary table, then add what is new, in one transaction. */
@Service
class JdbcRecipients implements RecipientBaseline, RecipientStatistics {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRecipients(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public RecipientLoadReport loadRecipients(Path csv) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                create temporary table recipient_load (like certification.recipient including defaults) on commit drop""")
                .update();
        jdbc.sql("alter table recipient_load drop column id").update();
        long read = CsvCopy.copy(dataSource, csv, """
                copy recipient_load (id_number, name, benefit_kind, relation, deceased_worker_id, benefit_start,
                    monthly_amount, bank_account, region_code, paying_region_code, employer_credit_code,
                    last_certified, over_80, sick, disabled, period_months) from stdin""",
                (row, out) -> copyRecipient(row, out, today),
                "id_number", "name", "benefit_kind", "benefit_start", "monthly_amount", "region_code",
                "paying_region_code");
        long added = jdbc.sql("""
                insert into certification.recipient (id_number, name, benefit_kind, relation, deceased_worker_id,
                    benefit_start, monthly_amount, bank_account, region_code, paying_region_code, employer_credit_code,
                    last_certified, over_80, sick, disabled, period_months)
                select id_number, name, benefit_kind, relation, deceased_worker_id, benefit_start, monthly_amount,
                    bank_account, region_code, paying_region_code, employer_credit_code, last_certified, over_80,
                    sick, disabled, period_months from recipient_load
                on conflict (id_number, benefit_kind, coalesce(deceased_worker_id, '')) do nothing""").update();
        return new RecipientLoadReport(csv.getFileName().toString(), read, added, read - added);
    }

    /** Validates one row of the recipients file and, when it is clean, writes it to the COPY stream. */
    private static void copyRecipient(CsvTable.Row row, CopyWriter out, LocalDate today) throws SQLException {
        ResidentId id = row.parsed("id_number", true, v -> ResidentId.parse(v, today));
        String name = row.requiredText("name");
        BenefitKind kind = row.choice("benefit_kind", BenefitKind.class, true);
        DependentRelation relation = row.choice("relation", DependentRelation.class, false);
        ResidentId worker = row.parsed("deceased_worker_id", false, v -> ResidentId.parse(v, today));
        if (kind == BenefitKind.DEPENDENT && (relation == null || worker == null) && row.clean()) {
            row.problem(relation == null ? "relation" : "deceased_worker_id", null,
                    "a dependent's benefit needs the relation and the deceased worker's ID number");
        }
        if (kind != null && kind != BenefitKind.DEPENDENT && (relation != null || worker != null)) {
            row.problem("relation", row.text("relation"), "only a dependent's benefit has a relation");
        }
        LocalDate start = row.date("benefit_start", true);
        BigDecimal amount = row.decimal("monthly_amount", 2);
        if (amount != null && amount.signum() < 0) {
            row.problem("monthly_amount", amount.toPlainString(), "negative amount");
        }
        RegionCode region = row.parsed("region_code", true, RegionCode::parse);
        RegionCode paying = row.parsed("paying_region_code", true, RegionCode::parse);
        CreditCode employer = row.parsed("employer_credit_code", false, CreditCode::parse);
        LocalDate certified = row.date("last_certified", false);
        boolean over80 = row.bool("over_80");
        boolean sick = row.bool("sick");
        boolean disabled = row.bool("disabled");
        Integer granted = grantedPeriod(row);
        if (row.clean()) {
            out.text(id.value()).text(name).text(kind.name())
                    .text(relation == null ? null : relation.name())
                    .text(worker == null ? null : worker.value())
                    .date(start).decimal(amount).text(row.text("bank_account"))
                    .text(region.value()).text(paying.value())
                    .text(employer == null ? null : employer.value())
                    .date(certified).bool(over80).bool(sick).bool(disabled)
                    .text(granted == null ? null : granted.toString()).endRow();
        }
    }

    /** An optional column: the period the agency granted by benefit level, 12 to 24 months (第十一条). */
    private static Integer grantedPeriod(CsvTable.Row row) {
        String v = row.text("period_months");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            int months = Integer.parseInt(v.strip());
            if (months >= 12 && months <= 24) {
                return months;
            }
        } catch (NumberFormatException e) {
            // reported below with the value as written
        }
        row.problem("period_months", v, "a granted period is a whole number of months from 12 to 24 (第十一条)");
        return null;
    }

    @Override
    public Map<String, Long> recipientsByDistrict() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select substr(region_code, 1, 6) as district, count(*) as n from certification.recipient group by 1 order by 1")
                .query(rs -> {
                    counts.put(rs.getString("district"), rs.getLong("n"));
                });
        return counts;
    }
}
