package org.vigil.sharing.agreement;

/**
 * A new provider as staff type it in; the registry checks every field and reports all problems
 * at once.
 *
 * @param regionCode a division code of 6, 9 or 12 digits
 */
public record ProviderRegistration(String code, String name, ProviderLevel level, String regionCode) {
}
