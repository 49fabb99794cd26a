/**
 * Purpose-bound access to personal data (SHARE-2, DATA-9, DATA-10): seeing a person's data in
 * full for a stated purpose within a daily quota, the watch for enumeration, and bulk exports
 * that are approved, watermarked and recorded.
 *
 * <p>A named interface of the governance module so that the modules holding personal data can
 * ask before they show or export it; only the interfaces, records and enums here are public, the
 * work is done in {@code disclosure.internal} (ADR 0030).
 */
@NamedInterface("disclosure")
package org.vigil.governance.disclosure;

import org.springframework.modulith.NamedInterface;
