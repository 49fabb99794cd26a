package org.vigil.sharing.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.vigil.sharing.agreement.Provider;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.catalogue.FeedDefinition;

/**
 * The yearly provider evaluation (SHARE-9). The weakest point is the figure that strains its
 * threshold most ({@link QualityMetric#strain}): a feed's yearly rate against that feed's
 * thresholds in force in the last month of the year it delivered (the standard it was last held
 * to, so a threshold tightened late in the year does not judge the months before it), or the
 * on-time share against the default minimum in force in December. Rates of a feed with
 * fewer rows in the year than the gate needs to judge a delivery are not weighed, for the same
 * reason the gate does not judge them.
 */
@Component
class ProviderEvaluator implements ProviderEvaluations {

    private final ProviderRegistry providers;
    private final DeliveryLedger ledger;
    private final DeliveryCadence cadence;
    private final Rectifications rectifications;
    private final QualityThresholds thresholds;
    private final String cjkFont;
    private final FeedCatalogue catalogue = FeedCatalogue.standard();

    ProviderEvaluator(ProviderRegistry providers, DeliveryLedger ledger, DeliveryCadence cadence,
            Rectifications rectifications, QualityThresholds thresholds,
            @Value("${" + CjkFont.SETTING + ":}") String cjkFont) {
        this.providers = providers;
        this.ledger = ledger;
        this.cadence = cadence;
        this.rectifications = rectifications;
        this.thresholds = thresholds;
        this.cjkFont = cjkFont;
    }

    /** An evaluation with the per-feed figures behind it, for the workbook's detail sheet. */
    record Evaluated(ProviderEvaluation evaluation, ProviderQuality quality) {
    }

    @Override
    public List<ProviderEvaluation> evaluate(int year, LocalDate asOf) {
        return evaluated(year, asOf).stream().map(Evaluated::evaluation).toList();
    }

    List<Evaluated> evaluated(int year, LocalDate asOf) {
        Map<String, List<DeliveryLedger.MonthFigures>> figures = ledger
                .figures(null, YearMonth.of(year, 1), YearMonth.of(year, 12)).stream()
                .collect(Collectors.groupingBy(DeliveryLedger.MonthFigures::provider));
        List<Evaluated> out = new ArrayList<>();
        for (Provider p : providers.all()) {
            ProviderQuality quality = JdbcQualityMetrics.of(p.code(), year, figures.getOrDefault(p.code(), List.of()));
            Timeliness timeliness = cadence.timeliness(p.code(), year, asOf);
            List<Rectification> notices = rectifications.list(Optional.of(p.code()), Optional.empty(), asOf);
            long open = notices.stream().filter(r -> r.status() != RectificationStatus.DONE).count();
            long overdue = notices.stream().filter(r -> r.status() == RectificationStatus.OVERDUE).count();
            out.add(new Evaluated(new ProviderEvaluation(p.code(), p.name(), year, quality.total(), timeliness, open,
                    overdue, suggest(year, quality, timeliness)), quality));
        }
        return out;
    }

