package org.vigil.simulator.internal;

import java.time.YearMonth;
import java.util.Arrays;

/**
 * The whole simulated city as parallel arrays indexed by person, household, employer and
 * recipient number: a million residents fit in about a hundred megabytes and every pass over
 * them is a tight loop.
 */
final class World {

    /** Months simulated before the first feed month, so that late reports of earlier events arrive in it. */
    static final int WARMUP_MONTHS = 3;

    static final byte REL_HEAD = 0;
    static final byte REL_SPOUSE = 1;
    static final byte REL_CHILD = 2;
    static final byte REL_PARENT = 3;
    static final byte REL_GRANDCHILD = 4;
    static final byte REL_SIBLING = 5;
    static final byte REL_OTHER = 6;
    static final String[] RELATION_NAMES = {"户主", "配偶", "子女", "父母", "孙子女", "兄弟姐妹", "其他"};

    static final byte CAREER_NONE = 0;
    static final byte CAREER_ENTERPRISE = 1;
    static final byte CAREER_INSTITUTION = 2;
    static final byte CAREER_FARMER = 3;
    static final byte CAREER_INFORMAL = 4;
    static final String[] CAREER_NAMES = {"NONE", "ENTERPRISE", "INSTITUTION", "FARMER", "INFORMAL"};

    static final int F_AGENCY = 1;
    static final int F_INSURED_JOB = 1 << 1;
    static final int F_RES_PENSION = 1 << 2;
    static final int F_RES_MEDICAL = 1 << 3;
    static final int F_NCMS = 1 << 4;
    static final int F_RETIREE_MEDICAL = 1 << 5;
    static final int F_SICK = 1 << 6;
    static final int F_STUDENT = 1 << 7;
    static final int F_RELIEF = 1 << 8;
    static final int F_ALLOWANCE = 1 << 9;
    static final int F_BUS_CARD = 1 << 10;
    static final int F_NO_FACE = 1 << 11;
    static final int F_LIXIU = 1 << 12;
    static final int F_DECEASED_WORKER = 1 << 13;
    static final int F_BORN_IN_SIM = 1 << 14;
    static final int F_PREV_INSURED = 1 << 15;
    static final int F_SPECIAL_RELIEF = 1 << 16;
    static final int F_CONSTRUCTION = 1 << 17;
    static final int F_STAFFED = 1 << 18;
    static final int F_ENLISTED = 1 << 19;
    /** The agency learned of the death before the first feed month and dropped the person. */
    static final int F_KNOWN_DEAD = 1 << 20;
    static final int F_KNOWN_IN_CUSTODY = 1 << 21;

    final long seed;
    final int targetResidents;
    final int months;
    final YearMonth startMonth;
    /** First day of the warm-up: the population is generated as it stood on this day. */
    final int t0;
    /** First day of the first feed month. */
    final int startDay;
    /** Last day of the last feed month. */
    final int endDay;
    /** First day of each simulated month, warm-up included: index m + WARMUP_MONTHS for feed month m. */
    final int[] monthFirst;
    final int[] monthLast;
    final String fixedTimestamp;

    final CityMap map;

    int persons;
    int[] birth;
    boolean[] male;
    short[] surname;
    int[] given;
    byte[] ethnicity;
    long[] idBody;
    char[] idCheck;
    int[] household;
    byte[] relation;
    int[] death;
    long[] phone;
    byte[] career;
    int[] employer;
    int[] jobStart;
    int[] jobEnd;
    int[] prevEmployer;
    int[] prevStart;
    int[] prevEnd;
    int[] flags;
    int[] disabledDay;
    int[] recipient;
    int[] retireDay;
    /** Day the birth was registered with the police; NEVER while unregistered. */
    int[] registeredDay;
    /** Index of the person's custody period in the timeline, -1 if never in custody. */
    int[] custody;
    byte[] idPrefixIndex;
    IdNumbers ids;

