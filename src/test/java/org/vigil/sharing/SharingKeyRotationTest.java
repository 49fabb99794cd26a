package org.vigil.sharing;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyRotation;
import org.vigil.governance.KeyService;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data-key rotation (DATA-15, DATA-17, ADR 0035) moves this module's sealed columns — reject
 * cells, review items' names and their candidates' names — to the new key, after which the old key
 * can be destroyed and everything still opens. Its own context, because it rotates and destroys keys.
 */
@VigilIntegrationTest
@TestPropertySource(properties = "vigil.test.context=sharing-rotation")
class SharingKeyRotationTest {

    static final YearMonth MARCH = YearMonth.of(2026, 3);
    static final List<String> COLUMNS = List.of("sharing.reject.value_sealed", "sharing.review_item.name_sealed",
            "sharing.review_item.candidate_names");

    @TempDir
    Path workspace;

    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final DeliveryLog log;
    private final ReviewQueue reviews;
    private final KeyRotation rotation;
    private final KeyService keys;

    @Autowired
    SharingKeyRotationTest(DeliveryIngestion ingestion, ProviderRegistry providers, AgreementRegister agreements,
            DeliveryLog log, ReviewQueue reviews, KeyRotation rotation, KeyService keys) {
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
        this.log = log;
        this.reviews = reviews;
        this.rotation = rotation;
        this.keys = keys;
    }

    @Test
    void data17_rotationMovesTheRejectCellsAndReviewNamesToTheNewKey_andTheyStillOpenOnceTheOldKeyIsDestroyed()
            throws IOException {
        DeliveryFixture f = new DeliveryFixture(ingestion, providers, agreements, workspace);
        f.provider("rot_police", "death.police_deregistration");
        f.provider("rot_community", "death.community_report");
        String dead = DeliveryFixture.id("220202", LocalDate.of(1941, 3, 2), 901);
        String wrong = dead.substring(0, 17) + (dead.charAt(17) == '0' ? '1' : '0');
        DeliveryReport police = deliver("rot_police", "death.police_deregistration", "姓名,公民身份号码,死亡日期",
                "钱多多," + dead + ",2026-03-05", "孙小小," + wrong + ",2026-03-06");
        deliver("rot_community", "death.community_report", "姓名,性别,出生日期,身份证号,情况类别,发生日期",
                "周大大,男,1950-01-02,,死亡,2026-03-12");
        String old = keys.currentDataKey();
        assertThat(use(old, "sharing.reject.value_sealed")).isEqualTo(1);
        assertThat(use(old, "sharing.review_item.name_sealed")).isEqualTo(1);

        rotation.rotate(KeyCustody.KeyKind.DATA, "security.admin");
        while (rotation.resealStep(1) > 0) {
            // one value a step, as a slow schedule would
        }
        for (String column : COLUMNS) {
            assertThat(use(old, column)).as(column).isZero();
        }
        rotation.retire(old, "security.admin");
        assertThat(keys.holds(old)).isFalse();

        StringWriter rejects = new StringWriter();
        log.writeRejects(police.deliveryId(), rejects);
        assertThat(rejects.toString()).contains(wrong);
        assertThat(reviews.open(Optional.of("rot_community"), 0, 10)).singleElement()
                .satisfies(i -> assertThat(i.name()).contains("周大大"));
    }

    private long use(String keyId, String name) {
        return rotation.status().stream().filter(u -> u.key().id().equals(keyId)).flatMap(u -> u.uses().stream())
                .filter(u -> u.name().equals(name)).mapToLong(KeyRotation.Use::count).sum();
    }

    private DeliveryReport deliver(String provider, String feed, String header, String... rows) throws IOException {
        Path file = workspace.resolve(provider + ".csv");
        Files.writeString(file, header + "\r\n" + String.join("\r\n", rows) + "\r\n", StandardCharsets.UTF_8);
        DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, feed, file, file.getFileName().toString(),
                MARCH, MARCH.atEndOfMonth()));
        assertThat(report.status()).as(report.reason().orElse("")).isEqualTo(DeliveryStatus.APPLIED);
        return report;
    }
}
