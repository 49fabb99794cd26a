package org.vigil.sharing;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One file a provider delivers for one feed.
 *
 * @param provider  the provider's code ({@code police})
 * @param feed      the catalogue feed's code ({@code death.police_deregistration})
 * @param file      where the file is now; ingestion copies it into the raw store first
 * @param fileName  the name it was delivered under, used in every message and the rejects file
 * @param dataMonth the month the delivery belongs to (cadence, metrics, history)
 * @param asOf      the business date cells are judged against: an ID born after it, a death after
 *                  it, the agreement in force on it. A re-run with the same date gives the same result.
 */
public record DeliveryRequest(String provider, String feed, Path file, String fileName, YearMonth dataMonth,
        LocalDate asOf) {

    public DeliveryRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(dataMonth, "dataMonth");
        Objects.requireNonNull(asOf, "asOf");
        if (provider.isBlank() || feed.isBlank() || fileName.isBlank()) {
            throw new IllegalArgumentException("a delivery needs a provider, a feed and a file name");
        }
    }
}
