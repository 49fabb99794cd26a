package org.vigil.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.vigil.identity.BadInputException;
import org.vigil.sharing.DeliveryFixture;
import org.vigil.sharing.agreement.AgreementIntegrationTest;

/**
 * 第十一条 (CERT-3): a period the agency granted by benefit level travels from the recipients file
 * to the monthly run; a granted period outside 12 to 24 months refuses the file.
 */
@AgreementIntegrationTest
class GrantedPeriodTest {

    static final YearMonth MONTH = YearMonth.of(2027, 5);
    static final String GRANTED = DeliveryFixture.id("220202", LocalDate.of(1946, 5, 7), 931);
    static final String STANDARD = DeliveryFixture.id("220202", LocalDate.of(1946, 5, 8), 933);
    static final String HEADER = RecipientFixture.HEADER + ",period_months\n";

    @Autowired
    RecipientBaseline baseline;
    @Autowired
    MonthlyVerification verification;
    @Autowired
    CertificationLists lists;

    @TempDir
    Path dir;

    static String row(String id, String months) {
        return id + ",赵某,ENTERPRISE_PENSION,,,2010-01-01,1800.00,,220202001001,220202001001,,2026-01-15,false,false,false,"
                + months + "\n";
    }

    @Test
    void cert3_article11_aGrantedPeriodOfUpTo24MonthsSetsThePeriodEnd() throws Exception {
        Path file = Files.writeString(dir.resolve("recipients.csv"), HEADER + row(GRANTED, "24") + row(STANDARD, ""));
        assertThat(baseline.loadRecipients(file).added()).isEqualTo(2);
        verification.verify(MONTH, MONTH.atDay(20));
        assertThat(periodEnd(GRANTED)).isEqualTo(LocalDate.of(2028, 1, 15));
        assertThat(periodEnd(STANDARD)).as("past its 12 months: overdue").isEqualTo(LocalDate.of(2027, 1, 15));
    }

    @Test
    void cert3_article11_aGrantedPeriodOutside12To24MonthsRefusesTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), HEADER
                + row(DeliveryFixture.id("220202", LocalDate.of(1946, 5, 9), 935), "36"));
        assertThatThrownBy(() -> baseline.loadRecipients(file)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("period_months").hasMessageContaining("36");
    }

    private LocalDate periodEnd(String id) {
        return lists.explain(id, MONTH).orElseThrow().decisions().get(0).decision().periodEnd();
    }
}
