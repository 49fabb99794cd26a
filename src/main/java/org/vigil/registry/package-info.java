/**
 * The universal enrollment registry: one record per person and employer across the eight schemes (REG-1..12).
 */
@ApplicationModule(displayName = "Enrollment registry")
package org.vigil.registry;

import org.springframework.modulith.ApplicationModule;
