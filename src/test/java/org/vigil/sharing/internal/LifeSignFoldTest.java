package org.vigil.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;

/**
 * The life-sign fold (one sign per person and month: the latest day, of equal days the first row),
 * its key-ordered visit for COPY, the in-place sort it rests on, and finding exact repeats across
 * reading threads from each thread's sorted hashes.
 */
class LifeSignFoldTest {

    static final String A = valid("22020219500101001");
    static final String B = valid("22020219500101002");
    static final String C = valid("11010119491231001");

    @Test
    void theLatestDayOfTheMonthStands_andOfEqualDaysTheFirstRow() {
        LifeSignTable table = new LifeSignTable();
        add(table, A, LocalDate.of(2026, 3, 5), 10);
        add(table, A, LocalDate.of(2026, 3, 20), 30);
        add(table, A, LocalDate.of(2026, 3, 20), 12);
        add(table, A, LocalDate.of(2026, 3, 7), 2);
        add(table, A, LocalDate.of(2026, 2, 27), 40);
        add(table, B, LocalDate.of(2026, 3, 1), 5);

        assertThat(signs(table)).containsExactlyInAnyOrder(
                A + " 2026-03 2026-03-20 12", A + " 2026-02 2026-02-27 40", B + " 2026-03 2026-03-01 5");
    }

    @Test
    void twoThreadsTablesFoldAsOne() {
        LifeSignTable first = new LifeSignTable();
        LifeSignTable second = new LifeSignTable();
        add(first, A, LocalDate.of(2026, 3, 20), 30);
        add(second, A, LocalDate.of(2026, 3, 20), 4);
        add(second, B, LocalDate.of(2026, 3, 2), 8);
        add(first, B, LocalDate.of(2026, 3, 9), 9);

        assertThat(signs(new LifeSigns(List.of(first, second)))).containsExactly(A + " 2026-03 2026-03-20 4",
                B + " 2026-03 2026-03-09 9");
    }

    @Test
    void signsAreVisitedInTheOrderOfTheTablesKey() {
        LifeSignTable table = new LifeSignTable();
        Random random = new Random(7);
        List<String> expected = new ArrayList<>();
        Map<String, String> latest = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            String id = id(random.nextInt(20_000));
            LocalDate date = LocalDate.of(2026, 1 + random.nextInt(3), 1 + random.nextInt(28));
            add(table, id, date, i);
            // ISO dates compare as text; rows only grow, so an equal day keeps the earlier row
            latest.merge(id + " " + date.toString().substring(0, 7), date + " " + i,
                    (old, now) -> now.substring(0, 10).compareTo(old.substring(0, 10)) > 0 ? now : old);
        }
        latest.forEach((key, value) -> expected.add(key + " " + value));
        expected.sort(Comparator.naturalOrder());

        List<String> sorted = signs(new LifeSigns(List.of(table)));

