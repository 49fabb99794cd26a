package org.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** Runs the vigil command tree in-process and keeps what it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        CommandLine cli = VigilCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * Runs the command against a test's database as its external database, with any further
     * settings (a temporary raw-file store…), restoring the system properties afterwards.
     */
    static CliRun against(javax.sql.DataSource dataSource, java.util.Map<String, String> more, String... args)
            throws java.sql.SQLException {
        String url;
        try (java.sql.Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        java.util.Map<String, String> settings = new java.util.HashMap<>(more);
        settings.putAll(java.util.Map.of("vigil.db.url", url, "vigil.db.user", "postgres", "vigil.db.password", ""));
        settings.forEach(System::setProperty);
        try {
            return of(args);
        }
        finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }
}
