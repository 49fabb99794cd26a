package org.vigil.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.vigil.VigilIntegrationTest;
import org.vigil.identity.Gender;
import org.vigil.identity.PersonName;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vigil.registry.MatchReason.EXACT_NAME;
import static org.vigil.registry.MatchReason.NEAR_BIRTH_DATE;
import static org.vigil.registry.MatchReason.SAME_BIRTH_DATE;
import static org.vigil.registry.MatchReason.SAME_CITY;
import static org.vigil.registry.MatchReason.SAME_COMMUNITY;
import static org.vigil.registry.MatchReason.SAME_DISTRICT;
import static org.vigil.registry.MatchReason.SAME_NAME_SOUND;
import static org.vigil.registry.MatchReason.SAME_STREET;

/**
 * The person index on a real registry in PostgreSQL: persons are loaded through the registry's
 * own baseline load, then read back by {@link PersonDirectory#snapshot()} (SHARE-6 linking, REG-1).
 *
 * <p>The class has a database of its own (the property below makes its Spring context distinct
 * from the other integration tests'), because it needs to see the registry empty first.
 */
@VigilIntegrationTest
@TestPropertySource(properties = "vigil.test.database=person-index")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonIndexTest {

    static final LocalDate SPRING_1950 = LocalDate.of(1950, 3, 2);

    // The registry: three people called 张晓明 born the same day (two men in different districts, a
    // woman), a 张小明 born another year, women called 王秀英 on and near that day, a man born the
    // day after, and a name stored in traditional characters.
    static final Row ZHANG_XIAOMING = new Row("220202001001", SPRING_1950, 1, "张晓明");
    static final Row ZHANG_XIAOMING_F = new Row("220202001001", SPRING_1950, 2, "张晓明");
    static final Row WANG_XIUYING = new Row("220202001001", SPRING_1950, 4, "王秀英");
    static final Row ZHANG_XIAOMING_CHUANYING = new Row("220204002003", SPRING_1950, 1, "张晓明");
    static final Row HOMOPHONE_1961 = new Row("220202001002", LocalDate.of(1961, 7, 15), 3, "张小明");
    static final Row LI_JIANGUO = new Row("220203001001", LocalDate.of(1950, 3, 3), 1, "李建国");
    static final Row WANG_XIUYING_LATER = new Row("220211001001", LocalDate.of(1950, 3, 4), 2, "王秀英");
    static final Row LIU_DEHUA = new Row("220211001002", LocalDate.of(1955, 9, 27), 5, "劉德華");
    static final Row ZHAO_LI = withCheckX("220283001001", LocalDate.of(1980, 1, 15), "赵丽");
    static final List<Row> REGISTRY = List.of(ZHANG_XIAOMING, ZHANG_XIAOMING_F, WANG_XIUYING,
            ZHANG_XIAOMING_CHUANYING, HOMOPHONE_1961, LI_JIANGUO, WANG_XIUYING_LATER, LIU_DEHUA, ZHAO_LI);

    private final PersonDirectory directory;
    private final RegistryBaseline baseline;
    private final JdbcClient jdbc;
    private final Clock clock;

    private PersonIndex empty;
    private PersonIndex index;
    private Instant before;
    private Instant after;
    private Path folder;

    @Autowired
    PersonIndexTest(PersonDirectory directory, RegistryBaseline baseline, JdbcClient jdbc, Clock clock) {
        this.directory = directory;
        this.baseline = baseline;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeAll
    void loadTheRegistry(@TempDir Path tmp) throws IOException {
        folder = tmp;
        assertThat(jdbc.sql("select count(*) from registry.person").query(Long.class).single()).isZero();
        empty = directory.snapshot();
        baseline.loadPersons(write("persons.csv", REGISTRY));
        before = clock.instant();
        index = directory.snapshot();
        after = clock.instant();
    }

    @Test
    void share6_linkIsExactOnTheNormalisedId() {
        int i = index.indexOf(ZHANG_XIAOMING_CHUANYING.id());
        assertThat(i).isNotNegative();
        assertThat(index.idNumber(i)).isEqualTo(ZHANG_XIAOMING_CHUANYING.idNumber());
        assertThat(index.name(i)).isEqualTo("张晓明");
        assertThat(index.gender(i)).isEqualTo(Gender.MALE);
        assertThat(index.birthDate(i)).isEqualTo(SPRING_1950);
        assertThat(index.regionCode(i)).isEqualTo(RegionCode.parse("220204002003").orElseThrow());
        assertThat(index.find(ZHANG_XIAOMING_CHUANYING.id())).hasValueSatisfying(p -> {
            assertThat(p.index()).isEqualTo(i);
            assertThat(p.idNumber()).isEqualTo(ZHANG_XIAOMING_CHUANYING.idNumber());
            assertThat(p.region().value()).isEqualTo("220204002003");
        });
        // Same name, birthday and sex in another district: a different ID, a different person.
        assertThat(index.indexOf(ZHANG_XIAOMING.id())).isNotNegative().isNotEqualTo(i);
    }

    @Test
    void share6_theOld15DigitFormAndALowerCaseXFindThePersonOnceParsed() {
        String id18 = ZHANG_XIAOMING.idNumber();
        String id15 = id18.substring(0, 6) + id18.substring(8, 17);
        ResidentId legacy = ResidentId.parse(id15, LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(index.indexOf(legacy)).isEqualTo(index.indexOf(ZHANG_XIAOMING.id())).isNotNegative();

        assertThat(ZHAO_LI.idNumber()).endsWith("X");
        String lower = ZHAO_LI.idNumber().replace('X', 'x');
        ResidentId fromLower = ResidentId.parse(lower, LocalDate.of(2026, 1, 1)).orElseThrow();
        assertThat(index.find(fromLower)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("赵丽"));
    }

    @Test
    void share6_anIdNotInTheRegistryLinksToNobody() {
        // Valid and one sequence number away from a registered person: still nobody.
        ResidentId absent = new Row("220202001001", SPRING_1950, 3, "张晓明").id();
        assertThat(index.indexOf(absent)).isEqualTo(-1);
        assertThat(index.find(absent)).isEmpty();
    }

    @Test
    void share6_aBlockOfIdsLinksAsEachIdAloneWould() {
        ResidentId absent = new Row("220202001001", SPRING_1950, 3, "张晓明").id();
        ResidentId[] block = new ResidentId[200];
        for (int i = 0; i < block.length; i++) {
            // every person, IDs nobody holds, and rows without a usable ID, across several batches
            block[i] = i % 5 == 4 ? null : i % 5 == 3 ? absent : REGISTRY.get(i % REGISTRY.size()).id();
        }
        int[] out = new int[block.length];
        index.indexOfAll(block, out);
        for (int i = 0; i < block.length; i++) {
            assertThat(out[i]).as("ID %d", i).isEqualTo(block[i] == null ? -1 : index.indexOf(block[i]));
        }
        assertThat(out).contains(-1);
        assertThat(java.util.Arrays.stream(out).filter(o -> o >= 0).distinct().count()).isEqualTo(REGISTRY.size());
        assertThatThrownBy(() -> index.indexOfAll(block, new int[block.length - 1]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyPersonIsFoundByTheirOwnIdAndReadsBackAsStored() {
        assertThat(index.size()).isEqualTo(REGISTRY.size());
        List<String> loaded = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            ResidentId id = ResidentId.parse(index.idNumber(i), LocalDate.of(2026, 1, 1)).orElseThrow();
            assertThat(index.indexOf(id)).isEqualTo(i);
            loaded.add(index.idNumber(i) + " " + index.name(i) + " " + index.birthDate(i) + " "
                    + index.gender(i) + " " + index.regionCode(i).value());
        }
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(REGISTRY.stream()
                .map(r -> r.idNumber() + " " + PersonName.parse(r.name()).orElseThrow().value() + " " + r.birth()
                        + " " + r.gender() + " " + r.region())
                .toList());
        assertThat(index.takenAt()).isBetween(before, after);
    }

    @Test
    void share6_rowWithoutIdIsNeverSilentlyMatched() {
        // Everything a row can say without an ID, and all of it fits one person exactly: the answer
        // is still a ranked list, and it carries the other 张晓明 born that day for the reviewer.
        CandidateQuery perfect = CandidateQuery.of(name("张晓明"), SPRING_1950, Gender.MALE, region("220202001001"));
        List<Candidate> list = index.candidates(perfect, 10);

        assertThat(ids(list)).startsWith(ZHANG_XIAOMING.idNumber(), ZHANG_XIAOMING_CHUANYING.idNumber());
        assertThat(list.get(0).reasons()).containsExactly(EXACT_NAME, SAME_BIRTH_DATE, SAME_COMMUNITY);
        assertThat(list.get(1).reasons()).containsExactly(EXACT_NAME, SAME_BIRTH_DATE, SAME_CITY);

        // A query only one person resembles still gets a candidate with its reasons, not a link.
        List<Candidate> single = index.candidates(CandidateQuery.named(name("刘德华")), 10);
        assertThat(single).hasSize(1);
        assertThat(single.get(0).reasons()).containsExactly(EXACT_NAME);
        assertThat(single.get(0).score()).isEqualTo(EXACT_NAME.points());
    }

    @Test
    void share6_aHomophoneNameWithTheBirthDateRanksAboveTheExactNameAlone() {
        List<Candidate> list = index.candidates(CandidateQuery.named(name("张小明")).withBirthDate(SPRING_1950), 10);

        // 张晓明 ×3 (same sound, same day), then 张小明 (same name, other year), then 王秀英 (same day).
        // Nobody else: 李建国 and the later 王秀英 were born near the day but their names differ.
        assertThat(ids(list)).containsExactly(ZHANG_XIAOMING.idNumber(), ZHANG_XIAOMING_F.idNumber(),
                ZHANG_XIAOMING_CHUANYING.idNumber(), HOMOPHONE_1961.idNumber(), WANG_XIUYING.idNumber());
        assertThat(list.get(0).reasons()).containsExactly(SAME_NAME_SOUND, SAME_BIRTH_DATE);
        assertThat(list.get(0).score()).isEqualTo(SAME_NAME_SOUND.points() + SAME_BIRTH_DATE.points());
        assertThat(list.get(3).reasons()).containsExactly(EXACT_NAME);
        assertThat(list.get(4).reasons()).containsExactly(SAME_BIRTH_DATE);
    }

    @Test
    void aNameInPinyinLettersFindsTheChineseNamesThatSoundLikeIt() {
        List<Candidate> list = index.candidates(CandidateQuery.named("Zhang Xiaoming").orElseThrow(), 10);
        assertThat(ids(list)).containsExactlyInAnyOrder(ZHANG_XIAOMING.idNumber(), ZHANG_XIAOMING_F.idNumber(),
                ZHANG_XIAOMING_CHUANYING.idNumber(), HOMOPHONE_1961.idNumber());
        assertThat(list).allSatisfy(c -> assertThat(c.reasons()).containsExactly(SAME_NAME_SOUND));
    }

    @Test
    void traditionalCharactersOnEitherSideAreTheSameName() {
        // Stored as 劉德華, asked for in simplified characters.
        List<Candidate> stored = index.candidates(CandidateQuery.named(name("刘德华")), 10);
        assertThat(ids(stored)).containsExactly(LIU_DEHUA.idNumber());
        assertThat(stored.get(0).person().name()).isEqualTo("刘德华");

        // Stored in simplified characters, asked for as a department wrote it: traditional and padded.
        List<Candidate> asked = index.candidates(
                CandidateQuery.named("張　曉明").orElseThrow().withBirthDate(SPRING_1950).withGender(Gender.MALE), 10);
        assertThat(asked).isNotEmpty();
        assertThat(asked.get(0).reasons()).contains(EXACT_NAME, SAME_BIRTH_DATE);
    }

    @Test
    void textThatIsNoNameIsARejectionNotAQuery() {
        assertThat(CandidateQuery.named("12345").isValid()).isFalse();
        assertThatThrownBy(() -> CandidateQuery.of(null, null, Gender.MALE, region("220202")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRegionAtAnyLevelLiftsThePersonsWhoLiveThere() {
        CandidateQuery base = CandidateQuery.named(name("张晓明")).withBirthDate(SPRING_1950);

        List<Candidate> district = index.candidates(base.withRegion(region("220204")), 10);
        assertThat(district.get(0).person().idNumber()).isEqualTo(ZHANG_XIAOMING_CHUANYING.idNumber());
        assertThat(district.get(0).reasons()).contains(SAME_DISTRICT);

        List<Candidate> street = index.candidates(base.withRegion(region("220202001")), 10);
        assertThat(ids(street.subList(0, 2))).containsExactly(ZHANG_XIAOMING.idNumber(), ZHANG_XIAOMING_F.idNumber());
        assertThat(street.get(0).reasons()).contains(SAME_STREET);
        assertThat(street.get(2).person().idNumber()).isEqualTo(ZHANG_XIAOMING_CHUANYING.idNumber());
        assertThat(street.get(2).reasons()).contains(SAME_CITY).doesNotContain(SAME_STREET, SAME_DISTRICT);

        // The region ranks; it does not hide: people move, department addresses lag behind.
        assertThat(ids(street)).containsExactlyInAnyOrderElementsOf(ids(index.candidates(base, 10)));
    }

    @Test
    void aGivenSexExcludesTheOtherSex() {
        List<Candidate> women = index.candidates(
                CandidateQuery.named(name("张晓明")).withBirthDate(SPRING_1950).withGender(Gender.FEMALE), 10);
        assertThat(ids(women)).containsExactly(ZHANG_XIAOMING_F.idNumber(), WANG_XIUYING.idNumber());
    }

    @Test
    void aBirthDateAloneListsThoseBornWithinAFewDaysSameDayFirst() {
        List<Candidate> list = index.candidates(CandidateQuery.bornOn(SPRING_1950), 10);
        assertThat(ids(list)).containsExactly(ZHANG_XIAOMING.idNumber(), ZHANG_XIAOMING_F.idNumber(),
                WANG_XIUYING.idNumber(), ZHANG_XIAOMING_CHUANYING.idNumber(), LI_JIANGUO.idNumber(),
                WANG_XIUYING_LATER.idNumber());
        assertThat(list.get(4).reasons()).containsExactly(NEAR_BIRTH_DATE);
        // Within three days of 1950-03-07 is only the later 王秀英 (03-04); 03-03 is four days off.
        assertThat(ids(index.candidates(CandidateQuery.bornOn(LocalDate.of(1950, 3, 7)), 10)))
                .containsExactly(WANG_XIUYING_LATER.idNumber());
    }

    @Test
    void theLimitCutsTheListAfterRanking() {
        CandidateQuery query = CandidateQuery.named(name("张晓明")).withBirthDate(SPRING_1950)
                .withRegion(region("220204002003"));
        List<Candidate> all = index.candidates(query, 100);
        List<Candidate> two = index.candidates(query, 2);
        assertThat(all.size()).isGreaterThan(2);
        assertThat(two).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(two.get(0).person().idNumber()).isEqualTo(ZHANG_XIAOMING_CHUANYING.idNumber());
        assertThatThrownBy(() -> index.candidates(query, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void candidatesComeBestFirstAndTiesInIdOrder() {
        List<Candidate> list = index.candidates(CandidateQuery.named(name("王秀英")).withBirthDate(SPRING_1950)
                .withRegion(region("220202001001")), 10);
        for (int i = 1; i < list.size(); i++) {
            Candidate previous = list.get(i - 1);
            Candidate current = list.get(i);
            assertThat(previous.score()).isGreaterThanOrEqualTo(current.score());
            if (previous.score() == current.score()) {
                assertThat(previous.person().idNumber()).isLessThan(current.person().idNumber());
            }
            assertThat(current.score()).isEqualTo(current.reasons().stream().mapToInt(MatchReason::points).sum());
        }
        // The exact name, birthday and community first; the same name born two days later next;
        // then the others born that day, the one in the same community ahead of the rest.
        assertThat(ids(list)).containsExactly(WANG_XIUYING.idNumber(), WANG_XIUYING_LATER.idNumber(),
                ZHANG_XIAOMING.idNumber(), ZHANG_XIAOMING_F.idNumber(), ZHANG_XIAOMING_CHUANYING.idNumber());
    }

    @Test
    void anEmptyRegistryFindsNobodyAndProposesNobody() {
        assertThat(empty.size()).isZero();
        assertThat(empty.indexOf(ZHANG_XIAOMING.id())).isEqualTo(-1);
        assertThat(empty.find(ZHANG_XIAOMING.id())).isEmpty();
        assertThat(empty.candidates(CandidateQuery.named(name("张晓明")).withBirthDate(SPRING_1950), 10)).isEmpty();
        assertThat(empty.candidates(CandidateQuery.bornOn(SPRING_1950), 10)).isEmpty();
        assertThatThrownBy(() -> empty.person(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aSnapshotKeepsWhatTheRegistryHeldWhenItWasTaken() throws IOException {
        Row newcomer = new Row("220284001001", LocalDate.of(1990, 6, 1), 7, "孙立新");
        baseline.loadPersons(write("newcomer.csv", List.of(newcomer)));

        assertThat(index.indexOf(newcomer.id())).isEqualTo(-1);
        PersonIndex later = directory.snapshot();
        assertThat(later.size()).isEqualTo(index.size() + 1);
        assertThat(later.find(newcomer.id())).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("孙立新"));
    }

    private Path write(String file, List<Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("id_number,name,gender,birth_date,region_code,address,phone");
        for (Row r : rows) {
            lines.add(r.idNumber() + "," + r.name() + "," + (r.gender() == Gender.MALE ? "M" : "F") + "," + r.birth()
                    + "," + r.region() + ",,");
        }
        Path csv = folder.resolve(file);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        return csv;
    }

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.person().idNumber()).toList();
    }

    private static PersonName name(String text) {
        return PersonName.parse(text).orElseThrow();
    }

    private static RegionCode region(String code) {
        return RegionCode.parse(code).orElseThrow();
    }

    /** A person whose ID has the check character X, which takes a search over sequence numbers. */
    private static Row withCheckX(String region, LocalDate birth, String name) {
        for (int sequence = 2; sequence < 1000; sequence += 2) {
            Row row = new Row(region, birth, sequence, name);
            if (row.idNumber().endsWith("X")) {
                return row;
            }
        }
        throw new IllegalStateException("no sequence gives check character X");
    }

    /**
     * A registry row. The ID is built from the district of residence, the birth date and the
     * sequence number, whose parity gives the sex (GB 11643), with its check character computed.
     */
    record Row(String region, LocalDate birth, int sequence, String name) {

        String idNumber() {
            String first17 = region.substring(0, 6) + birth.toString().replace("-", "")
                    + String.format("%03d", sequence);
            return first17 + ResidentId.checkDigit(first17);
        }

        ResidentId id() {
            return ResidentId.parse(idNumber(), LocalDate.of(2026, 1, 1)).orElseThrow();
        }

        Gender gender() {
            return Gender.ofSequenceDigit(sequence % 10);
        }
    }
}
