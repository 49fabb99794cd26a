package org.vigil;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Vigil (守望). The Spring application; the process entry point is the command line, which starts
 * the application only for the subcommands that need the database or the web server.
 */
@SpringBootApplication
public class VigilApplication {

    public static void main(String[] args) {
        org.vigil.cli.VigilCli.main(args);
    }
}
