package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A data-use confidentiality agreement (防冒领数据共享保密协议, SHARE-2, 000 附件2) between the
 * agency as user (使用方) and a provider (提供方): which feeds it covers, for which purposes, from
 * when to when.
 *
 * @param agencyName the user party, the social-insurance agency, as named in the agreement
 * @param validFrom  the first day in force; never before the signing day, since the agreement
 *                   takes effect when signed (000 附件2 五)
 * @param validTo    the last day in force, inclusive
 * @param feeds      the feed codes it covers, sorted
 */
public record Agreement(String number, String providerCode, String agencyName, LocalDate signedOn,
        LocalDate validFrom, LocalDate validTo, List<String> feeds, Set<AgreementPurpose> purposes,
        Optional<AgreementScan> scan, Optional<Termination> termination) {

    public Agreement {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(providerCode, "providerCode");
        Objects.requireNonNull(agencyName, "agencyName");
        Objects.requireNonNull(signedOn, "signedOn");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        feeds = feeds.stream().sorted().distinct().toList();
        purposes = purposes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(purposes));
        Objects.requireNonNull(scan, "scan");
        Objects.requireNonNull(termination, "termination");
    }

    public boolean covers(String feedCode) {
        return feeds.contains(feedCode);
    }

    public boolean permits(AgreementPurpose purpose) {
        return purposes.contains(purpose);
    }

    /**
     * The last day the agreement covers deliveries: the end of its validity, or the day before a
     * termination took effect. Before {@link #validFrom} when it was terminated before it began.
     */
    public LocalDate lastDayInForce() {
        return termination.map(t -> t.effectiveFrom().minusDays(1))
                .filter(d -> d.isBefore(validTo))
                .orElse(validTo);
    }

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(lastDayInForce());
    }

    /** Whether it was in force for at least one day. */
    public boolean everInForce() {
        return !lastDayInForce().isBefore(validFrom);
    }

    public AgreementStatus statusOn(LocalDate day) {
        if (termination.isPresent() && !day.isBefore(termination.get().effectiveFrom())) {
            return AgreementStatus.TERMINATED;
        }
        if (day.isBefore(validFrom)) {
            return AgreementStatus.PENDING;
        }
        return day.isAfter(validTo) ? AgreementStatus.EXPIRED : AgreementStatus.IN_FORCE;
    }
}
