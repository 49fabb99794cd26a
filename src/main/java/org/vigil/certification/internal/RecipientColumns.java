package org.vigil.certification.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import org.vigil.certification.BenefitKind;
import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;
import org.vigil.identity.IdKeyTable;
import org.vigil.identity.IdKeys;

/**
 * The recipients of a monthly file run, one column per field in primitive arrays: ten million
 * recipients take about 450 MB here, where as objects they would take several gigabytes. A
 * recipient is its ordinal in the file; {@link #ordinal} finds it from an ID key.
 */
final class RecipientColumns {

    static final String[] REQUIRED = {"id_number", "benefit_kind", "birth_date", "last_certified", "region_code"};
    static final int NO_DATE = Integer.MIN_VALUE;
    /** How many problems a refused file reports before it stops listing them. */
    private static final int MAX_PROBLEMS = 20;

    final int size;
    final long[] key;
    final byte[] benefit;
    final int[] birth;
    final int[] lastCertified;
    final byte[] periodMonths;
    final short[] district;
    /** The benefit words of the file (pension, injury…), in the order first met; {@link #benefit} indexes them. */
    final List<String> benefitWords;
    final List<BenefitKind> benefitKinds;
    /** The six-digit districts, in the order first met; {@link #district} indexes them. */
    final List<String> districts;
    private final IdKeyTable table;

    private RecipientColumns(int size, long[] key, byte[] benefit, int[] birth, int[] lastCertified, byte[] periodMonths,
            short[] district, List<String> benefitWords, List<BenefitKind> benefitKinds, List<String> districts,
            IdKeyTable table) {
        this.size = size;
        this.key = key;
        this.benefit = benefit;
        this.birth = birth;
        this.lastCertified = lastCertified;
        this.periodMonths = periodMonths;
        this.district = district;
        this.benefitWords = benefitWords;
        this.benefitKinds = benefitKinds;
        this.districts = districts;
        this.table = table;
    }

    int ordinal(long idKey) {
        return table.get(idKey);
    }

    IdKeyTable table() {
        return table;
    }

