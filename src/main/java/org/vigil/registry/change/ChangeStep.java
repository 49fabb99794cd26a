package org.vigil.registry.change;

import java.time.Instant;

import org.vigil.governance.StaffRole;

/** One step taken on a change request: by whom, in which role, when (by the application's clock). */
public record ChangeStep(String by, StaffRole role, Instant at) {
}
