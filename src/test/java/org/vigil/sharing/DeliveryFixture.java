package org.vigil.sharing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.identity.ResidentId;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Department deliveries for tests that need evidence in the database: a provider with an agreement
 * for its feeds, and small CSV files taken in through the real pipeline, so facts and life signs
 * are exactly what ingestion writes.
 */
public final class DeliveryFixture {

    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final Path folder;
    private int files;

    public DeliveryFixture(DeliveryIngestion ingestion, ProviderRegistry providers, AgreementRegister agreements,
            Path folder) {
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
        this.folder = folder;
    }

    /** A valid ID number: a region, a birth date and a sequence (odd for men), with its check digit. */
    public static String id(String region, LocalDate birth, int sequence) {
        String first17 = region + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + ResidentId.checkDigit(first17);
    }

    /** Registers a provider with an agreement in force from 2020 to 2099 for the given feeds. */
    public void provider(String code, String... feeds) {
        providers.register(new ProviderRegistration(code, "测试" + code, ProviderLevel.CITY, "220200"));
        for (String feed : feeds) {
            providers.configureFeed(code, new FeedSetting(feed, null, Map.of()));
        }
        agreements.record(new AgreementDraft("FIX-" + code, code, "吉林市社会保险事业管理局", LocalDate.of(2020, 1, 1),
                LocalDate.of(2020, 1, 1), LocalDate.of(2099, 12, 31), List.of(feeds), Set.of(AgreementPurpose.FRAUD_PREVENTION)));
    }

    /** Takes in a CSV file (header and rows) for the month, as of the month's last day; it must be applied. */
    public DeliveryReport deliver(String provider, String feed, YearMonth month, String header, String... rows) {
        Path file = folder.resolve(provider + "-" + (++files) + ".csv");
        try {
            Files.writeString(file, header + "\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DeliveryReport report = ingestion.ingest(new DeliveryRequest(provider, feed, file, file.getFileName().toString(),
                month, month.atEndOfMonth()));
        assertThat(report.status()).as(report.reason().orElse("") + " " + report.problems()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(report.counts().rejected()).as("rows rejected in " + file.getFileName()).isZero();
        return report;
    }
}
