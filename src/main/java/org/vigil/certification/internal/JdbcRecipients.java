package org.vigil.certification.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.DependentRelation;
import org.vigil.certification.RecipientBaseline;
import org.vigil.certification.RecipientStatistics;
import org.vigil.identity.CreditCode;
import org.vigil.identity.IdKeys;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.runtime.CopyWriter;
import org.vigil.runtime.CsvTable;

/**
 * Recipients in PostgreSQL: COPY into a temporary table, then add what is new, in one transaction.
 * The ID numbers go to the vault and the rows keep person numbers, names and bank accounts sealed
 * (DATA-15): the temporary table never holds them in clear either.
 */
@Service
class JdbcRecipients implements RecipientBaseline, RecipientStatistics {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Persons persons;

    JdbcRecipients(DataSource dataSource, JdbcClient jdbc, Clock clock, Persons persons) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.persons = persons;
    }

    @Override
    @Transactional
    public RecipientLoadReport loadRecipients(Path csv) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                create temporary table recipient_load (like certification.recipient including defaults) on commit drop""")
                .update();
        jdbc.sql("alter table recipient_load drop column id").update();
        // rows wait in blocks so the vault numbers a block's ID numbers at once (one round trip for the
        // new ones) before they are sealed, the sealed name being bound to the person number; each block
        // is its own COPY, because the vault's look-ups share this transaction's connection
        List<Clean> block = new ArrayList<>(LOAD_BLOCK);
        long read = CsvTable.of(csv, "id_number", "name", "benefit_kind", "benefit_start", "monthly_amount", "region_code",
                "paying_region_code").forEachRow(row -> {
                    Clean c = clean(row, today);
                    if (c != null) {
                        block.add(c);
                        if (block.size() == LOAD_BLOCK) {
                            write(block, csv);
                        }
                    }
                });
        write(block, csv);
        long added = jdbc.sql("""
                insert into certification.recipient (person, name_sealed, benefit_kind, relation, deceased_worker,
                    benefit_start, monthly_amount, bank_account_sealed, region_code, paying_region_code,
                    employer_credit_code, last_certified, over_80, sick, disabled, period_months)
                select person, name_sealed, benefit_kind, relation, deceased_worker, benefit_start, monthly_amount,
                    bank_account_sealed, region_code, paying_region_code, employer_credit_code, last_certified, over_80,
                    sick, disabled, period_months from recipient_load
                on conflict (person, benefit_kind, coalesce(deceased_worker, 0)) do nothing""").update();
        return new RecipientLoadReport(csv.getFileName().toString(), read, added, read - added);
    }

    /** Rows numbered, sealed and copied together: the vault records up to this many new persons at once. */
    private static final int LOAD_BLOCK = 5_000;

    private static final String COPY = """
            copy recipient_load (person, name_sealed, benefit_kind, relation, deceased_worker, benefit_start,
                monthly_amount, bank_account_sealed, region_code, paying_region_code, employer_credit_code,
                last_certified, over_80, sick, disabled, period_months) from stdin""";

    /** A row that passed every check, waiting for its person numbers. */
    private record Clean(ResidentId id, String name, BenefitKind kind, DependentRelation relation, ResidentId worker,
            LocalDate start, BigDecimal amount, String bankAccount, RegionCode region, RegionCode paying,
            CreditCode employer, LocalDate certified, boolean over80, boolean sick, boolean disabled, Integer granted) {
    }

    private void write(List<Clean> block, Path csv) {
        if (block.isEmpty()) {
            return;
        }
        int n = block.size();
        long[] keys = new long[n * 2];
        for (int i = 0; i < n; i++) {
            Clean c = block.get(i);
            keys[i] = IdKeys.of(c.id());
            keys[n + i] = c.worker() == null ? 0 : IdKeys.of(c.worker());
        }
        long[] numbers = new long[keys.length];
        persons.vault().numbersOf(keys, keys.length, numbers);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CopyWriter out = CopyWriter.open(connection, COPY)) {
            copy(block, numbers, out);
            out.finish();
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not load " + csv.getFileName() + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        block.clear();
    }

    private void copy(List<Clean> block, long[] numbers, CopyWriter out) throws SQLException {
        int n = block.size();
        for (int i = 0; i < n; i++) {
            Clean c = block.get(i);
            long person = numbers[i];
            out.number(person).text(Persons.copyText(persons.sealName(person, c.name()))).text(c.kind().name())
                    .text(c.relation() == null ? null : c.relation().name())
                    .text(c.worker() == null ? null : Long.toString(numbers[n + i]))
                    .date(c.start()).decimal(c.amount())
                    .text(Persons.copyText(c.bankAccount() == null || c.bankAccount().isBlank() ? null
                            : persons.sealBankAccount(person, c.bankAccount())))
                    .text(c.region().value()).text(c.paying().value())
                    .text(c.employer() == null ? null : c.employer().value())
                    .date(c.certified()).bool(c.over80()).bool(c.sick()).bool(c.disabled())
                    .text(c.granted() == null ? null : c.granted().toString()).endRow();
        }
    }

    /** Validates one row of the recipients file: the row's values when it is clean, else null. */
    private static Clean clean(CsvTable.Row row, LocalDate today) {
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
        if (!row.clean()) {
            return null;
        }
        return new Clean(id, name, kind, relation, worker, start, amount, row.text("bank_account"), region, paying,
                employer, certified, over80, sick, disabled, granted);
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
