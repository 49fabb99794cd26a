package org.vigil.sharing.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.vigil.identity.ResidentId;
import org.vigil.registry.RegistryBaseline;
import org.vigil.sharing.DeliveryIngestion;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;

/**
 * What the quality tests need around the gate: a small generated city's persons in the registry
 * (so accepted rows are linked and the recorded rate is real), providers with agreements, and
 * death files of as many rows as a test asks for, some of them broken on purpose.
 */
final class QualityFixture {

    static final String DEATHS = "death.police_deregistration";

    private static Path city;
    private static List<String[]> persons;

    private final DeliveryIngestion ingestion;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final Path workspace;
    private int files;

    QualityFixture(DeliveryIngestion ingestion, RegistryBaseline registry, ProviderRegistry providers,
            AgreementRegister agreements, Path workspace) {
        this.ingestion = ingestion;
        this.providers = providers;
        this.agreements = agreements;
        this.workspace = workspace;
        loadCity(registry);
    }

    /** The city is generated once per test run; loading it again into the same database adds nothing. */
    private static synchronized void loadCity(RegistryBaseline registry) {
        try {
            if (city == null) {
                city = Files.createTempDirectory("vigil-quality-city");
                new CityGenerator(2).generate(new CitySpec(2_000, 1, 7, YearMonth.of(2026, 1), city));
                List<String> lines = Files.readAllLines(city.resolve("agency/persons.csv"), StandardCharsets.UTF_8);
                List<String[]> all = new ArrayList<>();
                for (String line : lines.subList(1, lines.size())) {
                    String[] cells = line.split(",", -1);
                    // adults only, so no death date of 2026 falls before a birth
                    if (ResidentId.parse(cells[0], LocalDate.of(2026, 1, 1)).isValid() && cells[0].charAt(6) == '1') {
                        all.add(new String[] {cells[0], cells[1]});
                    }
                }
                persons = List.copyOf(all);
            }
            registry.loadCommunities(city.resolve("agency/communities.csv"));
            registry.loadPersons(city.resolve("agency/persons.csv"));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a provider for a feed with an agreement in force through 2026. */
    String provider(String code, String feed) {
        return provider(code, feed, LocalDate.of(2026, 1, 1));
    }

    /** Registers a provider for a feed with an agreement in force from that day to the end of 2026. */
    String provider(String code, String feed, LocalDate from) {
        providers.register(new ProviderRegistration(code, "测试部门" + code, ProviderLevel.CITY, "220200"));
        providers.configureFeed(code, new FeedSetting(feed, AgeScope.EVERYONE, Map.of()));
        agreements.record(new AgreementDraft("AGR-" + code, code, "吉林市社会保险事业管理局", LocalDate.of(2025, 12, 20),
                from, LocalDate.of(2026, 12, 31), List.of(feed), EnumSet.of(AgreementPurpose.FRAUD_PREVENTION)));
        return code;
    }

    /**
     * A police death file of {@code good} registry persons (from the {@code from}-th) and
     * {@code broken} rows whose ID has a wrong check digit, dated in the month.
     */
    Path deaths(YearMonth month, int from, int good, int broken) {
        if (good + broken > persons.size()) {
            throw new IllegalArgumentException("the test city has only " + persons.size() + " adults");
        }
        List<String> lines = new ArrayList<>();
        lines.add("姓名,公民身份号码,死亡日期");
        String day = month.atDay(1 + (from % 27)).toString().replace("-", "");
        for (int i = 0; i < good; i++) {
            String[] p = person(from + i);
            lines.add(p[1] + "," + p[0] + "," + day);
        }
        for (int i = 0; i < broken; i++) {
            String[] p = person(from + good + i);
            String id = p[0];
            String wrong = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
            lines.add(p[1] + "," + wrong + "," + day);
        }
        return write(lines);
    }

    /**
     * A police death file of {@code count} valid IDs of Beijing-born people, whom the Jilin test
     * city's registry cannot know: accepted, but none linked.
     */
    Path strangers(YearMonth month, int count) {
        List<String> lines = new ArrayList<>();
        lines.add("姓名,公民身份号码,死亡日期");
        String day = month.atDay(10).toString().replace("-", "");
        String surnames = "赵钱孙李周吴郑王冯陈";
        String given = "伟芳娜敏静丽强磊军洋";
        for (int serial = 100; lines.size() <= count; serial++) {
            String first17 = "11010119400101" + serial;
            int i = serial - 100;
            String name = "" + surnames.charAt(i / 10 % 10) + given.charAt(i % 10) + given.charAt(i / 100 % 10);
            lines.add(name + "," + first17 + ResidentId.checkDigit(first17) + "," + day);
        }
        return write(lines);
    }

    /** The index-th adult, wrapping round: persons repeat across files, never within one. */
    private static String[] person(int index) {
        return persons.get(index % persons.size());
    }

    Path write(List<String> lines) {
        try {
            Path dir = Files.createDirectories(workspace.resolve("file-" + (++files)));
            Path file = dir.resolve("deaths.csv");
            Files.writeString(file, String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    DeliveryReport ingest(String provider, String feed, YearMonth month, Path file) {
        return ingestion.ingest(new DeliveryRequest(provider, feed, file, file.getFileName().toString(), month,
                month.atEndOfMonth()));
    }
}