    int households;
    int[] hhCommunity;
    int[] hhHead;
    byte[] hhKind;
    int[] hhMoveDay;
    int[] hhNewCommunity;

    Employers employers;
    Recipients recipients;
    Timeline timeline;

    World(long seed, int residents, int months, YearMonth startMonth) {
        this.seed = seed;
        this.targetResidents = residents;
        this.months = months;
        this.startMonth = startMonth;
        YearMonth first = startMonth.minusMonths(WARMUP_MONTHS);
        this.t0 = Dates.firstOf(first);
        this.startDay = Dates.firstOf(startMonth);
        this.endDay = Dates.lastOf(startMonth.plusMonths(months - 1L));
        int total = months + WARMUP_MONTHS;
        monthFirst = new int[total];
        monthLast = new int[total];
        for (int i = 0; i < total; i++) {
            monthFirst[i] = Dates.firstOf(first.plusMonths(i));
            monthLast[i] = Dates.lastOf(first.plusMonths(i));
        }
        this.fixedTimestamp = startMonth.atDay(1) + "T00:00:00Z";
        this.map = new CityMap(seed);
        int capacity = residents + residents / 25 + 1_000;
        allocatePersons(capacity);
        allocateHouseholds(residents / 2 + 1_000);
    }

    /** Simulated month index (warm-up first) of a day inside the simulated span, -1 before, total after. */
    int monthIndex(int day) {
        if (day < monthFirst[0]) {
            return -1;
        }
        int ord = Dates.monthOrdinal(day) - Dates.monthOrdinal(monthFirst[0]);
        return Math.min(ord, monthFirst.length);
    }

    int totalMonths() {
        return monthFirst.length;
    }

    YearMonth yearMonth(int monthIndex) {
        return startMonth.plusMonths(monthIndex - (long) WARMUP_MONTHS);
    }

    private void allocatePersons(int n) {
        birth = new int[n];
        male = new boolean[n];
        surname = new short[n];
        given = new int[n];
        ethnicity = new byte[n];
        idBody = new long[n];
        idCheck = new char[n];
        household = new int[n];
        relation = new byte[n];
        death = new int[n];
        phone = new long[n];
        career = new byte[n];
        employer = new int[n];
        jobStart = new int[n];
        jobEnd = new int[n];
        prevEmployer = new int[n];
        prevStart = new int[n];
        prevEnd = new int[n];
        flags = new int[n];
        disabledDay = new int[n];
        recipient = new int[n];
        retireDay = new int[n];
        registeredDay = new int[n];
        custody = new int[n];
        idPrefixIndex = new byte[n];
    }

    /** Adds a person with defaults (alive, unemployed, no benefit) and returns its index. */
    int addPerson() {
        if (persons == birth.length) {
            int n = persons + persons / 4 + 16;
            birth = Arrays.copyOf(birth, n);
            male = Arrays.copyOf(male, n);
            surname = Arrays.copyOf(surname, n);
            given = Arrays.copyOf(given, n);
            ethnicity = Arrays.copyOf(ethnicity, n);
            idBody = Arrays.copyOf(idBody, n);
            idCheck = Arrays.copyOf(idCheck, n);
            household = Arrays.copyOf(household, n);
            relation = Arrays.copyOf(relation, n);
            death = Arrays.copyOf(death, n);
            phone = Arrays.copyOf(phone, n);
            career = Arrays.copyOf(career, n);
            employer = Arrays.copyOf(employer, n);
            jobStart = Arrays.copyOf(jobStart, n);
            jobEnd = Arrays.copyOf(jobEnd, n);
            prevEmployer = Arrays.copyOf(prevEmployer, n);
            prevStart = Arrays.copyOf(prevStart, n);
            prevEnd = Arrays.copyOf(prevEnd, n);
            flags = Arrays.copyOf(flags, n);
            disabledDay = Arrays.copyOf(disabledDay, n);
            recipient = Arrays.copyOf(recipient, n);
            retireDay = Arrays.copyOf(retireDay, n);
            registeredDay = Arrays.copyOf(registeredDay, n);
            custody = Arrays.copyOf(custody, n);
            idPrefixIndex = Arrays.copyOf(idPrefixIndex, n);
        }
        int p = persons++;
        death[p] = Dates.NEVER;
        employer[p] = -1;
        jobStart[p] = Dates.NEVER;
        jobEnd[p] = Dates.NEVER;
        prevEmployer[p] = -1;
        prevStart[p] = Dates.NEVER;
        prevEnd[p] = Dates.NEVER;
        disabledDay[p] = Dates.NEVER;
        recipient[p] = -1;
        retireDay[p] = Dates.NEVER;
        registeredDay[p] = Integer.MIN_VALUE;
        custody[p] = -1;
        household[p] = -1;
        return p;
    }

