package org.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code vigil bench generate} and {@code vigil bench monthly}: the benchmark's two doors, without a database. */
class BenchCommandTest {

    @TempDir
    Path dir;

    @Test
    void aGeneratedWorkloadIsDecidedRecipientByRecipientWithItsCounts() throws IOException {
        CliRun gen = CliRun.of("bench", "generate", "--recipients", "3000", "--evidence", "30000", "--seed", "7", "--as-of",
                "2026-11-20", "--out", dir.resolve("w").toString());
        assertThat(gen.exitCode()).as(gen.err()).isZero();
        CliRun run = CliRun.of("bench", "monthly", "--recipients", dir.resolve("w/recipients.csv").toString(), "--evidence",
                dir.resolve("w/evidence.csv").toString(), "--as-of", "2026-11-20", "--out", dir.resolve("out").toString(),
                "--threads", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("3,000 recipients").contains("30,000 evidence rows").contains("待核实");
        List<String> result = Files.readAllLines(dir.resolve("out/result.csv"));
        assertThat(result).hasSize(3001);
        long pending = result.stream().filter(l -> l.contains(",pending,")).count();
        assertThat(Files.readAllLines(dir.resolve("out/summary.csv"))).contains("status,pending," + pending);
        assertThat(Files.readAllLines(dir.resolve("out/rejects.csv"))).containsExactly("file,row,column,value,reason");
    }

    @Test
    void aMissingFileIsAUsageErrorAndABadRecipientsFileAFailureNamingTheRow() throws IOException {
        CliRun missing = CliRun.of("bench", "monthly", "--recipients", dir.resolve("nope.csv").toString(), "--evidence",
                dir.resolve("nope2.csv").toString(), "--as-of", "2026-11-20", "--out", dir.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("no such file");
        Path r = Files.writeString(dir.resolve("r.csv"), "id_number,benefit_kind,birth_date,last_certified,period_months,region_code\n"
                + "110105194912310021,pension,1949-12-31,2026-01-01,12,370202001001\n");
        Path e = Files.writeString(dir.resolve("e.csv"), "id_number,kind,event_date,end_date,source\n");
        CliRun bad = CliRun.of("bench", "monthly", "--recipients", r.toString(), "--evidence", e.toString(), "--as-of",
                "2026-11-20", "--out", dir.resolve("out").toString());
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("r.csv").contains("row 2").contains("id_number");
        assertThat(dir.resolve("out/result.csv")).doesNotExist();
    }
}
