package org.vigil.registry;

/**
 * What a baseline load did.
 *
 * @param file    the file's name
 * @param read    data rows read
 * @param added   rows added
 * @param present rows that were already there and left unchanged
 */
public record LoadReport(String file, long read, long added, long present) {
}
