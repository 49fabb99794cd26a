package org.vigil.sharing.quality;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.vigil.sharing.agreement.ProviderRegistry;

/** DATA-12 metrics over time, summed from {@code sharing.delivery}. */
@Component
class JdbcQualityMetrics implements QualityMetrics {

    private final DeliveryLedger ledger;
    private final ProviderRegistry providers;

    JdbcQualityMetrics(DeliveryLedger ledger, ProviderRegistry providers) {
        this.ledger = ledger;
        this.providers = providers;
    }

    @Override
    public ProviderQuality ofProvider(String provider, int year) {
        if (providers.find(provider).isEmpty()) {
            throw new QualityException(QualityException.Kind.NOT_FOUND,
                    "未登记的提供单位 / no provider is registered as " + provider);
        }
        return of(provider, year, ledger.figures(provider, YearMonth.of(year, 1), YearMonth.of(year, 12)));
    }

    /** A provider's year from its month figures (already filtered to the provider and the year). */
    static ProviderQuality of(String provider, int year, List<DeliveryLedger.MonthFigures> rows) {
        Map<String, List<MonthQuality>> byFeed = new LinkedHashMap<>();
        for (DeliveryLedger.MonthFigures row : rows) {
            byFeed.computeIfAbsent(row.feed(), f -> new ArrayList<>()).add(new MonthQuality(row.month(), row.figures()));
        }
        List<FeedQuality> feeds = new ArrayList<>();
        QualityFigures total = QualityFigures.NONE;
        for (Map.Entry<String, List<MonthQuality>> e : byFeed.entrySet()) {
            QualityFigures sum = QualityFigures.NONE;
            for (MonthQuality m : e.getValue()) {
                sum = sum.plus(m.figures());
            }
            feeds.add(new FeedQuality(e.getKey(), sum, e.getValue()));
            total = total.plus(sum);
        }
        return new ProviderQuality(provider, year, total, feeds);
    }
}
