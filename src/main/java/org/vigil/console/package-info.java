/**
 * The staff web console and its read-only views across modules.
 */
@ApplicationModule(displayName = "Staff console")
package org.vigil.console;

import org.springframework.modulith.ApplicationModule;
