package org.vigil.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.vigil.governance.Allowed;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyRotation;
import org.vigil.governance.Permission;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The keys that protect stored data (DATA-15, DATA-17, ADR 0035): what each still protects, a new
 * current key, moving values to it, and destroying an old key once nothing is left under it.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "The SM4 and HMAC-SM3 keys that protect stored data: status, rotate, reseal, retire (DATA-15, DATA-17).",
        subcommands = {KeysCommand.Status.class, KeysCommand.Rotate.class, KeysCommand.Reseal.class,
                KeysCommand.Retire.class})
final class KeysCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a subcommand is required: status, rotate, reseal or retire");
    }

    @Allowed(Permission.SECURITY_MANAGE)
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Every key held, which are current, and how many stored values each still protects, where.")
    static final class Status implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            PrintWriter w = spec.commandLine().getOut();
            for (KeyRotation.KeyUse use : context.getBean(KeyRotation.class).status()) {
                w.printf(Locale.ROOT, "%-4s %s%s  %,d value(s)%s%n", use.key().kind(), use.key().id(),
                        use.key().current() ? " (current)" : "", use.total(), use.uses().isEmpty() ? ""
                                : ": " + use.uses().stream().map(u -> u.name() + " " + u.count())
                                        .collect(Collectors.joining(", ")));
            }
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.SECURITY_MANAGE)
    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = "Make a new key current. New data is protected with it at once; the server keeps running "
                    + "and moves old values over in the background (vigil.keys.reseal.*), or run 'keys reseal'.")
    static final class Rotate implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Option(names = "--kind", required = true, paramLabel = "MAC|DATA",
                description = "DATA: the SM4 key of sealed values; MAC: the HMAC-SM3 key of blind indexes.")
        KeyCustody.KeyKind kind;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            String made = context.getBean(KeyRotation.class).rotate(kind, ExportAudit.actor());
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "New %s key %s is current. 新密钥已启用。%n", kind, made);
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.SECURITY_MANAGE)
    @Command(name = "reseal", mixinStandardHelpOptions = true,
            description = "Move every stored value from keys that are not current to the current ones, in batches.")
    static final class Reseal implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Option(names = "--batch", defaultValue = "5000", paramLabel = "N", description = "Values per column per step.")
        int batch;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            if (batch < 1) {
                throw new ParameterException(spec.commandLine(), "--batch must be at least 1");
            }
            KeyRotation rotation = context.getBean(KeyRotation.class);
            long total = 0;
            for (long moved = rotation.resealStep(batch); moved > 0; moved = rotation.resealStep(batch)) {
                total += moved;
            }
            PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "Moved %,d stored value(s) to the current keys. 已用新密钥重新加密。%n", total);
            w.flush();
            return 0;
        }
    }

    @Allowed(Permission.SECURITY_MANAGE)
    @Command(name = "retire", mixinStandardHelpOptions = true,
            description = "Overwrite and delete a key that is not current and protects nothing any more: whatever "
                    + "was sealed under it, on any disk or copy, can never be opened again (DATA-17). Exit 1 and say "
                    + "what it still protects otherwise.")
    static final class Retire implements Callable<Integer>, RunsInContext {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "KEY-ID", description = "The key's id, as 'keys status' shows it.")
        String keyId;

        @Override
        public Integer call() {
            return inApplication();
        }

        @Override
        public int execute(ApplicationContext context) {
            PrintWriter w = spec.commandLine().getOut();
            try {
                context.getBean(KeyRotation.class).retire(keyId, ExportAudit.actor());
            }
            catch (IllegalStateException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("Not retired: " + e.getMessage());
                spec.commandLine().getErr().flush();
                return 1;
            }
            w.printf(Locale.ROOT, "Key %s destroyed. 密钥已销毁。%n", keyId);
            w.flush();
            return 0;
        }
    }
}
