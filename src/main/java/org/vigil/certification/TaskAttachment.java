package org.vigil.certification;

import java.time.Instant;

/**
 * A file kept with a verification task (第二十八条: paper digitised and kept with photos and
 * videos): stored once under its SHA-256, named as the operator uploaded it.
 */
public record TaskAttachment(long taskId, String sha256, String name, String contentType, long size, String addedBy,
        Instant addedAt) {
}
