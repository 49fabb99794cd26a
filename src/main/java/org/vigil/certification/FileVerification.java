package org.vigil.certification;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.vigil.certification.internal.FileRun;

/**
 * The monthly verification from files: a recipients file and an evidence file in the columns of
 * the benchmark workload (docs/performance.md) to the three lists and their counts, decided by
 * {@link EligibilityRules} under the given policy. It needs no database, so an analyst can run
 * it on files made by any tool and compare the lists line by line with theirs.
 */
public final class FileVerification {

    private FileVerification() {
    }

    /**
     * Writes {@code result.csv}, {@code summary.csv} and {@code rejects.csv} into {@code outDir}.
     * A bad recipients file is refused whole ({@link org.vigil.identity.BadInputException}); a bad
     * evidence row is listed in the rejects and left out.
     */
    public static Result run(Path recipients, Path evidence, LocalDate asOf, CertificationPolicy policy, Path outDir,
            int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread");
        }
        return FileRun.run(recipients, evidence, asOf, policy, outDir, threads);
    }

    /** What a run read, decided and how long each step took. */
    public record Result(long recipients, long evidenceRows, long evidenceUsed, long evidenceRejected, long notRecipients,
            long afterAsOf, Map<EligibilityStatus, Long> byStatus, Duration readRecipients, Duration foldEvidence,
            Duration decideAndWrite) {

        public Duration total() {
            return readRecipients.plus(foldEvidence).plus(decideAndWrite);
        }
    }
}
