package org.vigil.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.vigil.governance.HttpStaffSession;
import org.vigil.identity.BadInputException;
import org.vigil.registry.RegistryBaseline;
import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's path end to end on real PostgreSQL and a real HTTP server: a generated city's agency
 * records are loaded, the district page's API counts them from the database, a second load
 * changes nothing, and a file with a bad row is refused whole (REG-3).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CityBaselineLoadTest {

    @TempDir
    static Path workspace;

    static Path city;

    private final CityBaselineLoader loader;
    private final CityFeedsLoader feeds;
    private final RegistryBaseline registry;
    private final JdbcClient jdbc;
    private final int port;
    private final ApplicationContext context;
    private HttpStaffSession session;

    @Autowired
    CityBaselineLoadTest(CityBaselineLoader loader, CityFeedsLoader feeds, RegistryBaseline registry, JdbcClient jdbc,
            @LocalServerPort int port, ApplicationContext context) {
        this.context = context;
        this.loader = loader;
        this.feeds = feeds;
        this.registry = registry;
        this.jdbc = jdbc;
        this.port = port;
    }

    @BeforeAll
    static void generateCity() {
        city = workspace.resolve("city");
        new CityGenerator().generate(new CitySpec(3_000, 1, 7L, YearMonth.of(2026, 9), city));
    }

    @Test
    @Order(1)
    void theDistrictPageCountsWhatWasLoadedFromTheDatabase() throws Exception {
        loader.load(city);

        Map<String, Long> expectedPersons = countByDistrict(city.resolve("agency/persons.csv"), "region_code");
        Map<String, Long> expectedRecipients = countByDistrict(city.resolve("agency/recipients.csv"), "region_code");
        assertThat(expectedPersons).isNotEmpty();
        assertThat(expectedRecipients).isNotEmpty();

        String json = get("/api/overview/districts");
        for (Map.Entry<String, Long> e : expectedPersons.entrySet()) {
            long recipients = expectedRecipients.getOrDefault(e.getKey(), 0L);
            assertThat(json).contains("\"code\":\"" + e.getKey() + "\"");
            assertThat(json).containsPattern("\"code\":\"" + e.getKey() + "\",\"name\":\"[^\"]+\",\"residents\":"
                    + e.getValue() + ",\"recipients\":" + recipients + ",\"communities\":[1-9][0-9]*");
        }
        Map<String, Long> expectedCommunities = countByDistrict(city.resolve("agency/communities.csv"), "code");
        for (Map.Entry<String, Long> e : expectedCommunities.entrySet()) {
            assertThat(json).containsPattern("\"code\":\"" + e.getKey() + "\",[^}]*\"communities\":" + e.getValue() + "}");
        }
        assertThat(json).contains("昌邑区");
        long total = expectedPersons.values().stream().mapToLong(Long::longValue).sum();
        assertThat(json).contains("\"residents\":" + total);
    }

    @Test
    @Order(2)
    void loadingTheSameCityTwiceChangesNothing() {
        long before = jdbc.sql("select count(*) from registry.person").query(Long.class).single();
        long recipientsBefore = jdbc.sql("select count(*) from certification.recipient").query(Long.class).single();
        List<String> lines = loader.load(city);
        assertThat(lines).allSatisfy(line -> assertThat(line).contains(" 0 added"));
        assertThat(jdbc.sql("select count(*) from registry.person").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from certification.recipient").query(Long.class).single())
                .isEqualTo(recipientsBefore);
    }

    @Test
    @Order(3)
    void aFileWithOneBadRowIsRefusedWholeAndSaysWhere() throws IOException {
        List<String> lines = Files.readAllLines(city.resolve("agency/persons.csv"), StandardCharsets.UTF_8);
        Path bad = workspace.resolve("persons-bad.csv");
        // two new valid people, then one whose ID has a wrong check digit, on line 4
        String header = lines.get(0);
        String good1 = person("22020219800101001", "新甲");
        String good2 = person("22020219800101002", "新乙");
        String broken = person("22020219800101003", "新丙");
        char wrong = broken.charAt(17) == '0' ? '1' : '0';
        broken = broken.substring(0, 17) + wrong + broken.substring(18);
        Files.write(bad, List.of(header, good1, good2, broken), StandardCharsets.UTF_8);
        long before = jdbc.sql("select count(*) from registry.person").query(Long.class).single();

        assertThatThrownBy(() -> registry.loadPersons(bad))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    var problem = ((BadInputException) e).problems().get(0);
                    assertThat(problem.file()).isEqualTo("persons-bad.csv");
                    assertThat(problem.row()).isEqualTo(4);
                    assertThat(problem.column()).isEqualTo("id_number");
                    assertThat(problem.reason()).contains("CHECK_DIGIT");
                });
        assertThat(jdbc.sql("select count(*) from registry.person").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void aCommunityUnderAnUnknownStreetIsRefusedWithItsRowAndColumn_REG3() throws IOException {
        Path bad = workspace.resolve("communities-bad.csv");
        Files.write(bad, List.of("code,name,township_code", "220202001901,新建社区,220202001",
                "220202999001,无名社区,220202999"), StandardCharsets.UTF_8);
        long before = jdbc.sql("select count(*) from registry.community").query(Long.class).single();

        assertThatThrownBy(() -> registry.loadCommunities(bad))
                .isInstanceOf(BadInputException.class)
                .satisfies(e -> {
                    var problems = ((BadInputException) e).problems();
                    assertThat(problems).hasSize(1);
                    assertThat(problems.get(0).row()).isEqualTo(3);
                    assertThat(problems.get(0).column()).isEqualTo("township_code");
                    assertThat(problems.get(0).reason()).contains("no such street or town");
                });
        assertThat(jdbc.sql("select count(*) from registry.community").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    @Order(5)
    void theConsolePageIsServedInChinese() throws Exception {
        String html = get("/");
        assertThat(html).contains("lang=\"zh-CN\"", "各区县参保人员与待遇领取人员", "api/overview/districts");
        assertThat(html).contains("部门数据交换批次", "api/deliveries", "入库率", "齐全率", "记实率", "异常率", "重复率");
    }

    @Test
    @Order(6)
    void theDemoTakesInEveryDepartmentFile_andMeetsTheDefectLedger_SHARE6() throws IOException {
        List<String> summary = feeds.load(city);

        assertThat(summary).noneMatch(line -> line.contains("REFUSED") || line.contains("QUARANTINED"));
        long files = Files.readAllLines(city.resolve("feeds/2026-09/manifest.csv")).size() - 1L;
        assertThat(jdbc.sql("select count(*) from sharing.delivery where status = 'APPLIED'").query(Long.class).single())
                .isEqualTo(files);

        // Every imperfection the simulator injected is where the ledger says it must end up.
        List<String> ledger = Files.readAllLines(city.resolve("truth/2026-09/defects.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(ledger.get(0).split(","));
        int missed = 0;
        int checked = 0;
        StringBuilder misses = new StringBuilder();
        for (String line : ledger.subList(1, ledger.size())) {
            List<String> cells = splitCsv(line);
            String file = cells.get(header.indexOf("file")).substring("feeds/".length());
            long row = Long.parseLong(cells.get(header.indexOf("row")));
            String expected = cells.get(header.indexOf("expected"));
            String sql = switch (expected) {
                case "REJECT" -> """
                        select count(*) from sharing.reject r join sharing.delivery d on d.id = r.delivery_id
                         where d.file_name = ? and r.row_no = ? and (r.row_rejected or r.reason_code = 'DUPLICATE_ROW')""";
                case "REVIEW" -> """
                        select (select count(*) from sharing.review_item r join sharing.delivery d on d.id = r.delivery_id
                                 where d.file_name = ? and r.row_no = ?)
                             + (select count(*) from sharing.reject r join sharing.delivery d on d.id = r.delivery_id
                                 where d.file_name = ? and r.row_no = ? and r.reason_code = 'DUPLICATE_ROW')""";
                case "DUPLICATE" -> """
                        select count(*) from sharing.reject r join sharing.delivery d on d.id = r.delivery_id
                         where d.file_name = ? and r.row_no = ? and r.reason_code = 'DUPLICATE_ROW'""";
                default -> null;
            };
            if (sql == null) {
                continue;
            }
            checked++;
            Object[] args = expected.equals("REVIEW") ? new Object[] {file, row, file, row} : new Object[] {file, row};
            if (jdbc.sql(sql).params(args).query(Long.class).single() == 0) {
                missed++;
                if (misses.length() < 2000) {
                    misses.append(line).append('\n');
                }
            }
        }
        assertThat(checked).as("the ledger has lines to check").isPositive();
        assertThat(missed).as("ledger lines not met:\n" + misses).isZero();

        // And nothing the simulator wrote cleanly was refused: every refused row is in the ledger.
        List<Map<String, Object>> refused = jdbc.sql("""
                select d.file_name, r.row_no from sharing.reject r join sharing.delivery d on d.id = r.delivery_id
                 where r.row_rejected""").query().listOfRows();
        java.util.Set<String> ledgerRows = new java.util.HashSet<>();
        for (String line : ledger.subList(1, ledger.size())) {
            List<String> cells = splitCsv(line);
            ledgerRows.add(cells.get(header.indexOf("file")).substring("feeds/".length()) + "#"
                    + cells.get(header.indexOf("row")));
        }
        assertThat(refused).allSatisfy(r -> assertThat(ledgerRows).contains(r.get("file_name") + "#" + r.get("row_no")));
    }

    @Test
    @Order(7)
    void takingTheSameFilesInAgainChangesNothing_SHARE6() {
        long deliveries = jdbc.sql("select count(*) from sharing.delivery").query(Long.class).single();
        long facts = jdbc.sql("select count(*) from sharing.fact").query(Long.class).single();
        long signs = jdbc.sql("select count(*) from sharing.life_sign").query(Long.class).single();

        List<String> summary = feeds.load(city);

        assertThat(summary.get(0)).contains("ALREADY_APPLIED").doesNotContainPattern("[{ ]APPLIED=");
        assertThat(jdbc.sql("select count(*) from sharing.delivery").query(Long.class).single()).isEqualTo(deliveries);
        assertThat(jdbc.sql("select count(*) from sharing.fact").query(Long.class).single()).isEqualTo(facts);
        assertThat(jdbc.sql("select count(*) from sharing.life_sign").query(Long.class).single()).isEqualTo(signs);
    }

    private static String person(String first17, String name) {
        String id = first17 + org.vigil.identity.ResidentId.checkDigit(first17);
        return id + "," + name + ",M," + id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14)
                + ",220202001001,吉林市昌邑区测试街1号,13800000000";
    }

    private String get(String path) throws IOException, InterruptedException {
        if (path.startsWith("/api/")) {
            if (session == null) {
                session = HttpStaffSession.cityOfficer(context, port);
            }
            HttpResponse<String> response = session.get(path);
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Long> countByDistrict(Path csv, String column) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        int index = header.indexOf(column);
        return lines.stream().skip(1)
                .map(l -> splitCsv(l).get(index).substring(0, 6))
                .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting()));
    }

    /** Enough CSV for the agency files: quoted fields may hold commas. */
    private static List<String> splitCsv(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                }
                else {
                    quoted = !quoted;
                }
            }
            else if (c == ',' && !quoted) {
                fields.add(sb.toString());
                sb.setLength(0);
            }
            else {
                sb.append(c);
            }
        }
        fields.add(sb.toString());
        return fields;
    }
}
