package org.vigil.cli;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.VigilApplication;

/** Starts the Spring application for the subcommands that need it. */
final class ServerLifecycle {

    private static final AtomicBoolean SERVING = new AtomicBoolean();

    private ServerLifecycle() {
    }

    /** Whether a web server was started and should keep the process alive after the command returns. */
    static boolean serving() {
        return SERVING.get();
    }

    static ConfigurableApplicationContext startWeb(int port) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class).main(VigilApplication.class)
                .web(WebApplicationType.SERVLET)
                // an argument, not a default property: application.yml's server.port would win over a default
                .run("--server.port=" + port);
        SERVING.set(true);
        return context;
    }

    /** Closes a web context started here, so the process can exit with the command's code. */
    static void stop(ConfigurableApplicationContext context) {
        context.close();
        SERVING.set(false);
    }

    /** Starts the application for a command and signs in its staff account, if one is configured (ADR 0026). */
    static ConfigurableApplicationContext startWithoutWeb() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .main(VigilApplication.class).web(WebApplicationType.NONE).run();
        try {
            CommandAccess.signIn(context);
            return context;
        }
        catch (RuntimeException e) {
            context.close();
            throw e;
        }
    }

    /**
     * Starts another application beside this process's own, with the given settings over the
     * environment's: a drill's check on a restored database (DATA-16). As arguments, not default
     * properties, so they win over application.yml.
     */
    static ConfigurableApplicationContext startWithoutWeb(java.util.Map<String, String> settings) {
        String[] args = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(VigilApplication.class).main(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    static String url(ConfigurableApplicationContext context) {
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        return "http://localhost:" + port + "/";
    }
}
