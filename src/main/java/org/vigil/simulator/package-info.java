/**
 * A deterministic synthetic prefecture-level city: its ground truth and the files its departments would send.
 */
@ApplicationModule(displayName = "City simulator")
package org.vigil.simulator;

import org.springframework.modulith.ApplicationModule;
