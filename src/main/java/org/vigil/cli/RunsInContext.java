package org.vigil.cli;

import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A subcommand whose work needs the application: {@code call()} starts it, does this and stops it.
 * Tests give it their running application instead, so the suite does not pay for a start per command.
 */
interface RunsInContext {

    int execute(ApplicationContext context);

    /** Starts the application without a web server, executes, and stops it: what {@code call()} does. */
    default Integer inApplication() {
        try (ConfigurableApplicationContext context = ServerLifecycle.startWithoutWeb()) {
            return execute(context);
        }
    }
}
