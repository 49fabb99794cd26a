package org.vigil.sharing.internal;

import org.springframework.stereotype.Component;
import org.vigil.vault.PersonVault;

/**
 * The vault with this process's map filled once, before the first bulk job that needs most of its
 * persons (a delivery, the evidence walk): one pass over the vault instead of a round trip per
 * block of unseen IDs. The map then stays warm, since the vault keeps what it records and looks up;
 * persons another process records later are found by the vault on their first miss.
 */
@Component
class WarmVault {

    private final PersonVault vault;
    private volatile boolean warm;

    WarmVault(PersonVault vault) {
        this.vault = vault;
    }

    /** The vault as it is, for a look-up of a few persons. */
    PersonVault vault() {
        return vault;
    }

    /** The vault, its map filled first if this process has not yet. */
    PersonVault get() {
        if (!warm) {
            synchronized (this) {
                if (!warm) {
                    vault.preload();
                    warm = true;
                }
            }
        }
        return vault;
    }
}
