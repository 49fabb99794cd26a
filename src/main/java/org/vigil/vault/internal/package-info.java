/**
 * The vault's tables, its blind index and the in-process map between ID numbers and person numbers.
 */
package org.vigil.vault.internal;
