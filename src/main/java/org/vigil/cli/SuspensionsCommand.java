package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.InstructionExport;
import org.vigil.certification.InstructionKind;
import org.vigil.certification.InstructionQuery;
import org.vigil.certification.InstructionStatus;
import org.vigil.certification.ListExport;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.SuspensionBatch;
import org.vigil.certification.SuspensionBatches;
import org.vigil.certification.SuspensionBreaker;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The monthly suspension batch (CERT-16, 第二十五条) from the command line: build it after the
 * month's verification, sign off a batch the circuit breaker held, approve it district by
 * district, release the approved districts by the policy's day of the next month, list it and
 * write it out for the benefit payment system.
 */
@Command(name = "suspensions", mixinStandardHelpOptions = true,
        description = "The monthly suspension batch: build, sign-off, approve, release, list, export (CERT-16, CERT-17).",
        subcommands = {SuspensionsCommand.Build.class, SuspensionsCommand.SignOff.class, SuspensionsCommand.Approve.class,
                SuspensionsCommand.Release.class, SuspensionsCommand.ListCommand.class, SuspensionsCommand.Export.class})
final class SuspensionsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(),
                "a subcommand is required: build, sign-off, approve, release, list or export");
    }

    /** Starts the application for one subcommand's work. */
    abstract static class Step implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            validate();
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                return execute(context);
            }
        }

        /** Checks the options before anything starts; a wrong one is a usage error. */
        void validate() {
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        static String required(CommandSpec spec, String value, String option) {
            if (value == null || value.isBlank()) {
                throw new ParameterException(spec.commandLine(), option + " must not be empty");
            }
            return value.strip();
        }
    }

    @Allowed(Permission.MONTHLY_RUN)
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Build the month's batch from its stored decisions and judge it with the circuit breaker.")
    static final class Build extends Step {

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The verified month.")
        YearMonth month;

        @Override
        public int execute(ApplicationContext context) {
            SuspensionBatches.Built built = context.getBean(SuspensionBatches.class).build(month);
            PrintWriter w = out();
            print(w, built.batch());
            if (built.figures() != null) {
                SuspensionBreaker.Figures f = built.figures();
                w.printf(Locale.ROOT, "  circuit breaker figures: %,d suspension(s) of %,d recipients; by district %s; "
                        + "by source %s; earlier batches %s%n", f.suspensions(), f.recipients(), districts(f.byDistrict()),
                        f.bySource(), f.previousBatches());
            }
            w.println(built.changed() ? "  stored." : built.figures() == null
                    ? "  unchanged: the batch is already released for some district (已部分下发，不再重建)."
                    : "  unchanged: the stored batch already said this (批次无变化).");
            w.flush();
            return 0;
        }

        private static String districts(Map<String, long[]> byDistrict) {
            StringBuilder s = new StringBuilder("{");
            byDistrict.forEach((d, n) -> s.append(s.length() > 1 ? ", " : "").append(d).append('=').append(n[0]).append('/')
                    .append(n[1]));
            return s.append('}').toString();
        }
    }

    @Allowed(Permission.SUSPENSION_APPROVE)
    @Command(name = "sign-off", mixinStandardHelpOptions = true,
            description = "Let a batch the circuit breaker held go on to the districts' approval.")
    static final class SignOff extends Step {

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The batch's month.")
        YearMonth month;

        @Option(names = "--by", required = true, paramLabel = "OFFICER", description = "Who signs it off.")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why the batch may go on.")
        String reason;

        @Override
        void validate() {
            required(spec, by, "--by");
            required(spec, reason, "--reason");
        }

        @Override
        public int execute(ApplicationContext context) {
            validate();
            SuspensionBatch batch = context.getBean(SuspensionBatches.class).signOff(month, by, reason);
            PrintWriter w = out();
            w.printf(Locale.ROOT, "Batch of %s signed off by %s: %s%n", month, batch.signOff().officer(),
                    batch.signOff().reason());
            print(w, batch);
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.SUSPENSION_APPROVE)
    @Command(name = "approve", mixinStandardHelpOptions = true, description = "A district approves its part of the batch.")
    static final class Approve extends Step {

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The batch's month.")
        YearMonth month;

        @Option(names = "--district", required = true, paramLabel = "CODE", description = "The district (6-digit code).")
        String district;

        @Option(names = "--by", required = true, paramLabel = "OFFICER", description = "Who approves.")
        String by;

        @Override
        void validate() {
            OptionChecks.district(spec, district);
            required(spec, by, "--by");
        }

        @Override
        public int execute(ApplicationContext context) {
            validate();
            SuspensionBatch batch = context.getBean(SuspensionBatches.class).approve(month, district, by);
            PrintWriter w = out();
            SuspensionBatch.District d = batch.districts().stream().filter(x -> x.district().equals(district)).findFirst()
                    .orElseThrow();
            w.printf(Locale.ROOT, "District %s approved %d instruction(s) of the batch of %s (by %s).%n", district,
                    d.instructions(), month, d.approvedBy());
            print(w, batch);
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.SUSPENSION_APPROVE)
    @Command(name = "release", mixinStandardHelpOptions = true,
            description = "Release the approved districts to the payment system; after the release day a reason is needed.")
    static final class Release extends Step {

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The batch's month.")
        YearMonth month;

        @Option(names = "--late-reason", paramLabel = "TEXT",
                description = "Why the batch is released after the policy's day (第二十五条: before the 8th of the next month).")
        String lateReason;

        @Override
        public int execute(ApplicationContext context) {
            SuspensionBatches.Released r = context.getBean(SuspensionBatches.class).release(month,
                    Optional.ofNullable(lateReason));
            PrintWriter w = out();
            w.printf(Locale.ROOT, "Released the batch of %s for district(s) %s: %,d suspended from %s, %,d restored%s.%n",
                    month, String.join(", ", r.districts()), r.suspended(), r.batch().effectiveMonth(), r.restored(),
                    r.late() ? " — late, after " + r.batch().releaseBy() + " (逾期下发): " + lateReason : "");
            print(w, r.batch());
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.SUSPENSION_VIEW)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "The batch and its instructions.")
    static final class ListCommand extends Step {

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The batch's month.")
        YearMonth month;

        @Option(names = "--district", paramLabel = "CODE", description = "Only this district (6-digit code).")
        String district;

        @Option(names = "--status", paramLabel = "STATUS", description = "PENDING, APPROVED or RELEASED.")
        InstructionStatus status;

        @Override
        void validate() {
            OptionChecks.district(spec, district);
        }

        @Override
        public int execute(ApplicationContext context) {
            validate();
            SuspensionBatches batches = context.getBean(SuspensionBatches.class);
            Clock clock = context.getBean(Clock.class);
            PrintWriter w = out();
            batches.batch(month).ifPresent(b -> print(w, b));
            List<PaymentInstruction> all = batches.instructions(new InstructionQuery(month, Optional.ofNullable(district),
                    Optional.ofNullable(status), Optional.empty()));
            w.printf(Locale.ROOT, "%,d instruction(s):%n", all.size());
            for (PaymentInstruction i : all) {
                w.printf(Locale.ROOT, "  %s %s %s %s %s  %s from %s  ¥%,.2f/month  %s%s  [%s %s]%n", i.district(),
                        i.kind().chinese(), i.kind().english(),
                        ResidentId.parse(i.idNumber(), clock).toOptional().map(ResidentId::masked).orElse("******"),
                        PersonName.parse(i.name()).toOptional().map(PersonName::masked).orElse("*"),
                        i.benefit().chinese(), i.effectiveMonth(), i.monthlyAmount().yuan(),
                        i.kind() == InstructionKind.SUSPEND ? reason(i) : "back pay ¥" + i.backPayTotal() + " for "
                                + i.backPay().size() + " month(s)",
                        i.kind() == InstructionKind.SUSPEND && !i.overpaid().isEmpty()
                                ? "; overpaid ¥" + i.overpaidTotal() + " for " + i.overpaid().size() + " month(s)" : "",
                        i.status().chinese(), i.status().english());
            }
            w.flush();
            return 0;
        }

        private static String reason(PaymentInstruction i) {
            return i.reasonCode().chinese() + " " + i.reasonCode().article()
                    + (i.lossFrom() == null ? "" : ", loss from " + i.lossFrom());
        }
    }

    @Allowed(Permission.EXPORT)
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write the month's instructions for the benefit payment system as CSV or XLSX, Chinese headers.")
    static final class Export extends Step {

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The batch's month.")
        YearMonth month;

        @Option(names = "--format", required = true, paramLabel = "csv|xlsx", description = "csv or xlsx.")
        String format;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into.")
        Path out;

        @Option(names = "--district", paramLabel = "CODE", description = "Only this district (6-digit code).")
        String district;

        @Option(names = "--status", paramLabel = "STATUS",
                description = "Only PENDING, APPROVED or RELEASED instructions (the payment system takes RELEASED).")
        InstructionStatus status;

        ListExport.Format checkedFormat() {
            OptionChecks.district(spec, district);
            return OptionChecks.format(spec, format);
        }

        @Override
        void validate() {
            checkedFormat();
        }

        @Override
        public int execute(ApplicationContext context) {
            ListExport.Format f = checkedFormat();
            InstructionQuery query = new InstructionQuery(month, Optional.ofNullable(district), Optional.ofNullable(status),
                    Optional.empty());
            int n = context.getBean(SuspensionBatches.class).instructions(query).size();
            // in full and without a watermark line: the payment system acts on the ID numbers and imports the file by its
            // header; a hand-over of an approved batch, not a bulk query (ADR 0032), audited with its SHA-256 below
            Path file = context.getBean(InstructionExport.class).export(query, f, out);
            ExportAudit.record(context, "instructions:" + month + (district == null ? "" : "/" + district),
                    Map.of("format", f.name(), "instructions", Integer.toString(n)), List.of(file));
            PrintWriter w = out();
            w.printf(Locale.ROOT, "Instructions of %s%s: %,d%n  wrote %s%n", month,
                    district == null ? "" : " in district " + district, n, file);
            w.flush();
            return 0;
        }
    }

    static void print(PrintWriter w, SuspensionBatch b) {
        w.printf(Locale.ROOT, "Suspension batch of %s (effective %s, release by %s): %,d suspension(s), %,d restoration(s) "
                + "of %,d recipients — %s %s%n", b.month(), b.effectiveMonth(), b.releaseBy(), b.suspensions(),
                b.restorations(), b.recipients(), b.status().chinese(), b.status().english());
        if (!b.trips().isEmpty()) {
            w.println(b.held() ? "  熔断 held by the circuit breaker:" : "  熔断 the circuit breaker tripped (signed off by "
                    + b.signOff().officer() + ": " + b.signOff().reason() + "):");
            for (SuspensionBreaker.Trip t : b.trips()) {
                w.println("    - " + t.chinese() + " / " + t.english());
            }
        }
        for (SuspensionBatch.District d : b.districts()) {
            w.printf(Locale.ROOT, "  district %s: %d instruction(s), %s%n", d.district(), d.instructions(),
                    d.releasedAt() != null ? "released" + (d.lateReason() == null ? "" : " late: " + d.lateReason())
                            : d.approvedBy() != null ? "approved by " + d.approvedBy() : "awaiting approval");
        }
    }
}
