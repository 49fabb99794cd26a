/**
 * The vault: the one place the ID numbers Vigil holds are stored, sealed with SM4 and found by a
 * keyed blind index, so that every other table names a person by an internal number (DATA-15, ADR 0035).
 */
@ApplicationModule(displayName = "Vault")
package org.vigil.vault;

import org.springframework.modulith.ApplicationModule;