        // IDs of digits and a final X sort as PostgreSQL's char(18) key does; months as dates
        assertThat(sorted).containsExactlyElementsOf(expected);
    }

    @Test
    void pairSortOrdersByKeyThenByTheShiftedValue() {
        qt().withExamples(200).forAll(lists().of(integers().between(-5, 5)).ofSizeBetween(0, 200), integers().between(0, 1000))
                .checkAssert((keys, seed) -> {
                    Random random = new Random(seed);
                    int n = keys.size();
                    long[] k = new long[n];
                    long[] v = new long[n];
                    List<long[]> reference = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        // small keys with many ties, and keys over the whole range of longs
                        k[i] = i % 2 == 0 ? keys.get(i) * 1_000_003L : keys.get(i) * 0x9E3779B97F4A7C15L;
                        v[i] = (long) random.nextInt(50) << 4 | random.nextInt(16);
                        reference.add(new long[] {k[i], v[i]});
                    }
                    long[] uk = k.clone();
                    long[] uv = v.clone();
                    PairSort.sort(k, v, 0, n, 4);
                    PairSort.sortUniform(uk, uv, n, 4);
                    reference.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1] >>> 4));
                    for (int i = 0; i < n; i++) {
                        assertThat(k[i]).isEqualTo(reference.get(i)[0]);
                        assertThat(v[i] >>> 4).isEqualTo(reference.get(i)[1] >>> 4);
                        assertThat(uk[i]).isEqualTo(reference.get(i)[0]);
                        assertThat(uv[i] >>> 4).isEqualTo(reference.get(i)[1] >>> 4);
                    }
                    // every pair stays a pair
                    List<String> pairs = reference.stream().map(e -> e[0] + ":" + e[1]).toList();
                    assertThat(pairs(k, v)).containsExactlyInAnyOrderElementsOf(pairs);
                    assertThat(pairs(uk, uv)).containsExactlyInAnyOrderElementsOf(pairs);
                });
    }

    @Test
    void repeatsAreFoundWithinAndAcrossThreads_andTheFirstRowStands() {
        PersonLookup registry = new PersonLookup() {
            @Override
            public boolean contains(ResidentId id) {
                return !id.value().equals(B);
            }

            @Override
            public List<Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode,
                    int limit) {
                return List.of();
            }
        };
        SinkResult first = new SinkResult(null, registry);
        SinkResult second = new SinkResult(null, registry);
        // rows 2..4 on the first thread, 5..7 on the second, 8 on the first again
        first.lifeSign(2, 100, null, id(A), LocalDate.of(2026, 3, 1));
        first.lifeSign(3, 200, null, id(B), LocalDate.of(2026, 3, 2));
        first.rejected(4, 300, List.of(new RejectLine(4, "证件号码", "x", "CHECK_DIGIT", "bad", true)));
        second.lifeSign(5, 100, null, id(A), LocalDate.of(2026, 3, 1));
        second.rejected(6, 300, List.of(new RejectLine(6, "证件号码", "x", "CHECK_DIGIT", "bad", true)));
        second.lifeSign(7, 400, null, id(C), LocalDate.of(2026, 3, 3));
        first.lifeSign(8, 100, null, id(A), LocalDate.of(2026, 3, 1));
        first.finish();
        second.finish();

        DeliveryResult result = new DeliveryResult(List.of(first, second));

        assertThat(result.rowsRead).isEqualTo(7);
        assertThat(result.duplicates).isEqualTo(3);
        assertThat(result.accepted).isEqualTo(3);
        assertThat(result.rejected).isEqualTo(1);
        assertThat(result.linked).as("rows 2 and 7; B is nobody, 5 and 8 are repeats").isEqualTo(2);
        assertThat(result.duplicateOf).containsExactlyInAnyOrderEntriesOf(Map.of(5L, 2L, 8L, 2L, 6L, 4L));
        assertThat(result.rejects).extracting(RejectLine::row).containsExactly(4L, 5L, 6L, 8L);
        assertThat(result.rejects.get(2).reasonCode()).isEqualTo(DeliveryResult.DUPLICATE);
        assertThat(signs(result.lifeSigns)).containsExactly(C + " 2026-03 2026-03-03 7", A + " 2026-03 2026-03-01 2",
                B + " 2026-03 2026-03-02 3");
    }

    @Test
    void signsHeldBackInBlocksAreAllFoldedAndLinked() {
        Random random = new Random(11);
        java.util.Set<String> registered = new java.util.HashSet<>();
        PersonLookup registry = new PersonLookup() {
            @Override
            public boolean contains(ResidentId id) {
                return registered.contains(id.value());
            }

            @Override
            public List<Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode,
                    int limit) {
                return List.of();
            }
        };
        for (int n = 0; n < 100; n += 3) {
            registered.add(valid("22020219500101" + String.format("%03d", n)));
        }
        SinkResult sink = new SinkResult(null, registry);
        LifeSignTable expected = new LifeSignTable();
        long linked = 0;
        int rows = SinkResult.BLOCK * 5 + 17;
        for (int row = 1; row <= rows; row++) {
            String idNumber = valid("22020219500101" + String.format("%03d", random.nextInt(100)));
            linked += registered.contains(idNumber) ? 1 : 0;
            LocalDate date = LocalDate.of(2026, 3, 1 + random.nextInt(28));
            sink.lifeSign(row, row, null, id(idNumber), date);
            add(expected, idNumber, date, row);
        }
        // five full blocks are settled as they fill up, the last partial one here
        sink.finish();

        assertThat(sink.count).isEqualTo(rows);
        assertThat(sink.outcomes[RowOutcome.ACCEPTED.ordinal()]).isEqualTo(rows);
        assertThat(sink.linked).isEqualTo(linked);
        assertThat(signs(new LifeSigns(List.of(sink.lifeSigns)))).containsExactlyElementsOf(signs(new LifeSigns(List.of(expected))));
    }

    private static void add(LifeSignTable table, String id, LocalDate date, long row) {
        table.add(LifeSignTable.pack(id), date.getYear() * 12 + date.getMonthValue() - 1, date, row);
    }

    private static List<String> signs(LifeSignTable table) {
        List<String> out = new ArrayList<>();
        table.forEach(collector(out));
        return out;
    }

    private static List<String> signs(LifeSigns signs) {
        List<String> out = new ArrayList<>();
        signs.forEachSorted(collector(out));
        return out;
    }

    private static LifeSignTable.Visitor collector(List<String> out) {
        return (id, month, date, row) -> out.add(id + " " + String.format("%04d-%02d", month / 12, month % 12 + 1) + " "
                + date + " " + row);
    }

    private static String valid(String first17) {
        return first17 + ResidentId.checkDigit(first17);
    }

    private static ResidentId id(String idNumber) {
        return ResidentId.parse(idNumber, LocalDate.of(2026, 4, 5)).orElseThrow();
    }

    /** A valid-looking 18-character ID for a number: the check character cycles through 0–9 and X. */
    private static String id(int n) {
        String first = "2202021950" + String.format("%07d", n);
        int check = n % 11;
        return first + (check == 10 ? "X" : Integer.toString(check));
    }

    private static List<String> pairs(long[] k, long[] v) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k.length; i++) {
            out.add(k[i] + ":" + v[i]);
        }
        return out;
    }
}
