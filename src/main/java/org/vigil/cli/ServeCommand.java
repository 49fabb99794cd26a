package org.vigil.cli;

import java.util.concurrent.Callable;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;

/** Runs the web console and API on whatever is already in the database. */
@Allowed(Permission.SESSION)
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the web console and REST API (embedded PostgreSQL unless VIGIL_DB_URL is set).")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() {
        ConfigurableApplicationContext context = ServerLifecycle.startWeb(port);
        out().println("Vigil is serving at " + ServerLifecycle.url(context));
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
