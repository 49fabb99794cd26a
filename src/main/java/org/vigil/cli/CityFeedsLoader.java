package org.vigil.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import org.vigil.runtime.CsvTable;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;

/**
 * Takes a generated city's department files in, month by month, as the departments would deliver
 * them: each department is registered as a provider with a data-use agreement for its feeds
 * (the synthetic city's departments all signed one), then every file of every month goes through
 * the ingestion pipeline with that month's last day as its as-of date. Running it again changes
 * nothing: providers and agreements are found, files are recognised by their hash.
 */
@Component
class CityFeedsLoader {

    /** Which catalogue feed each of the synthetic city's files is; kept with the catalogue. */
    static final String MAPPING = "/sharing/catalogue/synthetic-city-feeds.tsv";
    static final String AGENCY = "吉林市社会保险事业管理局";
    static final String CITY_REGION = "220200";

    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;

    CityFeedsLoader(DeliveryIngestion ingestion, ProviderRegistry providers, AgreementRegister agreements) {
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
    }

    /** One delivery file of the city. */
    record CityFile(YearMonth month, String provider, String providerName, String feed, Path file, boolean community) {
    }

    /** Ingests every month's files; returns one summary line per month. */
    List<String> load(Path city) {
        return load(city, null);
    }

    /**
     * Ingests one month's files, or every month's when {@code only} is null, as the departments
     * would have delivered them by then; returns one summary line per month.
     */
    List<String> load(Path city, YearMonth only) {
        Map<String, String> mapping = mapping();
        List<CityFile> all = files(city.resolve("feeds"), mapping);
        if (all.isEmpty()) {
            return List.of("no department files under " + city.resolve("feeds"));
        }
        // providers and agreements are registered for the whole city at once, as they would be signed before
        register(all, mapping);
        List<CityFile> files = only == null ? all : all.stream().filter(f -> f.month().equals(only)).toList();
        Map<YearMonth, EnumMap<DeliveryStatus, Integer>> byMonth = new LinkedHashMap<>();
        Map<YearMonth, long[]> rows = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (CityFile f : files) {
            String feed = mapping.get(f.provider() + "/" + f.feed());
            DeliveryReport report = ingestion.ingest(new DeliveryRequest(providerCode(f), feed, f.file(),
                    f.month() + "/" + f.provider() + "/" + f.file().getFileName(), f.month(), f.month().atEndOfMonth()));
            byMonth.computeIfAbsent(f.month(), m -> new EnumMap<>(DeliveryStatus.class)).merge(report.status(), 1, Integer::sum);
            long[] r = rows.computeIfAbsent(f.month(), m -> new long[4]);
            r[0] += report.counts().rowsRead();
            r[1] += report.counts().factsWritten();
            r[2] += report.counts().lifeSignsWritten();
            r[3] += report.counts().review();
            if (report.status() == DeliveryStatus.REFUSED || report.status() == DeliveryStatus.QUARANTINED) {
                problems.add("    " + f.month() + " " + f.provider() + "/" + f.file().getFileName() + ": " + report.status()
                        + " " + report.reason().orElse(""));
            }
        }
        List<String> lines = new ArrayList<>();
        byMonth.forEach((month, statuses) -> {
            long[] r = rows.get(month);
            lines.add(String.format(Locale.ROOT, "feeds %s  %s; %,d rows, %,d facts, %,d life signs, %,d to review",
                    month, statuses, r[0], r[1], r[2], r[3]));
        });
        lines.addAll(problems);
        return lines;
    }

    /** The months the city has department files for, in order. */
    static List<YearMonth> months(Path city) {
        return files(city.resolve("feeds"), mapping()).stream().map(CityFile::month).distinct().sorted().toList();
    }

    /** The last month the city has department files for: the month the demo verifies. */
    static Optional<YearMonth> latestMonth(Path city) {
        List<CityFile> files = files(city.resolve("feeds"), mapping());
        return files.stream().map(CityFile::month).max(YearMonth::compareTo);
    }

    private void register(List<CityFile> files, Map<String, String> mapping) {
        Map<String, CityFile> first = new LinkedHashMap<>();
        Map<String, Set<String>> feeds = new LinkedHashMap<>();
        YearMonth start = files.get(0).month();
        for (CityFile f : files) {
            String code = providerCode(f);
            first.putIfAbsent(code, f);
            feeds.computeIfAbsent(code, c -> new LinkedHashSet<>()).add(mapping.get(f.provider() + "/" + f.feed()));
        }
        first.forEach((code, f) -> {
            if (providers.find(code).isEmpty()) {
                boolean district = f.community();
                providers.register(new ProviderRegistration(code, district ? f.providerName() + f.feed() : f.providerName(),
                        district ? ProviderLevel.DISTRICT : ProviderLevel.CITY, district ? f.feed() : CITY_REGION));
            }
            String number = "DEMO-" + code;
            if (agreements.find(number).isEmpty()) {
                for (String feed : feeds.get(code)) {
                    providers.configureFeed(code, new FeedSetting(feed, AgeScope.EVERYONE, Map.of()));
                }
                LocalDate signed = start.minusMonths(1).atDay(15);
                agreements.record(new AgreementDraft(number, code, AGENCY, signed, signed,
                        start.plusYears(3).atEndOfMonth(), List.copyOf(feeds.get(code)),
                        EnumSet.allOf(AgreementPurpose.class)));
            }
        });
    }

    /** A district's community reports come from that district's streets and communities. */
    private static String providerCode(CityFile f) {
        return f.community() ? f.provider() + "_" + f.feed() : f.provider();
    }

    private static List<CityFile> files(Path feeds, Map<String, String> mapping) {
        if (!Files.isDirectory(feeds)) {
            return List.of();
        }
        List<Path> months;
        try (Stream<Path> s = Files.list(feeds)) {
            months = s.filter(p -> Files.isRegularFile(p.resolve("manifest.csv"))).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<CityFile> out = new ArrayList<>();
        for (Path dir : months) {
            YearMonth month = YearMonth.parse(dir.getFileName().toString());
            CsvTable.of(dir.resolve("manifest.csv"), "provider", "provider_name", "feed", "file").forEachRow(row -> {
                String key = row.requiredText("provider") + "/" + row.requiredText("feed");
                String catalogueFeed = mapping.get(key);
                if (catalogueFeed == null) {
                    throw new IllegalStateException("no catalogue feed for the city's " + key + " (see " + MAPPING + ")");
                }
                out.add(new CityFile(month, row.requiredText("provider"), row.requiredText("provider_name"),
                        row.requiredText("feed"), dir.resolve(row.requiredText("file")),
                        catalogueFeed.equals("death.community_report")));
            });
        }
        return out;
    }

    private static Map<String, String> mapping() {
        try (InputStream in = CityFeedsLoader.class.getResourceAsStream(MAPPING)) {
            if (in == null) {
                throw new IllegalStateException(MAPPING + " is not on the class path");
            }
            Map<String, String> map = new HashMap<>();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t");
                if (cells.length == 3) {
                    map.put(cells[0] + "/" + cells[1], cells[2]);
                }
            }
            return map;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
