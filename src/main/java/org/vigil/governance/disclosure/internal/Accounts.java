package org.vigil.governance.disclosure.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.Disclosures;

/** What reveals and exports share: the acting account's lock, its day, and the checks of what it sends. */
final class Accounts {

    /** "VD" (Vigil disclosure): the class of the per-account advisory locks, apart from other modules' locks. */
    private static final int LOCK_CLASS = 0x5644;

    private Accounts() {
    }

    /**
     * Serialises one account's reveals, look-ups and export requests until the transaction ends,
     * so two requests at once cannot both fit in the last of a quota.
     */
    static void lock(JdbcClient jdbc, long accountId) {
        jdbc.sql("select pg_advisory_xact_lock(:cls, :obj)").param("cls", LOCK_CLASS)
                .param("obj", Long.hashCode(accountId)).query((rs, n) -> 1).list();
    }

    /** The start of the agency's day (the clock's zone) that the instant falls in: when daily quotas begin again. */
    static Instant startOfDay(Clock clock) {
        return LocalDate.now(clock).atStartOfDay(clock.getZone()).toInstant();
    }

    static StaffPrincipal require(StaffPrincipal who) {
        if (who == null || who.username() == null || who.role() == null) {
            throw new DisclosureRefusedException(DisclosureRefusedException.Reason.NOT_PERMITTED,
                    "no staff account is acting / 无操作人员");
        }
        return who;
    }

    static String note(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip();
        if (n.length() > Disclosures.MAX_NOTE) {
            throw new DisclosureRefusedException(DisclosureRefusedException.Reason.INVALID, "a note is at most "
                    + Disclosures.MAX_NOTE + " characters / 备注不得超过" + Disclosures.MAX_NOTE + "字");
        }
        return n;
    }
}
