package org.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.identity.Parsed;
import org.vigil.identity.ResidentId;
import org.vigil.identity.ResidentIdReason;

class DepartmentFeedsTest {

    private static final Set<String> ID_COLUMNS = Set.of("公民身份号码", "身份证号", "身份证号码", "身份证件号码", "证件号码",
            "CERT_NO");

    /** The first column of a feed that holds the subject's ID number. */
    private static int idColumn(SmallCity.Table t) {
        for (int i = 0; i < t.header().size(); i++) {
            String h = t.header().get(i);
            if (ID_COLUMNS.contains(h)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyMonthHasEveryClassOfShare3AndTheRegistryFeedsOfReg11_SHARE3_REG11() {
        List<Map<String, String>> files = SmallCity.manifests();
        Set<String> classes = new HashSet<>();
        Set<String> providers = new HashSet<>();
        for (Map<String, String> f : files) {
            classes.add(f.get("share_class"));
            providers.add(f.get("provider"));
        }
        assertThat(classes).contains("SHARE-3/1", "SHARE-3/2", "SHARE-3/3", "SHARE-3/4");
        assertThat(providers).contains("police", "civil_affairs", "veteran_cadres", "hrss", "medical_insurance", "health",
                "court", "prison", "rail", "aviation", "bank", "bus", "telecom", "community", "education", "justice",
                "housing", "tax", "market", "quality", "staffing");
        for (int m = 0; m < SmallCity.MONTHS; m++) {
            String month = SmallCity.START.plusMonths(m).toString();
            assertThat(files.stream().filter(f -> f.get("month").equals(month)).map(f -> f.get("share_class")))
                    .contains("SHARE-3/1", "SHARE-3/2", "SHARE-3/3");
        }
    }

    @Test
    void manifestRowCountsMatchTheFiles_SHARE6() throws IOException {
        for (Map<String, String> f : SmallCity.manifests()) {
            long expected = Long.parseLong(f.get("rows"));
            Path file = SmallCity.feedFile(f);
            assertThat(Files.size(file)).isEqualTo(Long.parseLong(f.get("bytes")));
            if (f.get("format").equals("jsonl")) {
                assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize((int) expected);
                continue;
            }
            assertThat(SmallCity.read(f).rows()).as(file.toString()).hasSize((int) expected);
        }
    }

    @Test
    void gbkFilesDecodeAsGbkAndAreNotUtf8() throws IOException {
        int checked = 0;
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("encoding").equals("GBK")) {
                continue;
            }
            byte[] bytes = Files.readAllBytes(SmallCity.feedFile(f));
            String text = Charset.forName("GBK").newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            assertThat(text).containsPattern("[\u4e00-\u9fa5]");
            boolean utf8 = true;
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                utf8 = false;
            }
            assertThat(utf8).as(f.get("file") + " must not be valid UTF-8").isFalse();
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
    }

    @Test
    void xlsxFilesOpenWithFastexcelReaderAndCarryTheirHeaders() {
        int checked = 0;
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("format").equals("xlsx")) {
                continue;
            }
            SmallCity.Table t = SmallCity.xlsx(SmallCity.feedFile(f));
            assertThat(t.header()).isNotEmpty();
            assertThat(t.header().get(0)).isIn("序号", "案号");
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(SmallCity.MONTHS * 12);
    }

    @Test
    void feedsCarryOldIdsWrongCheckDigitsAndMissingIds_SHARE3() {
        int legacy = 0;
        int badCheck = 0;
        int missing = 0;
        int valid = 0;
        int duplicates = 0;
        for (Map<String, String> f : SmallCity.manifests()) {
            if (f.get("format").equals("jsonl")) {
                continue;
            }
            SmallCity.Table t = SmallCity.read(f);
            int c = idColumn(t);
            if (c < 0) {
                continue;
            }
            Set<List<String>> seen = new HashSet<>();
            for (List<String> row : t.rows()) {
                if (!seen.add(row)) {
                    duplicates++;
                }
                String raw = row.get(c).trim();
                if (raw.isEmpty()) {
                    missing++;
                    continue;
                }
                if (raw.matches("\\d{15}")) {
                    legacy++;
                }
                Parsed<ResidentId> parsed = ResidentId.parse(raw, SmallCity.LAST_DAY);
                if (parsed.isValid()) {
                    valid++;
                } else if (parsed.problem().orElseThrow().reason() == ResidentIdReason.CHECK_DIGIT) {
                    badCheck++;
                }
            }
        }
        assertThat(valid).isGreaterThan(1_000);
        assertThat(legacy).isPositive();
        assertThat(badCheck).isPositive();
        assertThat(missing).isPositive();
        assertThat(duplicates).isPositive();
        assertThat(badCheck + legacy).isLessThan(valid / 10);
    }

