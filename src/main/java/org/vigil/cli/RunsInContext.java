package org.vigil.cli;

import org.springframework.context.ApplicationContext;

/**
 * A subcommand whose work needs the application: {@code call()} starts it, does this and stops it.
 * Tests give it their running application instead, so the suite does not pay for a start per command.
 */
interface RunsInContext {

    int execute(ApplicationContext context);
}
