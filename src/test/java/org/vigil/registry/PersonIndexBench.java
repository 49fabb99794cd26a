package org.vigil.registry;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.vigil.VigilApplication;
import org.vigil.identity.PersonName;
import org.vigil.identity.ResidentId;

/**
 * Measures the person index on a registry of synthetic persons: writes them into a throw-away
 * embedded PostgreSQL through the registry's baseline load (timed), takes snapshots, and prints the snapshot time, the heap the index
 * keeps, {@code indexOf} lookups per second on one thread and the time of a candidate query. Not a
 * test: run it by hand (see docs/performance.md, "Person index").
 *
 * <p>Arguments: {@code [persons] [lookups per round] [data folder]}; defaults 1,000,000,
 * 20,000,000 and a new folder under the system temporary folder, removed at the end.
 *
 * <p>Names are drawn from common north-eastern surnames and given-name characters, so a million
 * persons have a few hundred thousand distinct names and homophones among them, as a real city
 * does; one in a hundred is written in traditional characters, which the index must normalise.
 */
public final class PersonIndexBench {

    private static final String[] DISTRICTS = {"220202", "220203", "220204", "220211", "220221", "220281", "220282",
        "220283", "220284"};
    private static final int STREETS = 15;
    private static final int COMMUNITIES = 25;
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "赵", "杨", "孙", "陈", "于", "徐", "高", "马", "周",
        "吴", "郭", "朱", "董", "韩", "宋", "姜", "田", "胡", "何", "郑", "林", "黄", "谢", "罗", "梁", "尹", "崔", "金",
        "关", "佟", "白", "吕", "冯", "邓", "许", "沈", "曹", "彭", "袁", "蒋", "曲", "隋", "单", "曾", "欧阳", "上官"};
    /** Surnames weighted towards the common ones: the first five about a third of all people. */
    private static final int[] SURNAME_WEIGHTS = {90, 80, 78, 62, 33, 29, 28, 20, 22, 19, 18, 17, 16, 15, 14, 13, 12,
        12, 12, 12, 10, 9, 8, 8, 5, 6, 5, 4, 7, 5, 5, 4, 3, 2, 7, 7, 8, 4, 8, 5, 7, 4, 5, 4, 6, 3, 2, 2, 1, 1};
    private static final String GIVEN = "秀英桂兰淑珍玉建国华志强军伟明丽红梅海燕涛鹏飞浩然宇航文博天俊杰晓东"
            + "小晨阳思雨欣怡子涵佳琪静婷德福凤芝振刚立新春生永胜金山学长江平利霞云峰辉亮敏娟芳洁慧颖";
    private static final String[] TRADITIONAL = {"張", "劉", "陳", "國", "華", "麗", "紅", "軍", "偉", "傑", "曉", "東",
        "鵬", "飛", "濤", "鳳", "剛", "輝"};
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1930, 1, 1);
    private static final int BIRTH_DAYS = (int) (LocalDate.of(2020, 12, 31).toEpochDay() - FIRST_BIRTH.toEpochDay()) + 1;
    private static final int SNAPSHOTS = 3;
    private static final int LOOKUP_ROUNDS = 5;
    private static final int QUERIES = 20_000;
    private static final int BLOCK = 1_000;
    private static final long SEED = 42;
    /** CPU times beside wall times: on a shared machine the wall time also measures the neighbours. */
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PersonIndexBench() {
    }

    public static void main(String[] args) throws Exception {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int lookups = args.length > 1 ? Integer.parseInt(args[1]) : 20_000_000;
        boolean ownFolder = args.length <= 2;
        Path data = ownFolder ? Files.createTempDirectory("vigil-person-index-bench") : Path.of(args[2]);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, %,d persons%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, persons);

        // Command-line arguments outrank application.yml; default properties would not, and the
        // embedded database would land in the demo's var/postgres.
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(VigilApplication.class)
                .web(WebApplicationType.NONE)
                .run("--vigil.db.url=", "--vigil.db.embedded.dir=" + data.resolve("postgres"),
                        "--vigil.db.embedded.clean=true", "--logging.level.root=warn",
                        "--logging.level.org.vigil=warn", "--logging.level.org.vigil.registry.internal=info")) {
            Path csv = data.resolve("persons.csv");
            writePersons(csv, persons);
            // the registry load as the demo runs it: validation, COPY and insert in one transaction
            long cpu0 = OS.getProcessCpuTime();
            long t0 = System.nanoTime();
            LoadReport loaded = context.getBean(RegistryBaseline.class).loadPersons(csv);
            System.out.printf(Locale.ROOT, "registry load of %,d persons (RegistryBaseline.loadPersons): %.2f s "
                    + "(JVM CPU %.2f s, load average %.1f)%n", loaded.added(), (System.nanoTime() - t0) / 1e9,
                    (OS.getProcessCpuTime() - cpu0) / 1e9, OS.getSystemLoadAverage());

            PersonDirectory directory = context.getBean(PersonDirectory.class);
            PersonIndex index = null;
            double[] seconds = new double[SNAPSHOTS];
            long retained = 0;
            for (int run = 0; run < SNAPSHOTS; run++) {
                index = null;
                long before = usedAfterGc(memory);
                long cpu = OS.getProcessCpuTime();
                long start = System.nanoTime();
                index = directory.snapshot();
                seconds[run] = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (OS.getProcessCpuTime() - cpu) / 1e9;
                retained = usedAfterGc(memory) - before;
                System.out.printf(Locale.ROOT, "snapshot %d: %,d persons in %.2f s (JVM CPU %.2f s, load average %.1f),"
                        + " index keeps %.1f MiB of heap%n", run + 1, index.size(), seconds[run], cpuSeconds,
                        OS.getSystemLoadAverage(), retained / 1048576.0);
            }
            Arrays.sort(seconds);
            System.out.printf(Locale.ROOT, "snapshot median %.2f s; heap kept by the last index %.1f MiB%n",
                    seconds[SNAPSHOTS / 2], retained / 1048576.0);

            measureLookups(index, lookups);
            measureCandidates(index);
        }
        if (ownFolder) {
            Files.deleteIfExists(data.resolve("persons.csv"));
            Files.deleteIfExists(data); // the database removed its own folder inside it on close
        }
        System.out.println("done");
    }

    private static void writePersons(Path csv, int persons) throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        int[] surnameCum = new int[SURNAME_WEIGHTS.length];
        int total = 0;
        for (int i = 0; i < SURNAME_WEIGHTS.length; i++) {
            total += SURNAME_WEIGHTS[i];
            surnameCum[i] = total;
        }
        // sequence numbers used per district and birth day, so every ID is distinct
        int[][] used = new int[DISTRICTS.length][BIRTH_DAYS];
        try (java.io.Writer out = Files.newBufferedWriter(csv, java.nio.charset.StandardCharsets.UTF_8)) {
            out.write("id_number,name,gender,birth_date,region_code,address,phone\n");
            {
                StringBuilder sb = new StringBuilder(24);
                for (int p = 0; p < persons; p++) {
                    int district = random.nextInt(DISTRICTS.length);
                    int day = random.nextInt(BIRTH_DAYS);
                    boolean male = random.nextBoolean();
                    int slot = used[district][day]++;
                    int sequence = slot * 2 + (male ? 1 : 2);
                    if (sequence > 999) {
                        throw new IllegalStateException("too many persons for one district and day");
                    }
                    LocalDate birth = FIRST_BIRTH.plusDays(day);
                    sb.setLength(0);
                    sb.append(DISTRICTS[district]).append(birth.getYear());
                    two(sb, birth.getMonthValue());
                    two(sb, birth.getDayOfMonth());
                    sb.append((char) ('0' + sequence / 100)).append((char) ('0' + sequence / 10 % 10))
                            .append((char) ('0' + sequence % 10));
                    sb.append(ResidentId.checkDigit(sb));
                    String id = sb.toString();
                    String region = DISTRICTS[district] + three(1 + random.nextInt(STREETS))
                            + three(1 + random.nextInt(COMMUNITIES));
                    // an address and a mobile number for most, as the city's records have
                    String address = random.nextInt(10) < 9 ? "吉林市" + region.substring(6, 9) + "街道"
                            + (1 + random.nextInt(300)) + "号" : "";
                    String phone = random.nextInt(10) < 8 ? "13" + String.format("%09d", random.nextInt(1_000_000_000)) : "";
                    out.write(id + "," + name(random, surnameCum, total) + "," + (male ? "M" : "F") + "," + birth + ","
                            + region + "," + address + "," + phone + "\n");
                }
            }
        }
    }

    private static String name(SplittableRandom random, int[] surnameCum, int total) {
        int pick = random.nextInt(total);
        int s = 0;
        while (surnameCum[s] <= pick) {
            s++;
        }
        StringBuilder name = new StringBuilder(4);
        boolean traditional = random.nextInt(100) == 0;
        name.append(traditional && SURNAMES[s].equals("张") ? "張" : traditional && SURNAMES[s].equals("刘") ? "劉"
                : SURNAMES[s]);
        int given = random.nextInt(10) < 3 ? 1 : 2;
        for (int g = 0; g < given; g++) {
            if (traditional && random.nextBoolean()) {
                name.append(TRADITIONAL[random.nextInt(TRADITIONAL.length)]);
            } else {
                name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
            }
        }
        return name.toString();
    }

    private static void measureLookups(PersonIndex index, int lookups) {
        SplittableRandom random = new SplittableRandom(SEED + 1);
        int distinct = Math.min(index.size(), 1_000_000);
        ResidentId[] ids = new ResidentId[distinct];
        LocalDate today = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < distinct; i++) {
            ids[i] = ResidentId.parse(index.idNumber(random.nextInt(index.size())), today).orElseThrow();
        }
        // a tenth of the lookups are for IDs the registry does not hold
        for (int i = 0; i < distinct; i += 10) {
            String id = ids[i].value();
            String first17 = "37" + id.substring(2, 17);
            ids[i] = ResidentId.parse(first17 + ResidentId.checkDigit(first17), today).orElseThrow();
        }
        double[] rates = new double[LOOKUP_ROUNDS];
        for (int round = 0; round < LOOKUP_ROUNDS; round++) {
            long found = 0;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            // IDs in file order, as ingestion meets them: each row's ID was just parsed and is
            // in cache, while the persons they name are spread over the whole index.
            for (int i = 0, j = 0; i < lookups; i++) {
                found += index.indexOf(ids[j]) >= 0 ? 1 : 0;
                if (++j == distinct) {
                    j = 0;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            rates[round] = lookups / seconds;
            System.out.printf(Locale.ROOT, "indexOf round %d: %,d lookups in %.2f s, %,.0f per second, %,.0f per CPU"
                    + " second (%,d found, load average %.1f)%n", round + 1, lookups, seconds, rates[round],
                    lookups / cpuSeconds, found, OS.getSystemLoadAverage());
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "indexOf median %,.0f per second on one thread%n", rates[LOOKUP_ROUNDS / 2]);

        // The same IDs in blocks of a thousand, as ingestion reads a file.
        ResidentId[][] blocks = new ResidentId[(distinct + BLOCK - 1) / BLOCK][];
        for (int b = 0; b < blocks.length; b++) {
            blocks[b] = Arrays.copyOfRange(ids, b * BLOCK, Math.min(distinct, (b + 1) * BLOCK));
        }
        int[] out = new int[BLOCK];
        for (int round = 0; round < LOOKUP_ROUNDS; round++) {
            long found = 0;
            long cpu = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            long done = 0;
            for (int b = 0; done < lookups; b = b + 1 == blocks.length ? 0 : b + 1) {
                index.indexOfAll(blocks[b], out);
                for (int i = 0; i < blocks[b].length; i++) {
                    found += out[i] >= 0 ? 1 : 0;
                }
                done += blocks[b].length;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
            rates[round] = done / seconds;
            System.out.printf(Locale.ROOT, "indexOfAll round %d: %,d lookups in blocks of %,d in %.2f s, %,.0f per second,"
                    + " %,.0f per CPU second (%,d found, load average %.1f)%n", round + 1, done, BLOCK, seconds,
                    rates[round], done / cpuSeconds, found, OS.getSystemLoadAverage());
        }
        Arrays.sort(rates);
        System.out.printf(Locale.ROOT, "indexOfAll median %,.0f per second on one thread%n", rates[LOOKUP_ROUNDS / 2]);
    }

    private static void measureCandidates(PersonIndex index) {
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int kind = 0; kind < 2; kind++) {
            long listed = 0;
            long start = System.nanoTime();
            for (int q = 0; q < QUERIES; q++) {
                int i = random.nextInt(index.size());
                CandidateQuery query = kind == 0
                        ? CandidateQuery.named(PersonName.parse(index.name(i)).orElseThrow())
                                .withBirthDate(index.birthDate(i)).withGender(index.gender(i))
                        : CandidateQuery.bornOn(index.birthDate(i));
                listed += index.candidates(query, 10).size();
            }
            double micros = (System.nanoTime() - start) / 1e3 / QUERIES;
            System.out.printf(Locale.ROOT, "candidates by %s: %,d queries, %.1f µs per query, %.1f listed on average%n",
                    kind == 0 ? "name + birth date + sex" : "birth date alone (±3 days)", QUERIES, micros,
                    (double) listed / QUERIES);
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void two(StringBuilder sb, int value) {
        sb.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String three(int value) {
        return String.format("%03d", value);
    }
}
