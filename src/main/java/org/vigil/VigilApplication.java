package org.vigil;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Vigil (守望). The Spring application. It has no {@code main}: the process entry point is the
 * command line ({@code org.vigil.cli.VigilCli}), which starts the application only for the
 * subcommands that need the database or the web server, so that the root package does not depend
 * on a module.
 */
@SpringBootApplication
public class VigilApplication {
}
