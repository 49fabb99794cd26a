package org.vigil.certification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.identity.ResidentId;
import org.vigil.simulator.BenchmarkWorkload;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The monthly benchmark's two SQL baselines ({@link MonthlyBench}) agree row for row on a generated
 * month, and each edge rule of the workload document holds in their output. PostgreSQL is the
 * test profile's embedded one, so this class shares the Spring test context (and its server) with
 * the other integration tests; the baseline keeps to a schema of its own, dropped at its end.
 */
@SpringBootTest
@ActiveProfiles("test")
class MonthlyBaselinesTest {

    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;

    @TempDir
    Path dir;

    private final DataSource dataSource;

    @Autowired
    MonthlyBaselinesTest(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Test
    void duckDbAndPostgresWriteTheSameListsForAGeneratedMonth() throws Exception {
        LocalDate asOf = MonthlyBench.DEFAULT_AS_OF;
        Path workload = dir.resolve("workload");
        new BenchmarkWorkload(2_000, 20_000, 7, asOf).writeTo(workload);

        Path duck = runDuckDb(workload.resolve(BenchmarkWorkload.RECIPIENTS_FILE),
                workload.resolve(BenchmarkWorkload.EVIDENCE_FILE), asOf);
        Path pg = runPostgres(workload.resolve(BenchmarkWorkload.RECIPIENTS_FILE),
                workload.resolve(BenchmarkWorkload.EVIDENCE_FILE), asOf);

        MonthlyBench.Comparison comparison = MonthlyBench.Comparison.of(duck, pg);
        assertThat(comparison.identical()).as(comparison.describe()).isTrue();
        // both sort by ID and write CSV the same way, so even the bytes agree
        assertThat(Files.mismatch(duck.resolve(MonthlyBench.RESULT_FILE), pg.resolve(MonthlyBench.RESULT_FILE))).isEqualTo(-1);
        assertThat(Files.mismatch(duck.resolve(MonthlyBench.SUMMARY_FILE), pg.resolve(MonthlyBench.SUMMARY_FILE)))
                .isEqualTo(-1);

        List<String> result = Files.readAllLines(duck.resolve(MonthlyBench.RESULT_FILE), StandardCharsets.UTF_8);
        assertThat(result.get(0)).isEqualTo(MonthlyBench.RESULT_HEADER);
        assertThat(result).hasSize(2_001);
        // a month of this size has every status, and pending recipients in every bucket
        Map<String, Long> summary = MonthlyBench.Comparison.readSummary(duck.resolve(MonthlyBench.SUMMARY_FILE));
        assertThat(summary).containsKeys("status,qualified", "status,disqualified", "status,pending",
                "pending_bucket,overdue", "pending_bucket,1m", "pending_bucket,2m", "pending_bucket,3m",
                "pending_bucket,later", "district_status,370202/qualified");
        assertThat(summary.get("status,qualified") + summary.get("status,disqualified") + summary.get("status,pending"))
                .isEqualTo(2_000);
    }

    /**
     * One recipient per edge rule, as of a month's last day so that "AS_OF + n months" is clamped
     * too (31 January + 1 month = 28 February).
     */
    @Test
    void theEdgeRulesHoldInBothBaselines() throws Exception {
        LocalDate asOf = LocalDate.of(2027, 1, 31);
        Month month = new Month();
        String deathAndCustody = month.recipient("pension", "1950-01-01", "2026-03-01", "12");
        month.evidence(deathAndCustody, "custody", "2026-06-01", "", "court");
        month.evidence(deathAndCustody, "death", "2026-12-01", "", "police");
        month.evidence(deathAndCustody, "rail", "2027-01-10", "", "rail");
        String deathAfterAsOf = month.recipient("pension", "1951-02-03", "2026-06-15", "12");
        month.evidence(deathAfterAsOf, "death", "2027-02-01", "", "civil_affairs");
        month.evidence(deathAfterAsOf, "bank_counter", "2026-12-24", "", "bank");
        String deathOnAsOf = month.recipient("pension", "1940-07-08", "2026-06-15", "12");
        month.evidence(deathOnAsOf, "death", "2027-01-31", "", "health");
        String custodyEndingOnAsOf = month.recipient("injury", "1980-03-04", "2026-02-01", "12");
        month.evidence(custodyEndingOnAsOf, "custody", "2026-01-01", "2027-01-31", "prison");
        String custodyEndedTheDayBefore = month.recipient("injury", "1981-03-04", "2026-05-10", "12");
        month.evidence(custodyEndedTheDayBefore, "custody", "2026-01-01", "2027-01-30", "prison");
        String custodyStartingAfter = month.recipient("pension", "1952-04-05", "2026-02-28", "12");
        month.evidence(custodyStartingAfter, "custody", "2027-02-01", "", "court");
        String custodyStartingOnAsOf = month.recipient("pension", "1953-04-05", "2026-02-28", "12");
        month.evidence(custodyStartingOnAsOf, "custody", "2027-01-31", "", "court");
        String custodyOverProofOfLife = month.recipient("pension", "1954-04-05", "2026-02-28", "12");
        month.evidence(custodyOverProofOfLife, "custody", "2026-10-01", "2027-06-30", "court");
        month.evidence(custodyOverProofOfLife, "rail", "2027-01-15", "", "rail");
        String tie = month.recipient("pension", "1945-05-06", "2026-03-01", "12");
        month.evidence(tie, "bank_counter", "2026-12-01", "", "bank");
        month.evidence(tie, "rail", "2026-12-01", "", "rail");
        month.evidence(tie, "community_visit", "2026-11-30", "", "community");
        String latestBeforeName = month.recipient("pension", "1946-05-06", "2026-03-01", "24");
        month.evidence(latestBeforeName, "telecom_realname", "2026-10-01", "", "telecom");
        month.evidence(latestBeforeName, "bank_counter", "2026-10-02", "", "bank");
        String proofOfLifeAfterAsOf = month.recipient("pension", "1947-05-06", "2026-03-01", "12");
        month.evidence(proofOfLifeAfterAsOf, "flight", "2027-02-01", "", "airline");
        String proofOfLifeOnLastCertified = month.recipient("pension", "1948-05-06", "2026-04-30", "12");
        month.evidence(proofOfLifeOnLastCertified, "health_checkup", "2026-04-30", "", "health");
        String proofOfLifeTheDayAfter = month.recipient("pension", "1949-05-06", "2026-04-30", "12");
        month.evidence(proofOfLifeTheDayAfter, "exit_entry", "2026-05-01", "", "police");
        String overdue = month.recipient("pension", "1950-05-06", "2025-12-31", "12");
        month.evidence(overdue, "medical_settlement", "2025-12-01", "", "health");
        String dueOnAsOf = month.recipient("pension", "1951-05-06", "2026-01-31", "12");
        String later = month.recipient("pension", "1952-05-06", "2026-12-01", "12");
        String longPeriod = month.recipient("pension", "1953-05-06", "2025-03-15", "24");
        String minor = month.recipient("dependent", "2011-02-01", "2026-03-01", "");
        String sixteenOnAsOf = month.recipient("dependent", "2011-01-31", "2026-07-31", "6");
        String dueClampedToMonthEnd = month.recipient("dependent", "1960-05-05", "2026-08-31", "6");
        String minorWithProofOfLife = month.recipient("dependent", "2015-06-01", "2026-03-01", "");
        month.evidence(minorWithProofOfLife, "community_visit", "2026-12-12", "", "community");
        // department files hold everyone: a stranger's death makes no row
        month.evidence(id(999, LocalDate.of(1930, 1, 1)), "death", "2026-12-01", "", "police");

        Path files = month.write(dir.resolve("edge"));
        Path duck = runDuckDb(files.resolve("recipients.csv"), files.resolve("evidence.csv"), asOf);
        Path pg = runPostgres(files.resolve("recipients.csv"), files.resolve("evidence.csv"), asOf);
        MonthlyBench.Comparison comparison = MonthlyBench.Comparison.of(duck, pg);
        assertThat(comparison.identical()).as(comparison.describe()).isTrue();

        Map<String, String> rows = rowsById(duck.resolve(MonthlyBench.RESULT_FILE));
        assertThat(rows).hasSize(month.recipients());
        // death wins over custody and over proof of life; dates stay empty for the disqualified
        assertThat(rows.get(deathAndCustody)).isEqualTo("370211,pension,disqualified,death,,,");
        // a death after AS_OF does not count
        assertThat(rows.get(deathAfterAsOf)).isEqualTo("370211,pension,qualified,bank_counter,2026-12-24,,");
        assertThat(rows.get(deathOnAsOf)).isEqualTo("370211,pension,disqualified,death,,,");
        // custody end dates are inclusive; custody starting after AS_OF does not count, on AS_OF it does
        assertThat(rows.get(custodyEndingOnAsOf)).isEqualTo("370211,injury,disqualified,custody,,,");
        assertThat(rows.get(custodyEndedTheDayBefore)).isEqualTo("370211,injury,pending,,,2027-05-10,later");
        // due 2027-02-28 = AS_OF + 1 month (31 January clamped): still 1m
        assertThat(rows.get(custodyStartingAfter)).isEqualTo("370211,pension,pending,,,2027-02-28,1m");
        assertThat(rows.get(custodyStartingOnAsOf)).isEqualTo("370211,pension,disqualified,custody,,,");
        assertThat(rows.get(custodyOverProofOfLife)).isEqualTo("370211,pension,disqualified,custody,,,");
        // ties on the latest date go to the greatest kind name; a later date beats a greater name
        assertThat(rows.get(tie)).isEqualTo("370211,pension,qualified,rail,2026-12-01,,");
        assertThat(rows.get(latestBeforeName)).isEqualTo("370211,pension,qualified,bank_counter,2026-10-02,,");
        // proof of life after AS_OF does not count: due 2027-03-01 is past AS_OF + 1 month (28 February)
        assertThat(rows.get(proofOfLifeAfterAsOf)).isEqualTo("370211,pension,pending,,,2027-03-01,2m");
        // proof of life must come after the last certification: due 2027-04-30 = AS_OF + 3 months
        assertThat(rows.get(proofOfLifeOnLastCertified)).isEqualTo("370211,pension,pending,,,2027-04-30,3m");
        assertThat(rows.get(proofOfLifeTheDayAfter)).isEqualTo("370211,pension,qualified,exit_entry,2026-05-01,,");
        assertThat(rows.get(overdue)).isEqualTo("370211,pension,pending,,,2026-12-31,overdue");
        // due on AS_OF itself is not overdue
        assertThat(rows.get(dueOnAsOf)).isEqualTo("370211,pension,pending,,,2027-01-31,1m");
        assertThat(rows.get(later)).isEqualTo("370211,pension,pending,,,2027-12-01,later");
        assertThat(rows.get(longPeriod)).isEqualTo("370211,pension,pending,,,2027-03-15,2m");
        // a dependent under 16 (16th birthday after AS_OF) needs no proof; turning 16 on AS_OF is no longer minor
        assertThat(rows.get(minor)).isEqualTo("370211,dependent,qualified,minor_dependent,,,");
        assertThat(rows.get(sixteenOnAsOf)).isEqualTo("370211,dependent,pending,,,2027-01-31,1m");
        // 31 August + 6 months is clamped to 28 February, which is AS_OF + 1 month
        assertThat(rows.get(dueClampedToMonthEnd)).isEqualTo("370211,dependent,pending,,,2027-02-28,1m");
        // proof of life is looked at before the minor rule
        assertThat(rows.get(minorWithProofOfLife)).isEqualTo("370211,dependent,qualified,community_visit,2026-12-12,,");

        Map<String, Long> summary = MonthlyBench.Comparison.readSummary(duck.resolve(MonthlyBench.SUMMARY_FILE));
        assertThat(summary).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("status,disqualified", 5L), Map.entry("status,qualified", 6L), Map.entry("status,pending", 10L),
                Map.entry("district_status,370211/disqualified", 5L), Map.entry("district_status,370211/qualified", 6L),
                Map.entry("district_status,370211/pending", 10L), Map.entry("pending_bucket,overdue", 1L),
                Map.entry("pending_bucket,1m", 4L), Map.entry("pending_bucket,2m", 2L), Map.entry("pending_bucket,3m", 1L),
                Map.entry("pending_bucket,later", 2L)));
    }

    private Path runDuckDb(Path recipients, Path evidence, LocalDate asOf) throws Exception {
        Path out = Files.createDirectories(dir.resolve("duckdb"));
        MonthlyBench.DuckDbBaseline.run(recipients, evidence, asOf, out, false, new LinkedHashMap<>());
        return out;
    }

    private Path runPostgres(Path recipients, Path evidence, LocalDate asOf) throws SQLException, IOException {
        Path out = Files.createDirectories(dir.resolve("postgres"));
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        // the baseline makes a schema of its own, which the application's role may not: it runs as the superuser
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            MonthlyBench.PostgresBaseline.run(c, recipients, evidence, asOf, out, new LinkedHashMap<>());
        }
        return out;
    }

    /** The rows of a result file by ID, without the ID. */
    private static Map<String, String> rowsById(Path result) throws IOException {
        Map<String, String> rows = new HashMap<>();
        List<String> lines = Files.readAllLines(result, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            rows.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1));
        }
        return rows;
    }

    private static String id(int sequence, LocalDate birth) {
        String first17 = "370211" + birth.format(YMD) + String.format("%03d", sequence);
        return first17 + ResidentId.checkDigit(first17);
    }

    /** A hand-made month: recipients in district 370211, and their evidence. */
    private static final class Month {

        private final StringBuilder recipients = new StringBuilder(
                "id_number,benefit_kind,birth_date,last_certified,period_months,region_code,monthly_amount\n");
        private final StringBuilder evidence = new StringBuilder("id_number,kind,event_date,end_date,source\n");
        private int count;

        String recipient(String kind, String birth, String lastCertified, String periodMonths) {
            String id = id(++count, LocalDate.parse(birth));
            recipients.append(String.join(",", id, kind, birth, lastCertified, periodMonths, "370211003007", "2800.50"))
                    .append('\n');
            return id;
        }

        void evidence(String id, String kind, String date, String end, String source) {
            evidence.append(String.join(",", id, kind, date, end, source)).append('\n');
        }

        int recipients() {
            return count;
        }

        Path write(Path folder) throws IOException {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("recipients.csv"), recipients, StandardCharsets.UTF_8);
            Files.writeString(folder.resolve("evidence.csv"), evidence, StandardCharsets.UTF_8);
            return folder;
        }
    }
}
