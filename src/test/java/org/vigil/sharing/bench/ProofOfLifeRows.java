package org.vigil.sharing.bench;

import java.time.YearMonth;
import java.util.SplittableRandom;

import org.vigil.identity.ResidentId;

/**
 * Draws the rows of a month of a telecom operator's proof-of-life export (catalogue feed
 * {@code life.telecom}, 实名制用户通信记录) from a city's persons, one at a time and without an object
 * per row.
 *
 * <p>Who appears: persons with a phone in the registry are subscribers; nine in ten of them were
 * active in the month, and a fifth of those (heavy users) draw half of all rows, so about three
 * quarters of the registry appear at all and, at ten rows per resident, an active subscriber has some
 * seven rows and a heavy user some forty. Each row is a
 * last-activity time spread over the month's days, mostly in daytime hours. The defects of a real
 * export, in small shares: 1 % of rows name a person outside the registry (a valid ID from another
 * province), 0.05 % carry an ID with a wrong check character, 0.1 % are exported twice.
 */
final class ProofOfLifeRows {

    static final String[] HEADER = {"机主姓名", "证件号码", "手机号码", "最近通话时间"};
    static final int OUTSIDERS_PER_100K = 1_000;
    static final int BAD_CHECK_PER_100K = 50;
    static final int REPEATS_PER_100K = 100;
    /** Relative activity by hour of day. */
    private static final int[] HOUR_WEIGHTS = {1, 1, 1, 1, 1, 2, 4, 6, 8, 9, 9, 9, 8, 7, 7, 8, 8, 9, 10, 10, 9, 7, 4, 2};
    /** Division codes outside the model city, for persons the registry does not know. */
    private static final String[] ELSEWHERE = {"110105", "120104", "210102", "230103", "310115", "370202", "410105",
        "440305", "510104", "130102"};
    private static final int OUTSIDER_PHONE_PREFIXES = 7;

    private final CityPersons persons;
    private final SplittableRandom random;
    private final int days;
    private final int[] active;
    private final int[] heavy;
    private final int[] hourCumulative = new int[24];
    private final long[] outsiderFirst17;
    private final char[] outsiderCheck;
    private final long[] outsiderPhone;
    private final int[] outsiderName;

    // the current row
    private int nameOf;
    private long first17;
    private char checkChar;
    private long phone;
    private int day;
    private int hour;
    private int minute;
    private int second;
    private boolean repeat;

    ProofOfLifeRows(CityPersons persons, YearMonth month, long seed) {
        this.persons = persons;
        this.random = new SplittableRandom(seed);
        this.days = month.lengthOfMonth();
        int total = 0;
        for (int h = 0; h < 24; h++) {
            total += HOUR_WEIGHTS[h];
            hourCumulative[h] = total;
        }
        int[] act = new int[persons.size()];
        int[] hv = new int[persons.size()];
        int a = 0;
        int h = 0;
        for (int p = 0; p < persons.size(); p++) {
            long mixed = mix(p ^ seed);
            if (persons.phone(p) != 0 && Math.floorMod(mixed, 10) != 0) {
                act[a++] = p;
                if (Math.floorMod(mixed >>> 20, 5) == 0) {
                    hv[h++] = p;
                }
            }
        }
        if (a == 0) {
            throw new IllegalArgumentException("the city has no person with a phone");
        }
        this.active = java.util.Arrays.copyOf(act, a);
        this.heavy = h == 0 ? this.active : java.util.Arrays.copyOf(hv, h);

        int outsiders = Math.max(100, persons.size() / 100);
        outsiderFirst17 = new long[outsiders];
        outsiderCheck = new char[outsiders];
        outsiderPhone = new long[outsiders];
        outsiderName = new int[outsiders];
        StringBuilder id = new StringBuilder(17);
        for (int o = 0; o < outsiders; o++) {
            do {
                id.setLength(0);
                id.append(ELSEWHERE[random.nextInt(ELSEWHERE.length)]);
                id.append(1935 + random.nextInt(70));
                int m = 1 + random.nextInt(12);
                int d = 1 + random.nextInt(28);
                id.append(m < 10 ? "0" : "").append(m).append(d < 10 ? "0" : "").append(d);
                int serial = 1 + random.nextInt(999);
                id.append(serial < 100 ? "0" : "").append(serial < 10 ? "0" : "").append(serial);
                outsiderFirst17[o] = Long.parseLong(id, 0, 17, 10);
                outsiderCheck[o] = ResidentId.checkDigit(id);
            } while (persons.contains(outsiderFirst17[o], outsiderCheck[o]));
            outsiderPhone[o] = (13 + random.nextInt(OUTSIDER_PHONE_PREFIXES)) * 1_000_000_000L + random.nextInt(1_000_000_000);
            outsiderName[o] = random.nextInt(persons.size());
        }
    }

    /** Draws the next row. */
    void next() {
        if (random.nextInt(100_000) < OUTSIDERS_PER_100K) {
            int o = random.nextInt(outsiderFirst17.length);
            nameOf = outsiderName[o];
            first17 = outsiderFirst17[o];
            checkChar = outsiderCheck[o];
            phone = outsiderPhone[o];
        }
        else {
            int p = random.nextBoolean() ? heavy[random.nextInt(heavy.length)] : active[random.nextInt(active.length)];
            nameOf = p;
            first17 = persons.first17(p);
            checkChar = persons.check(p);
            phone = persons.phone(p);
        }
        if (random.nextInt(100_000) < BAD_CHECK_PER_100K) {
            checkChar = checkChar == 'X' ? '0' : checkChar == '9' ? 'X' : (char) (checkChar + 1);
        }
        repeat = random.nextInt(100_000) < REPEATS_PER_100K;
        day = 1 + random.nextInt(days);
        int pick = random.nextInt(hourCumulative[23]);
        int hr = 0;
        while (hourCumulative[hr] <= pick) {
            hr++;
        }
        hour = hr;
        minute = random.nextInt(60);
        second = random.nextInt(60);
    }

    /** Whether the current row is exported twice. */
    boolean repeat() {
        return repeat;
    }

    /** The person whose name the row carries (a registry person's, also for outsiders). */
    int nameOf() {
        return nameOf;
    }

    /** Writes the 18 ID characters into {@code out} at {@code at}. */
    void id(byte[] out, int at) {
        long v = first17;
        for (int i = 16; i >= 0; i--) {
            out[at + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        out[at + 17] = (byte) checkChar;
    }

    String id() {
        byte[] b = new byte[18];
        id(b, 0);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }

    long phone() {
        return phone;
    }

    int day() {
        return day;
    }

    int hour() {
        return hour;
    }

    int minute() {
        return minute;
    }

    int second() {
        return second;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }
}
