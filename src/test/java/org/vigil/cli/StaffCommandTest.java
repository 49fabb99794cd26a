package org.vigil.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.vigil.VigilIntegrationTest;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;

/** `vigil staff` (DATA-3): an account opened from the command line, its secret shown once, listed, closed. */
@VigilIntegrationTest
class StaffCommandTest {

    @Autowired
    ApplicationContext context;

    @Test
    void data3_theSecurityAdministratorOpensListsAndClosesAnAccount() {
        String first17 = "22020219850704" + "123";
        String id = first17 + ResidentId.checkDigit(first17);
        InputStream stdin = System.in;
        CommandsInContext.Result opened;
        try {
            System.setIn(new ByteArrayInputStream("Feng-man-2026!\n".getBytes(StandardCharsets.UTF_8)));
            opened = CommandsInContext.run(context, "staff", "open", "--username", "zhao.qiang", "--name", "赵强",
                    "--id-number", id, "--role", "DISTRICT_OFFICER", "--region", "220211", "--by", "security.admin",
                    "--agreement-signed-on", "2026-01-05", "--agreement-reference", "BM-2026-0113");
        }
        finally {
            System.setIn(stdin);
        }
        assertThat(opened.exitCode()).as(opened.err()).isZero();
        assertThat(opened.out()).contains("Opened zhao.qiang (赵强, 区县认证经办人员 DISTRICT_OFFICER in 220211)",
                "otpauth://totp/Vigil:zhao.qiang?secret=").doesNotContain(id).doesNotContain("Feng-man-2026!");

        CommandsInContext.Result listed = CommandsInContext.run(context, "staff", "list");
        assertThat(listed.out()).contains("zhao.qiang", "DISTRICT_OFFICER", "220211", "在用", "second factor not yet used");

        CommandsInContext.Result badRegion = CommandsInContext.run(context, "staff", "open", "--username", "li.na",
                "--name", "李娜", "--id-number", id, "--role", "COMMUNITY_WORKER", "--region", "220211", "--by", "x",
                "--agreement-signed-on", "2026-01-05", "--agreement-reference", "BM-2026-0114");
        assertThat(badRegion.exitCode()).isEqualTo(2);
        assertThat(badRegion.err()).contains("VILLAGE");

        CommandsInContext.Result reset = CommandsInContext.run(context, "staff", "reset-second-factor", "--username",
                "zhao.qiang", "--by", "security.admin");
        assertThat(reset.out()).contains("New second factor of zhao.qiang", "secret: ", "otpauth://totp/Vigil:zhao.qiang");
        assertThat(reset.out()).as("a new secret, not the old one").doesNotContain(
                opened.out().substring(opened.out().indexOf("secret: ") + 8, opened.out().indexOf("secret: ") + 40));
        assertThat(CommandsInContext.run(context, "staff", "unlock", "--username", "zhao.qiang", "--by", "security.admin")
                .out()).contains("Unlocked zhao.qiang.");
        assertThat(CommandsInContext.run(context, "staff", "unlock", "--username", "nobody.here", "--by", "x").exitCode())
                .isEqualTo(1);

        CommandsInContext.Result closed = CommandsInContext.run(context, "staff", "disable", "--username", "zhao.qiang",
                "--by", "security.admin");
        assertThat(closed.out()).contains("Disabled zhao.qiang");
        assertThat(CommandsInContext.run(context, "staff", "list").out()).contains("停用");
        assertThat(LocalDate.of(1985, 7, 4)).isEqualTo(ResidentId.parse(id, LocalDate.of(2026, 12, 2)).orElseThrow()
                .birthDate());
    }
}