    @Test
    void communityReportsHaveRowsWithoutIdsButWithNameAndBirthDate_SHARE3() {
        int withoutId = 0;
        int rows = 0;
        Set<String> kinds = new HashSet<>();
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("provider").equals("community")) {
                continue;
            }
            SmallCity.Table t = SmallCity.read(f);
            assertThat(t.header()).containsExactly("序号", "街道", "社区", "姓名", "性别", "出生日期", "身份证号", "情况类别",
                    "发生日期", "备注");
            for (Map<String, String> r : t.maps()) {
                rows++;
                kinds.add(r.get("情况类别"));
                assertThat(r.get("姓名")).isNotBlank();
                assertThat(r.get("出生日期")).isNotBlank();
                if (r.get("身份证号").isBlank()) {
                    withoutId++;
                }
            }
        }
        assertThat(rows).isPositive();
        assertThat(withoutId).isBetween(rows / 6, rows * 6 / 10);
        assertThat(kinds).contains("走访慰问", "上门服务");
    }

    @Test
    void namesAreSometimesMisspelledAgainstTheTruth_SHARE3() {
        Map<String, String> names = new HashMap<>();
        for (Map<String, String> r : SmallCity.csv(SmallCity.root().resolve("truth/residents.csv")).maps()) {
            names.put(r.get("id_number"), r.get("name"));
        }
        int compared = 0;
        int different = 0;
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("share_class").equals("SHARE-3/3") || f.get("format").equals("jsonl")) {
                continue;
            }
            SmallCity.Table t = SmallCity.read(f);
            int c = idColumn(t);
            if (c < 0) {
                continue;
            }
            int nameColumn = c == 0 ? 1 : 0;
            if (t.header().get(0).equals("卡号")) {
                nameColumn = 1;
            }
            for (List<String> row : t.rows()) {
                String truth = names.get(row.get(c));
                if (truth != null) {
                    compared++;
                    if (!truth.equals(row.get(nameColumn))) {
                        different++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1_000);
        assertThat(different).isPositive().isLessThan(compared / 20);
    }

    @Test
    void highVolumeProvidersSendOnlyMenOver60AndWomenOver50_SHARE4() {
        int rows = 0;
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("requirement").contains("SHARE-4")) {
                continue;
            }
            SmallCity.Table t = SmallCity.read(f);
            int c = idColumn(t);
            for (List<String> row : t.rows()) {
                ResidentId id = ResidentId.parse(row.get(c), SmallCity.LAST_DAY).toOptional().orElse(null);
                if (id == null) {
                    continue;
                }
                LocalDate monthEnd = java.time.YearMonth.parse(f.get("month")).atEndOfMonth();
                int age = id.ageOn(monthEnd);
                assertThat(age).as(row.toString()).isGreaterThanOrEqualTo(id.gender().code().equals("1") ? 59 : 49);
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(1_000);
    }

    @Test
    void medicalSettlementsBecomeMoreFrequentWithAge_SHARE3() {
        Map<String, Integer> ages = new HashMap<>();
        int[] population = new int[3];
        for (Map<String, String> r : SmallCity.csv(SmallCity.root().resolve("truth/residents.csv")).maps()) {
            if (!r.get("death_date").isEmpty()) {
                continue;
            }
            int age = SmallCity.DAY_BEFORE.getYear() - LocalDate.parse(r.get("birth_date")).getYear();
            ages.put(r.get("id_number"), age);
            int band = band(age);
            if (band >= 0) {
                population[band]++;
            }
        }
        int[] users = new int[3];
        Set<String> counted = new HashSet<>();
        for (Map<String, String> f : SmallCity.manifests()) {
            if (!f.get("file").equals("medical_insurance/settlements.csv")) {
                continue;
            }
            for (String id : SmallCity.read(f).values("身份证号")) {
                Integer age = ages.get(id);
                if (age != null && counted.add(id) && band(age) >= 0) {
                    users[band(age)]++;
                }
            }
        }
        double sixties = users[0] / (double) population[0];
        double eighties = users[2] / (double) population[2];
        assertThat(eighties).isGreaterThan(sixties);
    }

    private static int band(int age) {
        return age >= 60 && age < 70 ? 0 : age >= 70 && age < 80 ? 1 : age >= 80 ? 2 : -1;
    }
}
