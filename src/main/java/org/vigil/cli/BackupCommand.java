package org.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationContext;
import org.vigil.governance.Allowed;
import org.vigil.governance.Permission;
import org.vigil.governance.backup.BackupSummary;
import org.vigil.governance.backup.Backups;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Takes an encrypted, signed logical backup of every module schema (DATA-16, docs/backups.md). */
@Allowed(Permission.BACKUP)
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Take a consistent, encrypted (SM4) and signed (SM2) logical backup of every module schema (DATA-16).")
final class BackupCommand implements Callable<Integer>, RunsInContext {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where the backup's folder goes (default: vigil.backup.dir, var/backups).")
    Path out;

    @Override
    public Integer call() {
        return inApplication();
    }

    @Override
    public int execute(ApplicationContext context) {
        Backups backups = context.getBean(Backups.class);
        BackupSummary s = backups.backup(out == null ? backups.directory() : out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Backup %s: %d tables, %,d rows, %s of data sealed into %s in %.1f s.%n", s.id(), s.tables(),
                s.rows(), megabytes(s.dataBytes()), megabytes(s.storedBytes()), s.elapsed().toMillis() / 1000.0);
        w.println("Folder: " + s.folder());
        w.println("Schemas: " + s.schemas().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        w.println("Sealed with SM4 key " + s.dataKey() + ", manifest signed with SM2 key " + s.signingKey() + ".");
        w.println("The backup opens only with the key folder (vigil.keys.dir): keep a copy of it apart from the backups.");
        w.flush();
        return 0;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
