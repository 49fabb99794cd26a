package org.vigil.sharing.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The drop-folder door (SHARE-6): a file is taken once it has settled, never while it is still
 * being written; it ends in {@code done/} or, refused, in {@code failed/} with the reason beside it.
 */
@SpringBootTest
@ActiveProfiles("test")
class DropFolderTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T03:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path drop;

    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;

    @Autowired
    DropFolderTest(DeliveryIngestion ingestion, ProviderRegistry providers, AgreementRegister agreements) {
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
    }

    @Test
    void share6_aFileIsTakenOnlyOnceItHasSettled_andEndsInDoneOrFailed() throws IOException {
        providers.register(new ProviderRegistration("drop_health", "卫生健康委员会", ProviderLevel.CITY, "220200"));
        providers.configureFeed("drop_health", new FeedSetting("death.health_certificate", AgeScope.EVERYONE, Map.of()));
        agreements.record(new AgreementDraft("AGR-DROP", "drop_health", "社保局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of("death.health_certificate"),
                EnumSet.of(AgreementPurpose.FRAUD_PREVENTION)));
        Path feed = Files.createDirectories(drop.resolve("drop_health").resolve("death.health_certificate"));
        DropFolder folder = new DropFolder(drop, ingestion, CLOCK);

        Path good = feed.resolve("deaths-2026-05.csv");
        Files.writeString(good, "姓名,身份证号,死亡日期\n王秀英,220202194102030028,2026-05-01\n", StandardCharsets.UTF_8);
        Path partial = feed.resolve("next.csv.part");
        Files.writeString(partial, "姓名,身份证号", StandardCharsets.UTF_8);
        Path broken = feed.resolve("broken.csv");
        Files.writeString(broken, "完全不对的表头\n1\n", StandardCharsets.UTF_8);

        assertThat(folder.poll()).as("first look: nothing has settled yet").isEmpty();

        Files.writeString(broken, "完全不对的表头\n1\n2\n", StandardCharsets.UTF_8);  // still being written
        List<DeliveryReport> second = folder.poll();
        assertThat(second).extracting(DeliveryReport::status).containsExactly(DeliveryStatus.APPLIED);
        assertThat(good).doesNotExist();
        assertThat(feed.resolve("done").resolve(second.get(0).deliveryId() + "-deaths-2026-05.csv")).exists();
        assertThat(partial).as("a file still being copied is left alone").exists();
        assertThat(broken).as("a file that changed since the last look waits").exists();

        List<DeliveryReport> third = folder.poll();
        assertThat(third).extracting(DeliveryReport::status).containsExactly(DeliveryStatus.REFUSED);
        assertThat(feed.resolve("failed").resolve("broken.csv")).exists();
        assertThat(Files.readString(feed.resolve("failed").resolve("broken.csv.txt"), StandardCharsets.UTF_8))
                .contains("表头").contains("broken.csv");
        assertThat(partial).exists();
    }
}
