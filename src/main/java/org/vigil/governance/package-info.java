/**
 * Data governance: roles, jurisdictions, purpose-bound access, maker-checker changes and tamper-evident audit (DATA-1..18).
 */
@ApplicationModule(displayName = "Governance")
package org.vigil.governance;

import org.springframework.modulith.ApplicationModule;
