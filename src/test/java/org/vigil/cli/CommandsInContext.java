package org.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.springframework.context.ApplicationContext;

import picocli.CommandLine;

/**
 * Runs a {@code vigil} command line as an operator types it (parsing, usage errors, exit codes,
 * one-line errors) but does the work in a test's running application instead of starting one.
 */
public final class CommandsInContext {

    /** What the command printed and its exit code. */
    public record Result(int exitCode, String out, String err) {
    }

    private CommandsInContext() {
    }

    public static Result run(ApplicationContext context, String... args) {
        CommandLine cli = VigilCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionStrategy(parsed -> {
            java.util.List<CommandLine> chain = parsed.asCommandLineList();
            CommandLine leaf = chain.get(chain.size() - 1);
            if (!(leaf.getCommand() instanceof RunsInContext command)) {
                return new CommandLine.RunLast().execute(parsed);
            }
            try {
                return command.execute(context);
            }
            catch (CommandLine.ParameterException e) {
                throw e;
            }
            catch (RuntimeException e) {
                throw new CommandLine.ExecutionException(leaf, e.getMessage(), e);
            }
        });
        int code = cli.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