    /** Reads and checks the whole file; any bad row refuses it, naming file, row, column and reason. */
    static RecipientColumns read(Path file, ExecutorService pool, int threads) throws IOException {
        String name = file.getFileName().toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = Header.read(channel, name, REQUIRED);
            List<LineChunks.Chunk> chunks = LineChunks.split(channel, header.length(), threads * 4);
            Dictionaries dictionaries = new Dictionaries();
            List<Future<Part>> futures = new ArrayList<>();
            for (LineChunks.Chunk chunk : chunks) {
                futures.add(pool.submit(() -> readPart(channel, chunk, header, dictionaries, name)));
            }
            List<Part> parts = new ArrayList<>();
            for (Future<Part> f : futures) {
                parts.add(Futures.get(f));
            }
            long[] lines = parts.stream().mapToLong(p -> p.lines).toArray();
            long[] firstLines = LineChunks.firstLines(lines, 2);
            List<FileProblem> problems = new ArrayList<>();
            for (Part p : parts) {
                for (PendingProblem q : p.problems) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(new FileProblem(name, firstLines[p.index] + q.line, q.column, q.value, q.reason));
                    }
                }
            }
            int total = parts.stream().mapToInt(p -> p.n).sum();
            long[] key = new long[total];
            byte[] benefit = new byte[total];
            int[] birth = new int[total];
            int[] last = new int[total];
            byte[] period = new byte[total];
            short[] district = new short[total];
            int at = 0;
            for (Part p : parts) {
                System.arraycopy(p.key, 0, key, at, p.n);
                System.arraycopy(p.benefit, 0, benefit, at, p.n);
                System.arraycopy(p.birth, 0, birth, at, p.n);
                System.arraycopy(p.last, 0, last, at, p.n);
                System.arraycopy(p.period, 0, period, at, p.n);
                System.arraycopy(p.district, 0, district, at, p.n);
                at += p.n;
            }
            IdKeyTable table = new IdKeyTable(Math.max(total, 1));
            for (int i = 0; i < total && problems.size() < MAX_PROBLEMS; i++) {
                if (!table.putIfAbsent(key[i], i)) {
                    problems.add(new FileProblem(name, 0, "id_number", IdKeys.unpack(key[i]),
                            "the same ID number appears twice; a monthly run decides each recipient once"));
                }
            }
            if (!problems.isEmpty()) {
                throw new BadInputException(problems);
            }
            return new RecipientColumns(total, key, benefit, birth, last, period, district,
                    List.copyOf(dictionaries.benefitWords.keySet()), List.copyOf(dictionaries.benefitWords.values()),
                    List.copyOf(dictionaries.districts.keySet()), table);
        }
    }

    private static Part readPart(FileChannel channel, LineChunks.Chunk chunk, Header header, Dictionaries dictionaries,
            String file) {
        Part part = new Part(chunk.index());
        CsvLine line = new CsvLine(header.columns() + 1);
        int id = header.index("id_number");
        int kind = header.index("benefit_kind");
        int birthAt = header.index("birth_date");
        int lastAt = header.index("last_certified");
        int periodAt = header.index("period_months");
        int regionAt = header.index("region_code");
        part.lines = LineChunks.read(channel, chunk, (bytes, from, to, n) -> {
            if (from == to) {
                return;
            }
            if (line.split(bytes, from, to) != header.columns()) {
                part.problem(n, "", "", "expected " + header.columns() + " comma-separated fields without quotes");
                return;
            }
            long key = line.length(id) == 18 ? IdKeys.ofAscii(bytes, line.start(id)) : 0;
            if (key == 0) {
                part.problem(n, "id_number", line.text(id), "not an 18-character ID number with its MOD 11-2 check character");
                return;
            }
            int birth = line.epochDay(birthAt);
            if (birth == Integer.MIN_VALUE || !sameBirthDate(bytes, line, id, birthAt)) {
                part.problem(n, "birth_date", line.text(birthAt), "not a date, or not the birth date the ID number states");
                return;
            }
            int last = line.isEmpty(lastAt) ? NO_DATE : line.epochDay(lastAt);
            if (last == Integer.MIN_VALUE && !line.isEmpty(lastAt)) {
                part.problem(n, "last_certified", line.text(lastAt), "not a date (yyyy-MM-dd)");
                return;
            }
            if (last == NO_DATE) {
                part.problem(n, "last_certified", "", "a recipient needs the date the current period started");
                return;
            }
            int period = periodAt < 0 || line.isEmpty(periodAt) ? 0 : line.number(periodAt);
            if (period < 0 || period > 24) {
                part.problem(n, "period_months", line.text(periodAt), "a period is a whole number of months up to 24 (第十一条)");
                return;
            }
            if (line.length(regionAt) != 12) {
                part.problem(n, "region_code", line.text(regionAt), "a region code has 12 digits");
                return;
            }
            int benefit = part.benefitOf(bytes, line, kind, dictionaries);
            if (benefit < 0) {
                part.problem(n, "benefit_kind", line.text(kind), "not a benefit kind (pension, injury, dependent or "
                        + Arrays.toString(BenefitKind.values()) + ")");
                return;
            }
            int district = part.districtOf(bytes, line.start(regionAt), dictionaries);
            if (district < 0) {
                part.problem(n, "region_code", line.text(regionAt), "a region code has only digits");
                return;
            }
            part.add(key, (byte) benefit, birth, last, (byte) period, (short) district);
        });
        return part;
    }

    private static boolean sameBirthDate(byte[] bytes, CsvLine line, int id, int birth) {
        int i = line.start(id) + 6;
        int b = line.start(birth);
        return bytes[i] == bytes[b] && bytes[i + 1] == bytes[b + 1] && bytes[i + 2] == bytes[b + 2]
                && bytes[i + 3] == bytes[b + 3] && bytes[i + 4] == bytes[b + 5] && bytes[i + 5] == bytes[b + 6]
                && bytes[i + 6] == bytes[b + 8] && bytes[i + 7] == bytes[b + 9];
    }

    /** Words shared by all readers: few, and met early, so one lock costs nothing measurable. */
    private static final class Dictionaries {
        final Map<String, BenefitKind> benefitWords = new LinkedHashMap<>();
        final Map<String, Integer> districts = new LinkedHashMap<>();
        private final Map<String, Integer> benefitIndex = new LinkedHashMap<>();

        synchronized int benefit(String word) {
            Integer known = benefitIndex.get(word);
            if (known != null) {
                return known;
            }
            BenefitKind kind = benefitKindOf(word);
            if (kind == null) {
                return -1;
            }
            int index = benefitIndex.size();
            benefitIndex.put(word, index);
            benefitWords.put(word, kind);
            return index;
        }

        synchronized int district(String code) {
            Integer known = districts.get(code);
            if (known != null) {
                return known;
            }
            if (districts.size() == Short.MAX_VALUE) {
                throw new IllegalStateException("more than " + Short.MAX_VALUE + " districts");
            }
            districts.put(code, districts.size());
            return districts.size() - 1;
        }
    }

    /** The benchmark's words for benefits, or Vigil's own names. */
    static BenefitKind benefitKindOf(String word) {
        switch (word) {
            case "pension":
                return BenefitKind.ENTERPRISE_PENSION;
            case "injury":
                return BenefitKind.WORK_INJURY;
            case "dependent":
                return BenefitKind.DEPENDENT;
            default:
                for (BenefitKind k : BenefitKind.values()) {
                    if (k.name().equals(word)) {
                        return k;
                    }
                }
                return null;
        }
    }

    private record PendingProblem(long line, String column, String value, String reason) {
    }

    /** What one reader found, in file order. */
    private static final class Part {
        final int index;
        final List<PendingProblem> problems = new ArrayList<>();
        long lines;
        int n;
        long[] key = new long[1024];
        byte[] benefit = new byte[1024];
        int[] birth = new int[1024];
        int[] last = new int[1024];
        byte[] period = new byte[1024];
        short[] district = new short[1024];

        /** This reader's own memory of words already looked up, so the shared dictionaries are asked once per word. */
        private final List<byte[]> knownBenefits = new ArrayList<>();
        private final List<Integer> knownBenefitIndex = new ArrayList<>();
        private final Map<Integer, Integer> knownDistricts = new java.util.HashMap<>();

        Part(int index) {
            this.index = index;
        }

        int benefitOf(byte[] bytes, CsvLine line, int field, Dictionaries shared) {
            for (int i = 0; i < knownBenefits.size(); i++) {
                if (line.is(field, knownBenefits.get(i))) {
                    return knownBenefitIndex.get(i);
                }
            }
            int index = shared.benefit(line.text(field));
            if (index >= 0) {
                knownBenefits.add(Arrays.copyOfRange(bytes, line.start(field), line.start(field) + line.length(field)));
                knownBenefitIndex.add(index);
            }
            return index;
        }

        /** The district (first six digits of a region code) starting at {@code at}, or -1 for a non-digit. */
        int districtOf(byte[] bytes, int at, Dictionaries shared) {
            int code = 0;
            for (int i = 0; i < 6; i++) {
                int d = bytes[at + i] - '0';
                if (d < 0 || d > 9) {
                    return -1;
                }
                code = code * 10 + d;
            }
            Integer known = knownDistricts.get(code);
            if (known == null) {
                known = shared.district(new String(bytes, at, 6, StandardCharsets.US_ASCII));
                knownDistricts.put(code, known);
            }
            return known;
        }

        void problem(long line, String column, String value, String reason) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new PendingProblem(line, column, value, reason));
            }
        }

        void add(long k, byte b, int bd, int lc, byte pm, short d) {
            if (n == key.length) {
                int size = n * 2;
                key = Arrays.copyOf(key, size);
                benefit = Arrays.copyOf(benefit, size);
                birth = Arrays.copyOf(birth, size);
                last = Arrays.copyOf(last, size);
                period = Arrays.copyOf(period, size);
                district = Arrays.copyOf(district, size);
            }
            key[n] = k;
            benefit[n] = b;
            birth[n] = bd;
            last[n] = lc;
            period[n] = pm;
            district[n++] = d;
        }
    }
}
