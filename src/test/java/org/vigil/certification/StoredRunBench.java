package org.vigil.certification;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.vigil.VigilApplication;
import org.vigil.identity.ResidentId;

/**
 * What row-level security costs the stored monthly run (ADR 0026): the same recipients verified
 * month after month on a fresh embedded PostgreSQL, the policies of certification's tables
 * enabled and disabled in turn (by the owning role, between runs), every month a fresh one so
 * every decision is inserted and checked against its policy. Prints each run and the medians.
 * Not a test: run it by hand, e.g.
 * {@code java -cp "$CP" org.vigil.certification.StoredRunBench --recipients 300000 --pairs 3}.
 */
public final class StoredRunBench {

    /** Certification's tables under a policy (V6__jurisdiction.sql). */
    static final List<String> TABLES = List.of("recipient", "decision", "verification_task", "certification_failure",
            "batch_district", "payment_instruction", "certification_history", "amount_change", "payment_state",
            "verification_attachment");
    static final String[] DISTRICTS = {"220202", "220203", "220204", "220211", "220221"};

    private StoredRunBench() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = 300_000;
        int pairs = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--recipients" -> recipients = Integer.parseInt(args[++i].replace("_", ""));
                case "--pairs" -> pairs = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: StoredRunBench [--recipients N] [--pairs N]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("vigil-stored-run-bench-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.db.url=", "--vigil.db.embedded.dir=" + work.resolve("postgres"),
                        "--vigil.db.embedded.clean=true", "--logging.level.root=warn",
                        "--logging.level.org.vigil=warn")) {
            Path file = work.resolve("recipients.csv");
            writeRecipients(file, recipients);
            long t0 = System.nanoTime();
            context.getBean(RecipientBaseline.class).loadRecipients(file);
            System.out.printf("%,d recipients loaded in %.1f s%n", recipients, (System.nanoTime() - t0) / 1e9);
            JdbcClient owner = JdbcClient.create(owner(context.getBean(DataSource.class)));
            MonthlyVerification verification = context.getBean(MonthlyVerification.class);
            // a first month to warm the JIT and the server's caches, not counted
            verification.verify(YearMonth.of(2026, 1), LocalDate.of(2026, 1, 24));
            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            YearMonth month = YearMonth.of(2026, 2);
            for (int run = 0; run < 2 * pairs; run++, month = month.plusMonths(1)) {
                // alternate which goes first in each pair, so a drift over the months weighs on both
                boolean secured = (run / 2 + run) % 2 == 0;
                for (String table : TABLES) {
                    owner.sql("alter table certification." + table + (secured ? " enable" : " disable")
                            + " row level security").update();
                }
                owner.sql("checkpoint").update();
                long start = System.nanoTime();
                MonthlyRunResult r = verification.verify(month, month.atDay(24));
                double seconds = (System.nanoTime() - start) / 1e9;
                (secured ? on : off).add(seconds);
                System.out.printf("%s row-level security %-8s %6.2f s  (%,d recipients, %,d rows changed)%n", month,
                        secured ? "on" : "off", seconds, r.run().recipients(), r.decisionsChanged());
            }
            for (String table : TABLES) {
                owner.sql("alter table certification." + table + " enable row level security").update();
            }
            System.out.printf("median with row-level security %.2f s, without %.2f s: %+.1f %%%n", median(on),
                    median(off), 100 * (median(on) / median(off) - 1));
        }
        finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Recipients spread over five districts, two streets and three communities each. */
    private static void writeRecipients(Path file, int count) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(RecipientFixture.HEADER);
            out.newLine();
            LocalDate born = LocalDate.of(1940, 1, 1);
            for (int i = 0; i < count; i++) {
                String district = DISTRICTS[i % DISTRICTS.length];
                String community = district + "00" + (1 + i / 5 % 2) + "00" + (1 + i / 10 % 3);
                String first17 = district + born.plusDays(i / 900 % 9000).toString().replace("-", "")
                        + String.format("%03d", i % 900);
                String id = first17 + ResidentId.checkDigit(first17);
                out.write(String.join(",", id, "测试" + (i % 1000), BenefitKind.ENTERPRISE_PENSION.name(), "", "",
                        "2010-01-01", "2500.00", "", community, district, "", "2025-0" + (1 + i % 9) + "-15", "false",
                        "false", "false"));
                out.newLine();
            }
        }
    }

    /** The embedded server's superuser, which owns the tables and may switch their policies. */
    private static DataSource owner(DataSource app) throws java.sql.SQLException {
        try (java.sql.Connection c = app.getConnection()) {
            return new DriverManagerDataSource(c.getMetaData().getURL(), "postgres", "");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
