package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.certification.Operators;
import org.vigil.certification.TaskAttachment;
import org.vigil.certification.TaskCreation;
import org.vigil.certification.TaskPage;
import org.vigil.certification.TaskQuery;
import org.vigil.certification.TaskStatus;
import org.vigil.certification.VerificationMethod;
import org.vigil.certification.VerificationOutcome;
import org.vigil.certification.VerificationResult;
import org.vigil.certification.VerificationTask;
import org.vigil.certification.VerificationTasks;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Verification tasks from the command line (CERT-12, CERT-13, CERT-19): create a month's tasks from
 * its to-be-verified list, assign them, record what a verification found with its files, and list
 * them. Reads and writes the database, so each subcommand starts the application without the web
 * server.
 */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Verification tasks for community workers and employing units: create, assign, record, list.",
        subcommands = {TasksCommand.Create.class, TasksCommand.Assign.class, TasksCommand.Record.class,
                TasksCommand.ListTasks.class})
final class TasksCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: create, assign, record or list");
    }

    @Allowed(Permission.TASK_ASSIGN)
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a task for everyone on a month's to-be-verified list who has none; again, it creates nothing.")
    static final class Create implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The verified month.")
        YearMonth month;

        @Option(names = "--district", paramLabel = "CODE", description = "Only this district (6-digit code).")
        String district;

        @Override
        public Integer call() {
            validate();
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                return execute(context);
            }
        }

        void validate() {
            OptionChecks.district(spec, district);
        }

        int execute(ApplicationContext context) {
            validate();
            TaskCreation c = context.getBean(VerificationTasks.class).create(month, Optional.ofNullable(district));
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "Tasks of %s%s: %,d on the to-be-verified list; %,d created, %,d already tasked.%n",
                    month, district == null ? "" : " in district " + district, c.toBeVerified(), c.created(), c.existing());
            out.flush();
            return 0;
        }
    }

    @Allowed(Permission.TASK_ASSIGN)
    @Command(name = "assign", mixinStandardHelpOptions = true,
            description = "Assign a task, or every open task of a month in a community, to an operator.")
    static final class Assign implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--to", required = true, paramLabel = "OPERATOR", description = "Who verifies.")
        String operator;

        static final class Target {
            @Option(names = "--task", paramLabel = "N", description = "The task's number.")
            Long task;

            @ArgGroup(exclusive = false)
            Community community;
        }

        static final class Community {
            @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The tasks' month.")
            YearMonth month;

            @Option(names = "--community", required = true, paramLabel = "CODE",
                    description = "The community (12-digit code); its employing units' tasks stay open.")
            String code;
        }

        @Override
        public Integer call() {
            validate();
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                return execute(context);
            }
        }

        void validate() {
            try {
                Operators.require(operator);
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--to: " + e.getMessage());
            }
            if (target.community != null && !target.community.code.matches("[0-9]{12}")) {
                throw new ParameterException(spec.commandLine(), "--community is a 12-digit division code, not "
                        + target.community.code);
            }
        }

        int execute(ApplicationContext context) {
            validate();
            VerificationTasks tasks = context.getBean(VerificationTasks.class);
            PrintWriter out = spec.commandLine().getOut();
            if (target.task != null) {
                VerificationTask t = tasks.assign(target.task, operator);
                out.printf(Locale.ROOT, "Task %d assigned to %s.%n", t.id(), t.assignedTo());
            }
            else {
                long n = tasks.assignCommunity(target.community.month, target.community.code, operator);
                out.printf(Locale.ROOT, "%,d open task(s) of %s in community %s assigned to %s.%n", n,
                        target.community.month, target.community.code, operator);
            }
            out.flush();
            return 0;
        }
    }

    @Allowed(Permission.VERIFICATION_RECORD)
    @Command(name = "record", mixinStandardHelpOptions = true,
            description = "Record what a verification found, dated today; a recorded task is never changed.")
    static final class Record implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--task", required = true, paramLabel = "N", description = "The task's number.")
        long task;

        @Option(names = "--method", required = true, paramLabel = "METHOD",
                description = "window, face, phone, home-visit, bank, volunteer or employer.")
        String method;

        @Option(names = "--result", required = true, paramLabel = "RESULT",
                description = "confirmed-alive, not-reached, deceased-reported or refused.")
        String result;

        @Option(names = "--operator", required = true, paramLabel = "OPERATOR", description = "Who verified.")
        String operator;

        @Option(names = "--note", paramLabel = "TEXT", description = "What the operator wants noted.")
        String note;

        @Option(names = "--attach", paramLabel = "FILE", description = "A file to keep with the task (repeatable).")
        List<Path> attach = new ArrayList<>();

        @Override
        public Integer call() {
            VerificationOutcome outcome = validate();
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                return execute(context, outcome);
            }
        }

        VerificationOutcome validate() {
            for (Path file : attach) {
                if (!Files.isRegularFile(file)) {
                    throw new ParameterException(spec.commandLine(), "no such file to attach: " + file);
                }
            }
            try {
                return new VerificationOutcome(VerificationMethod.parse(method), VerificationResult.parse(result), operator,
                        note);
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }

        int execute(ApplicationContext context, VerificationOutcome outcome) {
            VerificationTasks tasks = context.getBean(VerificationTasks.class);
            PrintWriter out = spec.commandLine().getOut();
            for (Path file : attach) {
                try (InputStream in = Files.newInputStream(file)) {
                    TaskAttachment a = tasks.attach(task, file.getFileName().toString(), Files.probeContentType(file), in,
                            outcome.operator());
                    out.printf(Locale.ROOT, "  kept %s (%,d bytes) as %s%n", a.name(), a.size(), a.sha256());
                }
                catch (IOException e) {
                    throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
                }
            }
            VerificationTask t = tasks.record(task, outcome);
            out.printf(Locale.ROOT, "Task %d recorded on %s by %s: %s %s (%s %s).%n", t.id(), t.verifiedOn(), t.recordedBy(),
                    t.result().chinese(), t.result().name(), t.method().chinese(), t.method().name());
            out.flush();
            return 0;
        }
    }

    @Allowed(Permission.TASK_VIEW)
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Tasks by division and status, with ID numbers and names masked.")
    static final class ListTasks implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--month", paramLabel = "yyyy-MM", description = "Only the tasks created for this month.")
        YearMonth month;

        @Option(names = "--status", paramLabel = "STATUS", description = "open, assigned or done.")
        String status;

        @Option(names = "--district", paramLabel = "CODE", description = "Only this district (6 digits).")
        String district;

        @Option(names = "--community", paramLabel = "CODE", description = "Only this community (12 digits).")
        String community;

        @Option(names = "--limit", defaultValue = "50", paramLabel = "N", description = "At most this many (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        public Integer call() {
            TaskQuery query = validate();
            try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
                return execute(context, query);
            }
        }

        TaskQuery validate() {
            if (limit < 1 || limit > 1000) {
                throw new ParameterException(spec.commandLine(), "--limit is 1 to 1000, not " + limit);
            }
            try {
                Optional<TaskStatus> s = Optional.ofNullable(status)
                        .map(v -> TaskStatus.valueOf(v.strip().toUpperCase(Locale.ROOT)));
                return new TaskQuery(Optional.ofNullable(month), s, Optional.ofNullable(district), Optional.empty(),
                        Optional.ofNullable(community));
            }
            catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--status is open, assigned or done, and divisions are "
                        + "6 or 12 digits: " + e.getMessage());
            }
        }

        int execute(ApplicationContext context, TaskQuery query) {
            TaskPage page = context.getBean(VerificationTasks.class).page(query, 0, limit);
            Clock clock = context.getBean(Clock.class);
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%,d task(s)%s%n", page.total(), page.total() > page.tasks().size()
                    ? ", the first " + page.tasks().size() + " shown" : "");
            for (VerificationTask t : page.tasks()) {
                out.printf(Locale.ROOT, "%6d  %s  %-8s %-4s %s %s  %s  %s  %s%s%n", t.id(), t.month(), t.status().name(),
                        t.status().chinese(), ResidentId.parse(t.idNumber(), clock).toOptional().map(ResidentId::masked)
                                .orElse("******"),
                        PersonName.parse(t.name()).toOptional().map(PersonName::masked).orElse("*"),
                        t.jurisdiction().community() == null ? t.jurisdiction().district() : t.jurisdiction().community(),
                        t.bucket().chinese(), t.assignedTo() == null ? "-" : t.assignedTo(),
                        t.result() == null ? "" : "  " + t.result().chinese() + " (" + t.method().chinese() + ", "
                                + t.verifiedOn() + ")");
            }
            out.flush();
            return 0;
        }
    }
}
