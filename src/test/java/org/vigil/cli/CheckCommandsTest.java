package org.vigil.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** check-id and check-code, as support staff use them: one line per value, exit 0 only when all are valid. */
class CheckCommandsTest {

    @Test
    void checkIdDerivesBirthDateGenderAndRegionOfTheStandardsExample() {
        CliRun run = CliRun.of("check-id", "11010519491231002X");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid", "born 1949-12-31", "female", "110105", "北京市朝阳区");
    }

    @Test
    void checkIdUpgradesALegacy15DigitNumber() {
        CliRun run = CliRun.of("check-id", "110105491231002");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("11010519491231002X", "upgraded from 15 digits");
    }

    @Test
    void checkIdNamesTheReasonAndFailsWhenAnyValueIsInvalid() {
        CliRun run = CliRun.of("check-id", "11010519491231002X", "110105194912310021");
        assertThat(run.exitCode()).isEqualTo(1);
        String[] lines = run.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("invalid", "CHECK_DIGIT", "expected check digit X, found 1");
    }

    @Test
    void checkIdReadsAnIdWhoseRegionWasAbolishedSinceItWasIssued_REG2() {
        // 220381 公主岭市 left Siping for Changchun in 2020 (now 220184); IDs issued there stay valid
        String first17 = "22038119800101001";
        String id = first17 + org.vigil.identity.ResidentId.checkDigit(first17);
        CliRun run = CliRun.of("check-id", id);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("valid", "公主岭");
    }

    @Test
    void checkCodeReadsACreditCodeAndItsEmbeddedOrganisationCode() {
        CliRun run = CliRun.of("check-code", "91350100M000100Y43");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("unified social credit code", "M000100Y4");
    }

    @Test
    void checkCodeRejectsAWrongCheckCharacter() {
        CliRun run = CliRun.of("check-code", "91350100M000100Y44");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("invalid", "CHECK_CHARACTER");
    }

    @Test
    void aUsageErrorExitsWith2AndSaysWhatIsMissingOnOneLine() {
        CliRun run = CliRun.of("check-id");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).doesNotContain("\n").contains("vigil check-id", "VALUE", "--help");
    }

    @Test
    void anUnknownSubcommandIsAUsageError() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("vigil: ");
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : VigilCli.commandLine().getSubcommands().keySet()) {
            if (sub.equals("help")) {
                continue;
            }
            CliRun run = CliRun.of(sub, "--help");
            assertThat(run.exitCode()).as(sub).isZero();
            assertThat(run.out()).as(sub).contains("Usage: vigil " + sub);
        }
    }
}
