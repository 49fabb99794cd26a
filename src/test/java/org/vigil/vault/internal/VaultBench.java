package org.vigil.vault.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.vigil.VigilApplication;
import org.vigil.governance.KeyService;
import org.vigil.identity.IdKeys;
import org.vigil.identity.ResidentId;

/**
 * What the vault costs (ADR 0035), on a fresh embedded PostgreSQL: recording N new ID numbers
 * (blind index, seal, insert, in blocks as ingestion asks), looking them up again in memory, and in
 * a process that has not seen them: by the blind index from the database, and by one preload.
 * Not a test: run it by hand, e.g.
 * {@code java -cp "$CP" org.vigil.vault.internal.VaultBench --persons 1000000 --block 10000}.
 */
public final class VaultBench {

    private VaultBench() {
    }

    public static void main(String[] args) throws Exception {
        int persons = 1_000_000;
        int block = 10_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--persons" -> persons = Integer.parseInt(args[++i].replace("_", ""));
                case "--block" -> block = Integer.parseInt(args[++i].replace("_", ""));
                default -> {
                    System.err.println("usage: VaultBench [--persons N] [--block N]");
                    System.exit(2);
                }
            }
        }
        Path work = Files.createTempDirectory("vigil-vault-bench-");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.db.url=", "--vigil.db.embedded.dir=" + work.resolve("postgres"),
                        "--vigil.db.embedded.clean=true", "--vigil.keys.dir=" + work.resolve("keys"),
                        "--logging.level.root=warn", "--logging.level.org.vigil=warn")) {
            long[] keys = ids(persons);
            JdbcPersonVault vault = context.getBean(JdbcPersonVault.class);
            long[] out = new long[block];

            // as ingestion does: the vault opened into the map first (empty here), then blocks of new IDs
            vault.preload();
            long t0 = System.nanoTime();
            for (int from = 0; from < persons; from += block) {
                int n = Math.min(block, persons - from);
                vault.numbersOf(java.util.Arrays.copyOfRange(keys, from, from + n), n, out);
            }
            report("record (new IDs: index, seal, insert)", persons, t0);

            t0 = System.nanoTime();
            long sum = 0;
            for (int round = 0; round < 10; round++) {
                for (int from = 0; from < persons; from += block) {
                    int n = Math.min(block, persons - from);
                    vault.numbersOf(java.util.Arrays.copyOfRange(keys, from, from + n), n, out);
                    sum += out[0];
                }
            }
            report("look up again, in this process's map (x10)", 10L * persons, t0);

            JdbcPersonVault fresh = new JdbcPersonVault(context.getBean(JdbcTemplate.class),
                    context.getBean(PlatformTransactionManager.class), context.getBean(KeyService.class));
            int sample = Math.min(persons, 100_000);
            t0 = System.nanoTime();
            for (int from = 0; from < sample; from += block) {
                int n = Math.min(block, sample - from);
                fresh.numbersOf(java.util.Arrays.copyOfRange(keys, from, from + n), n, out);
            }
            report("look up in a new process, by blind index in the database", sample, t0);

            JdbcPersonVault preloaded = new JdbcPersonVault(context.getBean(JdbcTemplate.class),
                    context.getBean(PlatformTransactionManager.class), context.getBean(KeyService.class));
            t0 = System.nanoTime();
            preloaded.preload();
            report("preload (open every sealed ID once)", persons, t0);
            System.out.println("(checksum " + sum + ", mapped " + preloaded.mapped() + ")");
        }
    }

    private static void report(String what, long n, long t0) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%-58s %,12d in %7.2f s = %,12.0f /s (%.2f µs each)%n", what, n, s, n / s, s * 1e6 / n);
    }

    /** N distinct valid ID numbers: one district, birth dates over 60 years, sequence numbers. */
    static long[] ids(int n) {
        long[] keys = new long[n];
        LocalDate first = LocalDate.of(1940, 1, 1);
        DateTimeFormatter f = DateTimeFormatter.BASIC_ISO_DATE;
        for (int i = 0; i < n; i++) {
            String first17 = "220202" + first.plusDays(i % 21_900).format(f) + String.format("%03d", i / 21_900);
            keys[i] = IdKeys.of(ResidentId.parse(first17 + ResidentId.checkDigit(first17), LocalDate.of(2026, 12, 1))
                    .orElseThrow());
        }
        return keys;
    }
}
