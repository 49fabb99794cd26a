package org.vigil.certification;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/** Which lines of a month's ledger: one district, street or community, or all (divisions as {@link ListQuery} checks them). */
public record LedgerQuery(YearMonth month, LedgerKind kind, Optional<String> district, Optional<String> street,
        Optional<String> community) {

    public LedgerQuery {
        Objects.requireNonNull(kind, "kind");
        ListQuery divisions = new ListQuery(month, Optional.empty(), district, street, community);
        district = divisions.district();
        street = divisions.street();
        community = divisions.community();
    }

    public static LedgerQuery of(YearMonth month, LedgerKind kind) {
        return new LedgerQuery(month, kind, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public LedgerQuery inDistrict(String code) {
        return new LedgerQuery(month, kind, Optional.of(code), street, community);
    }
}
