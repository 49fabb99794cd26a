/**
 * How Vigil runs: the embedded or external PostgreSQL, per-module schema migrations and the clock.
 */
@ApplicationModule(displayName = "Runtime")
package org.vigil.runtime;

import org.springframework.modulith.ApplicationModule;
