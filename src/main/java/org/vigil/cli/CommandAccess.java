package org.vigil.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;
import org.vigil.governance.Allowed;
import org.vigil.governance.LoginOutcome;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.runtime.DataScope;

import picocli.CommandLine;

/**
 * Who may run a command (DATA-3, ADR 0026). Each command declares its permission with
 * {@link Allowed}, as REST operations do. When {@code vigil.cli.staff} names a staff account
 * (environment {@code VIGIL_CLI_STAFF}), the command signs in as that account — password and
 * second-factor code read from the terminal, or from the first two lines of standard input — and
 * runs only if the account's role grants the permission, at the account's jurisdiction. Without
 * one it runs as the server's operator at system scope, unless {@code vigil.cli.require-staff}
 * is set, as it should be on a production server.
 */
final class CommandAccess {

    /** The exit code of a refused command (sysexits' EX_NOPERM). */
    static final int REFUSED = 77;

    private static final ThreadLocal<Class<?>> RUNNING = new ThreadLocal<>();
    /** The account signed in for the command now running, for commands that act in its name (exports, ADR 0032). */
    private static final ThreadLocal<StaffPrincipal> SIGNED_IN = new ThreadLocal<>();

    private CommandAccess() {
    }

    /** Runs the parsed command line's last command, remembering which one it is for {@link #signIn}. */
    static int execute(CommandLine.ParseResult parsed) {
        java.util.List<CommandLine> chain = parsed.asCommandLineList();
        RUNNING.set(chain.get(chain.size() - 1).getCommand().getClass());
        try {
            return new CommandLine.RunLast().execute(parsed);
        }
        finally {
            RUNNING.remove();
        }
    }

    /** The permissions a command declares; none means nobody may run it as a staff member. */
    static Permission[] needed(Class<?> command) {
        Allowed allowed = AnnotatedElementUtils.findMergedAnnotation(command, Allowed.class);
        return allowed == null ? new Permission[0] : allowed.value();
    }

    /** Whether the account may run the command. */
    static boolean permits(Class<?> command, StaffPrincipal who) {
        return Arrays.stream(needed(command)).anyMatch(who.role()::may);
    }

    /**
     * Signs in the configured staff account for the command now running, in the application just
     * started, and binds its jurisdiction to this thread for the rest of the (one-shot) process.
     *
     * @throws Refused when the account cannot sign in or may not run the command
     */
    static void signIn(ApplicationContext context) {
        Class<?> command = RUNNING.get();
        if (command == null) {
            // an application started by a command for its own checks (a drill's scratch database)
            return;
        }
        Environment env = context.getEnvironment();
        String username = env.getProperty("vigil.cli.staff", "").strip();
        if (username.isEmpty()) {
            if (env.getProperty("vigil.cli.require-staff", Boolean.class, false)) {
                throw new Refused("this server requires a staff account: set VIGIL_CLI_STAFF to your username "
                        + "/ 本服务器要求以工作人员账号执行命令");
            }
            return;
        }
        char[][] secrets = readSecrets(username);
        StaffPrincipal who = authorise(context.getBean(StaffDirectory.class), command, username, secrets[0],
                new String(secrets[1]).strip());
        // a one-shot process: the binding lasts until it exits
        actAs(who);
    }

    /**
     * The staff account the command runs as, if one signed in; empty when the server's operator
     * runs it without an account.
     */
    static java.util.Optional<StaffPrincipal> signedIn() {
        return java.util.Optional.ofNullable(SIGNED_IN.get());
    }

    /**
     * Binds the account and its jurisdiction to this thread, as a sign-in does; closing the result
     * restores what was bound before. {@link #signIn} uses it, and tests that run a command's work
     * in their own application as a given account.
     */
    static DataScope.Binding actAs(StaffPrincipal who) {
        StaffPrincipal previous = SIGNED_IN.get();
        SIGNED_IN.set(who);
        DataScope.Binding scope = DataScope.bind(who.scope());
        return () -> {
            scope.close();
            if (previous == null) {
                SIGNED_IN.remove();
            }
            else {
                SIGNED_IN.set(previous);
            }
        };
    }

    /** The sign-in and the permission check, apart from where the secrets come from. */
    static StaffPrincipal authorise(StaffDirectory staff, Class<?> command, String username, char[] password,
            String code) {
        LoginOutcome outcome = staff.login(username, password, code);
        Arrays.fill(password, '\0');
        if (!outcome.succeeded()) {
            throw new Refused("sign-in failed: wrong username, password or code, or the account is locked "
                    + "/ 登录失败");
        }
        StaffPrincipal who = StaffPrincipal.from(outcome.account());
        if (!permits(command, who)) {
            Permission[] needed = needed(command);
            throw new Refused("the role " + who.role() + " (" + who.role().chinese() + ") may not run this command; it needs "
                    + (needed.length == 0 ? "a permission no role has" : Arrays.toString(needed)) + " / 无权执行此命令");
        }
        return who;
    }

    private static char[][] readSecrets(String username) {
        Console console = System.console();
        if (console != null) {
            char[] password = console.readPassword("password for %s / 密码: ", username);
            char[] code = console.readPassword("second-factor code / 动态口令: ");
            if (password == null || code == null) {
                throw new Refused("no password or code given / 未输入密码或动态口令");
            }
            return new char[][] {password, code};
        }
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String password = in.readLine();
            String code = in.readLine();
            if (password == null || code == null) {
                throw new Refused("standard input must give the password and the code on two lines / 标准输入须为两行：密码、动态口令");
            }
            return new char[][] {password.toCharArray(), code.toCharArray()};
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A command refused to the one running it; exits with {@link #REFUSED}. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
