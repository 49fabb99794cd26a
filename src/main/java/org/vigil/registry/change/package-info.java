/**
 * Changes to the registry's basic data under control (DATA-6, DATA-8): the catalogue of fields with
 * their review levels, change requests that go apply → approve → modify → review by the posts that
 * may, and every version of every person and employer record, seen as it was on any date.
 *
 * <p>A named interface of the registry module, so that the command line or the console can offer
 * the same acts later; only the interfaces, records and enums here are public, the PostgreSQL side
 * lives in {@code org.vigil.registry.internal} (see {@code docs/adr/0029-maker-checker-changes-and-history.md}).
 */
@NamedInterface("change")
package org.vigil.registry.change;

import org.springframework.modulith.NamedInterface;
