package org.vigil.sharing.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.sharing.agreement.Agreement;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.Provider;
import org.vigil.sharing.agreement.ProviderFeed;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.catalogue.Cadence;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.FeedDefinition;

/**
 * Expected and actual deliveries by period (SHARE-5). A delivery is due
 * {@code vigil.quality.grace-days} (15 by default) days after its period's last month ends: the
 * source documents set the cadence but no day, so the agency gives a provider half a month to
 * extract and send.
 */
@Component
class CadenceTracker implements DeliveryCadence {

    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final DeliveryLedger ledger;
    private final ZoneId zone;
    private final int graceDays;
    private final FeedCatalogue catalogue = FeedCatalogue.standard();

    CadenceTracker(ProviderRegistry providers, AgreementRegister agreements, DeliveryLedger ledger, Clock clock,
            @Value("${vigil.quality.grace-days:15}") int graceDays) {
        if (graceDays < 0 || graceDays > 90) {
            throw new IllegalArgumentException("vigil.quality.grace-days must be 0 to 90, found " + graceDays);
        }
        this.providers = providers;
        this.agreements = agreements;
        this.ledger = ledger;
        this.zone = clock.getZone();
        this.graceDays = graceDays;
    }

    /** One period a provider owed for a feed, and the day it was first delivered, if ever. */
    record Owed(String provider, String feed, Cadence cadence, DeliveryPeriod period, LocalDate dueDate,
            Optional<LocalDate> deliveredOn) {
    }

    @Override
    public List<OverdueDelivery> overdue(LocalDate asOf) {
        List<OverdueDelivery> overdue = new ArrayList<>();
        for (Provider provider : providers.all()) {
            for (Owed owed : owed(provider, asOf)) {
                boolean delivered = owed.deliveredOn().filter(d -> !d.isAfter(asOf)).isPresent();
                if (!delivered && owed.dueDate().isBefore(asOf)) {
                    overdue.add(new OverdueDelivery(owed.provider(), owed.feed(), owed.cadence(), owed.period(),
                            owed.dueDate(), ChronoUnit.DAYS.between(owed.dueDate(), asOf)));
                }
            }
        }
        return overdue;
    }

    @Override
    public Timeliness timeliness(String provider, int year, LocalDate asOf) {
        Optional<Provider> found = providers.find(provider);
        if (found.isEmpty()) {
            return Timeliness.NONE;
        }
        long due = 0;
        long onTime = 0;
        long late = 0;
        for (Owed owed : owed(found.get(), asOf)) {
            if (owed.period().end().getYear() != year || !owed.dueDate().isBefore(asOf)) {
                continue;
            }
            due++;
            Optional<LocalDate> on = owed.deliveredOn().filter(d -> !d.isAfter(asOf));
            if (on.isPresent() && !on.get().isAfter(owed.dueDate())) {
                onTime++;
            }
            else if (on.isPresent()) {
                late++;
            }
        }
        return new Timeliness(due, onTime, late, due - onTime - late);
    }

    /** Every period of the provider's recurring feeds that ends by {@code asOf}'s month and an agreement covers. */
    List<Owed> owed(Provider provider, LocalDate asOf) {
        List<Agreement> signed = agreements.ofProvider(provider.code());
        Map<String, Map<DeliveryPeriod, LocalDate>> firstArrival = new HashMap<>();
        List<Owed> owed = new ArrayList<>();
        YearMonth last = YearMonth.from(asOf);
        boolean arrivalsRead = false;
        for (ProviderFeed feed : provider.feeds()) {
            Optional<Cadence> cadence = catalogue.find(feed.feedCode()).map(FeedDefinition::cadence)
                    .filter(c -> c.monthsBetweenDeliveries().isPresent());
            if (cadence.isEmpty()) {
                continue;
            }
            Optional<LocalDate> start = signed.stream().filter(a -> a.covers(feed.feedCode()) && a.everInForce())
                    .map(Agreement::validFrom).min(LocalDate::compareTo);
            if (start.isEmpty()) {
                continue;
            }
            if (!arrivalsRead) {
                for (DeliveryLedger.Arrival a : ledger.arrivals(provider.code(), last)) {
                    Optional<Cadence> c = catalogue.find(a.feed()).map(FeedDefinition::cadence)
                            .filter(x -> x.monthsBetweenDeliveries().isPresent());
                    if (c.isPresent()) {
                        LocalDate day = LocalDate.ofInstant(a.receivedAt(), zone);
                        firstArrival.computeIfAbsent(a.feed(), f -> new HashMap<>())
                                .merge(DeliveryPeriod.containing(a.month(), c.get()), day,
                                        (x, y) -> x.isBefore(y) ? x : y);
                    }
                }
                arrivalsRead = true;
            }
            Map<DeliveryPeriod, LocalDate> arrived = firstArrival.getOrDefault(feed.feedCode(), Map.of());
            for (DeliveryPeriod p = DeliveryPeriod.containing(YearMonth.from(start.get()), cadence.get());
                    !p.end().isAfter(last); p = p.next()) {
                LocalDate lastDay = p.end().atEndOfMonth();
                boolean covered = signed.stream().anyMatch(a -> a.covers(feed.feedCode()) && a.inForceOn(lastDay));
                if (covered) {
                    owed.add(new Owed(provider.code(), feed.feedCode(), cadence.get(), p, p.dueDate(graceDays),
                            Optional.ofNullable(arrived.get(p))));
                }
            }
        }
        return owed;
    }
}