    Suggestion suggest(int year, ProviderQuality quality, Timeliness timeliness) {
        YearMonth december = YearMonth.of(year, 12);
        double worst = -1;
        QualityIssue weakest = null;
        String weakestFeed = null;
        String detailChinese = null;
        String detailEnglish = null;
        for (FeedQuality feed : quality.feeds()) {
            YearMonth last = feed.months().isEmpty() ? december : feed.months().get(feed.months().size() - 1).month();
            ThresholdSet t = thresholds.inForce(feed.feed(), last);
            if (feed.year().rowsRead() < t.count(QualityRule.MIN_ROWS_FOR_RATES)) {
                continue;
            }
            for (QualityMetric m : QualityMetric.values()) {
                Rate rate = feed.year().rate(m);
                if (rate.denominator() == 0) {
                    continue;
                }
                double strain = m.strain(rate, t.threshold(m));
                if (strain > worst) {
                    worst = strain;
                    weakest = QualityIssue.of(m);
                    weakestFeed = feed.feed();
                    boolean min = m.bound() == QualityMetric.Bound.AT_LEAST;
                    detailChinese = m.chinese() + " " + rate.percent() + "，要求" + (min ? "不低于 " : "不高于 ")
                            + Rate.percent(t.threshold(m));
                    detailEnglish = m.english() + " " + rate.percent() + ", required " + (min ? "at least " : "at most ")
                            + Rate.percent(t.threshold(m));
                }
            }
        }
        if (timeliness.due() > 0) {
            BigDecimal min = thresholds.defaults(december).value(QualityRule.ON_TIME_SHARE_MIN);
            Rate share = timeliness.onTimeShare();
            double strain = QualityMetric.Bound.AT_LEAST.strain(share, min);
            if (strain > worst) {
                worst = strain;
                weakest = QualityIssue.LATE_DELIVERY;
                weakestFeed = null;
                detailChinese = "按时报送率 " + share.percent() + "（应报 " + timeliness.due() + " 期，逾期 " + timeliness.late()
                        + " 期，未报 " + timeliness.missing() + " 期），要求不低于 " + Rate.percent(min);
                detailEnglish = "on-time share " + share.percent() + " (" + timeliness.due() + " periods due, "
                        + timeliness.late() + " late, " + timeliness.missing() + " missing), required at least "
                        + Rate.percent(min);
            }
        }
        if (weakest == null) {
            return new Suggestion(Optional.empty(), Optional.empty(), true, "本年度没有可评估的报送",
                    "nothing was delivered or due this year to evaluate");
        }
        if (worst <= 1) {
            return new Suggestion(Optional.of(weakest), Optional.ofNullable(weakestFeed), true,
                    "各项指标均达到要求，请保持；相对最弱的是" + where(weakestFeed) + detailChinese,
                    "every figure met its threshold; keep it up. The weakest was " + whereEnglish(weakestFeed)
                            + detailEnglish);
        }
        return new Suggestion(Optional.of(weakest), Optional.ofNullable(weakestFeed), false,
                where(weakestFeed) + weakest.chinese() + "：" + detailChinese + "。建议" + weakest.adviceChinese() + "。",
                whereEnglish(weakestFeed) + weakest.english() + ": " + detailEnglish + ". Suggestion: "
                        + weakest.adviceEnglish() + ".");
    }

    private String where(String feed) {
        return feed == null ? "" : catalogue.find(feed).map(FeedDefinition::title).orElse(feed) + "（" + feed + "）";
    }

    private static String whereEnglish(String feed) {
        return feed == null ? "" : feed + ": ";
    }

    @Override
    public Path writeWorkbook(int year, LocalDate asOf, Path folder) {
        try {
            return publish(folder, "provider-evaluation-" + year + ".xlsx", partial -> EvaluationWorkbook.write(partial,
                    year, asOf, evaluated(year, asOf), thresholds.defaults(YearMonth.of(year, 12)), catalogue));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the provider evaluation into " + folder, e);
        }
    }

    @Override
    public Path writePdf(int year, LocalDate asOf, Path folder) {
        // the font is found first, so a refusal leaves neither a file nor a new folder behind
        try (CjkFont font = CjkFont.open(cjkFont)) {
            return publish(folder, "provider-evaluation-" + year + ".pdf", partial -> EvaluationPdf.write(partial, year,
                    asOf, evaluated(year, asOf), thresholds.defaults(YearMonth.of(year, 12)), catalogue, font));
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot write the provider evaluation into " + folder, e);
        }
    }

    private interface Writer {
        void write(Path partial) throws IOException;
    }

    /** Writes under a temporary name and renames, so a reader never sees half a report under the real name. */
    private static Path publish(Path folder, String name, Writer writer) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(name);
        Path partial = folder.resolve(name + ".part");
        try {
            writer.write(partial);
            return Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(partial);
            }
            catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }
}
