/**
 * Data quality of deliveries (DATA-12, DATA-13, SHARE-5, SHARE-9): the gate that holds a
 * suspicious delivery for an officer, per-feed thresholds as effective-dated data, each provider's
 * history, the five DATA-12 rates over months and years, late deliveries by the feed catalogue's
 * cadence, rectification notices with deadlines, and the yearly provider evaluation.
 *
 * <p>A named interface of the sharing module so that the command line can write the yearly
 * report; only the interfaces, records and enums here are public, the PostgreSQL side is
 * package-private. The rules are written down in {@code docs/data-quality.md}.
 */
@NamedInterface("quality")
package org.vigil.sharing.quality;

import org.springframework.modulith.NamedInterface;
