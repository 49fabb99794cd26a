/**
 * Who delivers department data and on what terms (SHARE-1, SHARE-2, SHARE-4, DATA-14): the
 * provider registry with its liaison roster, the feeds each provider delivers with its own header
 * spellings and the SHARE-4 age filter, and the data-use confidentiality agreements (保密协议)
 * without which no delivery is taken in.
 *
 * <p>This package is a named interface of the sharing module so that the command line can list
 * providers and expiring agreements; only the interfaces, records and enums here are public, the
 * PostgreSQL side is package-private (see {@code docs/adr/0011-provider-and-agreement-terms.md}).
 */
@NamedInterface("agreements")
package org.vigil.sharing.agreement;

import org.springframework.modulith.NamedInterface;
