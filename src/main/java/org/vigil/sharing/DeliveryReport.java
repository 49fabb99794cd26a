package org.vigil.sharing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigil.identity.FileProblem;

/**
 * The answer to a delivery: what became of it, why when it was refused, and its counts.
 *
 * @param deliveryId the delivery's number (of the earlier one for {@link DeliveryStatus#ALREADY_APPLIED})
 * @param status     what became of it
 * @param reason     for a refusal or a hold, why, in Chinese and English
 * @param problems   for a file that could not be read or whose header does not fit the feed,
 *                   every problem with file, row and column
 * @param sha256     the stored raw file's hash
 * @param counts     the rows' outcomes and metrics; {@link DeliveryCounts#NONE} for a refusal and a repeat
 */
public record DeliveryReport(long deliveryId, DeliveryStatus status, Optional<String> reason,
        List<FileProblem> problems, String sha256, DeliveryCounts counts) {

    public DeliveryReport {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        problems = List.copyOf(problems);
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(counts, "counts");
        boolean explained = status == DeliveryStatus.REFUSED || status == DeliveryStatus.QUARANTINED;
        if (explained != reason.isPresent()) {
            throw new IllegalArgumentException("a refusal or a hold, and only those, say why");
        }
    }
}
