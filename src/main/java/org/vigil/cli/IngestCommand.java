package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.sharing.DeliveryCounts;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command-line door of the ingestion pipeline (SHARE-6): one or more files of one provider's
 * feed. Exit code 1 when any file was refused, so a script notices.
 */
@Allowed(Permission.DELIVERY_UPLOAD)
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Take in department files: store, check the agreement, validate, link and write facts.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--provider", required = true, description = "Provider code, e.g. police.")
    String provider;

    @Option(names = "--feed", required = true, description = "Catalogue feed code, e.g. death.police_deregistration.")
    String feed;

    @Option(names = "--month", description = "The month the delivery belongs to, yyyy-MM (default: the as-of date's month).")
    YearMonth month;

    @Option(names = "--as-of", description = "Business date cells are judged against, yyyy-MM-dd (default: today).")
    LocalDate asOf;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to take in.")
    List<Path> files;

    @Override
    public Integer call() {
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new ParameterException(spec.commandLine(), "no such file: " + file);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        boolean refused = false;
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            DeliveryIngestion ingestion = context.getBean(DeliveryIngestion.class);
            LocalDate date = asOf != null ? asOf : LocalDate.now(context.getBean(Clock.class));
            YearMonth dataMonth = month != null ? month : YearMonth.from(date);
            for (Path file : files) {
                DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, feed, file,
                        file.getFileName().toString(), dataMonth, date));
                out.println(describe(file, report));
                report.problems().stream().limit(20).forEach(p -> out.println("  " + p.describe()));
                refused |= report.status() == DeliveryStatus.REFUSED;
            }
        }
        out.flush();
        return refused ? 1 : 0;
    }

    static String describe(Path file, DeliveryReport report) {
        String head = file.getFileName() + ": delivery " + report.deliveryId() + " " + report.status();
        return switch (report.status()) {
            case REFUSED, QUARANTINED -> head + " - " + report.reason().orElse("");
            case DISCARDED -> head;
            case ALREADY_APPLIED -> head + " (the same file was applied before; nothing changed)";
            case APPLIED -> head + " - " + counts(report.counts());
        };
    }

    private static String counts(DeliveryCounts c) {
        return String.format(Locale.ROOT,
                "%,d rows: %,d accepted, %,d rejected, %,d to review, %,d duplicates, %,d age-filtered; "
                        + "%,d facts, %,d life signs; ingestion %.1f%%, completeness %.1f%%, recorded %.1f%%, "
                        + "anomaly %.2f%%, duplicate %.2f%%",
                c.rowsRead(), c.accepted(), c.rejected(), c.review(), c.duplicates(), c.ageFiltered(), c.factsWritten(),
                c.lifeSignsWritten(), 100 * c.ingestionRate(), 100 * c.completenessRate(), 100 * c.recordedRate(),
                100 * c.anomalyRate(), 100 * c.duplicateRate());
    }
}
