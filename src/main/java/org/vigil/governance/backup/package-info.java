/**
 * Backups with restore drills (DATA-16): a consistent, encrypted, signed logical backup of every
 * module's schema; its restore into an empty database, all or nothing; and the drill that restores
 * the latest backup into a scratch database and proves it.
 *
 * <p>A named interface of the governance module so that the command line can take, restore and
 * drill backups; only the interfaces and records here are public, the work is done in
 * {@code governance.internal}. The format and its keys are described in {@code docs/backups.md},
 * the decision in ADR 0023.
 */
@NamedInterface("backup")
package org.vigil.governance.backup;

import org.springframework.modulith.NamedInterface;
