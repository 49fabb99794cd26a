package org.vigil.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The {@code vigil} command. Exit codes: 0 success, 1 failure, 2 usage error, 75 an export request
 * that waits for approval (ADR 0032), 77 refused to the signed-in staff account (ADR 0026, and an
 * export or its file refused by export control); errors go to standard error as one line. Only the
 * subcommands that need the database or the web server start the Spring application, so the
 * checking commands answer at once.
 */
@Command(name = "vigil", mixinStandardHelpOptions = true, version = "Vigil 0.1.0",
        description = "Vigil (守望): anti-fraud data sharing and silent eligibility certification for social insurance.",
        subcommands = {DemoCommand.class, ServeCommand.class, GenerateCommand.class, IngestCommand.class, VerifyCommand.class,
                ListsCommand.class, LedgersCommand.class, ExportsCommand.class, TasksCommand.class, ExplainCommand.class, ScoreCommand.class, CheckIdCommand.class,
                CheckCodeCommand.class, ProvidersCommand.class, ReportCommand.class, BenchCommand.class,
                SuspensionsCommand.class, RestoreCommand.class, RecoveryCommand.class, AuditCommand.class,
                BackupCommand.class, DrillCommand.class, StaffCommand.class, KeysCommand.class,
                CommandLine.HelpCommand.class})
public final class VigilCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (!ServerLifecycle.serving()) {
            System.exit(code);
        }
    }

    /** The configured command tree; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new VigilCli());
        cli.setExecutionStrategy(CommandAccess::execute);
        cli.setExecutionExceptionHandler(VigilCli::onFailure);
        cli.setParameterExceptionHandler(VigilCli::onUsageError);
        return cli;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required");
    }

    private static int onFailure(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof CommandAccess.Refused || e instanceof org.vigil.governance.disclosure.DisclosureRefusedException) {
            err.println(cli.getCommandSpec().qualifiedName() + ": " + firstLine(String.valueOf(e.getMessage())));
            err.flush();
            return CommandAccess.REFUSED;
        }
        // Spring wraps a failed start in several bean-creation layers; the innermost cause says what went wrong
        Throwable cause = e;
        while (cause instanceof org.springframework.beans.BeansException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        String command = cli.getCommandSpec().qualifiedName();
        err.println(command + ": " + firstLine(message));
        if (e instanceof org.vigil.identity.BadInputException bad) {
            bad.problems().stream().skip(1).limit(20).forEach(p -> err.println("  " + p.describe()));
        }
        err.flush();
        return 1;
    }

    private static int onUsageError(ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        String command = cli.getCommandSpec().qualifiedName();
        err.println(command + ": " + firstLine(e.getMessage()) + " (see: " + command + " --help)");
        err.flush();
        return 2;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
