package org.vigil.sharing.agreement;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.vigil.identity.RegionCode;

/**
 * A department or body that delivers data to the agency (SHARE-1): the police, civil affairs,
 * the courts, a bank, a street office.
 *
 * @param code         short stable code in lower-case ASCII, such as {@code police}
 * @param name         the department's name in Chinese, such as 吉林市公安局
 * @param region       the division it belongs to; its level fits {@code level}
 * @param registeredOn the day the agency registered it
 * @param feeds        the feeds it delivers, by feed code
 * @param liaisons     its liaison roster, past and present, in the order they were appointed
 */
public record Provider(String code, String name, ProviderLevel level, RegionCode region, LocalDate registeredOn,
        List<ProviderFeed> feeds, List<Liaison> liaisons) {

    public Provider {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(registeredOn, "registeredOn");
        feeds = feeds.stream().sorted(Comparator.comparing(ProviderFeed::feedCode)).toList();
        liaisons = List.copyOf(liaisons);
    }

    public Optional<ProviderFeed> feed(String feedCode) {
        return feeds.stream().filter(f -> f.feedCode().equals(feedCode)).findFirst();
    }

    /** The liaisons serving on that day. */
    public List<Liaison> liaisonsOn(LocalDate day) {
        return liaisons.stream().filter(l -> l.servesOn(day)).toList();
    }
}