    private void allocateHouseholds(int n) {
        hhCommunity = new int[n];
        hhHead = new int[n];
        hhKind = new byte[n];
        hhMoveDay = new int[n];
        hhNewCommunity = new int[n];
    }

    int addHousehold(int community, byte kind) {
        if (households == hhCommunity.length) {
            int n = households + households / 4 + 16;
            hhCommunity = Arrays.copyOf(hhCommunity, n);
            hhHead = Arrays.copyOf(hhHead, n);
            hhKind = Arrays.copyOf(hhKind, n);
            hhMoveDay = Arrays.copyOf(hhMoveDay, n);
            hhNewCommunity = Arrays.copyOf(hhNewCommunity, n);
        }
        int h = households++;
        hhCommunity[h] = community;
        hhKind[h] = kind;
        hhHead[h] = -1;
        hhMoveDay[h] = Dates.NEVER;
        hhNewCommunity[h] = community;
        return h;
    }

    boolean has(int p, int flag) {
        return (flags[p] & flag) != 0;
    }

    boolean aliveOn(int p, int day) {
        return death[p] > day;
    }

    /** Whether the person existed (was born) and was alive on {@code day}. */
    boolean livingOn(int p, int day) {
        return birth[p] <= day && death[p] > day;
    }

    int age(int p, int day) {
        return Dates.age(birth[p], day);
    }

    /** Community of residence on {@code day}. */
    int communityOn(int p, int day) {
        int h = household[p];
        return day >= hhMoveDay[h] ? hhNewCommunity[h] : hhCommunity[h];
    }

    /** A variant number for the household's address, changing with a move. */
    long addressVariant(int p, int day) {
        int h = household[p];
        return day >= hhMoveDay[h] ? h + (1L << 40) : h;
    }

    int employerOn(int p, int day) {
        if (employer[p] >= 0 && jobStart[p] <= day && day < jobEnd[p]) {
            return employer[p];
        }
        if (prevEmployer[p] >= 0 && prevStart[p] <= day && day < prevEnd[p]) {
            return prevEmployer[p];
        }
        return -1;
    }

    boolean inCustodyOn(int p, int day) {
        int c = custody[p];
        return c >= 0 && timeline.custodyStart[c] <= day && day < timeline.custodyRelease[c];
    }

    boolean disabledOn(int p, int day) {
        return disabledDay[p] <= day;
    }

    /** Writes the true 18-character ID number. */
    void putId(Row row, int p) {
        row.putPadded(idBody[p], 17).put(idCheck[p]);
    }

    void putName(Row row, int p) {
        NameBook.put(row, surname[p], given[p]);
    }

    String name(int p) {
        return NameBook.name(surname[p], given[p]);
    }

    /** The 6-digit region prefix of the person's ID number. */
    int idPrefix(int p) {
        return (int) (idBody[p] / 100_000_000_000L);
    }

    /** Whether the person's ID number was issued in Jilin City (prefix 2202xx). */
    boolean localId(int p) {
        return idPrefix(p) / 100 == 2202;
    }
}
