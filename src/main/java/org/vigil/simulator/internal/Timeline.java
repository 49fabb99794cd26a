package org.vigil.simulator.internal;

import java.util.Arrays;

/**
 * Month-by-month life of the city from the warm-up to the last feed month: deaths, births,
 * imprisonments and releases, adoptions, marriages, jobs, enlistments, moves, people turning 80,
 * disabilities and dependents coming of age. Each event also decides, once and for all, which
 * departments will report it and how many months late (0–3), so the ground truth can say who
 * reported what and the feed writers only look the decisions up.
 *
 * <p>Rare cases that Vigil must be tested on (the fraud cases, a dependent adopted, remarried,
 * employed or enlisted) are also drawn at realistic rates but with a floor: the people are chosen
 * by a keyed ranking, so even a city of a few thousand residents has each case.
 */
final class Timeline {

    static final byte EV_DEATH = 0;
    static final byte EV_BIRTH = 1;
    static final byte EV_CUSTODY = 2;
    static final byte EV_RELEASE = 3;
    static final byte EV_ADOPTION = 4;
    static final byte EV_MARRIAGE = 5;
    static final byte EV_HIRED = 6;
    static final byte EV_LEFT_JOB = 7;
    static final byte EV_ENLISTED = 8;
    static final byte EV_MOVE = 9;
    static final byte EV_TURNED_80 = 10;
    static final byte EV_DISABLED = 11;
    static final byte EV_AGE_LIMIT = 12;
    static final byte EV_BIRTH_REGISTERED = 13;
    static final byte EV_ENROLLED = 14;
    static final String[] EVENT_NAMES = {"DEATH", "BIRTH", "CUSTODY_START", "RELEASE", "ADOPTION", "MARRIAGE", "HIRED",
        "LEFT_JOB", "ENLISTED", "MOVE", "TURNED_80", "DISABLED", "DEPENDENT_CAME_OF_AGE", "BIRTH_REGISTERED",
        "NEWBORN_ENROLLED"};

    /** Marks on a death event (its aux field): nobody reports it, or exactly one department does. */
    static final int DEATH_UNREPORTED = 1;
    static final int DEATH_SINGLE_SOURCE = 2;

    // Report channels: one per event-driven feed.
    static final int CH_POLICE_DEATH = 0;
    static final int CH_CREMATION = 1;
    static final int CH_ALLOWANCE_DEATH = 2;
    static final int CH_CADRE_DEATH = 3;
    static final int CH_MEDICAL_DEATH = 4;
    static final int CH_HEALTH_DEATH = 5;
    static final int CH_COMMUNITY_DEATH = 6;
    static final int CH_COURT = 7;
    static final int CH_PRISON_IN = 8;
    static final int CH_PRISON_OUT = 9;
    static final int CH_ADOPTION = 10;
    static final int CH_MARRIAGE = 11;
    static final int CH_ENLISTMENT = 12;
    static final int CH_NEWBORN = 13;
    static final int CH_POLICE_CHANGE = 14;
    static final int CH_ENROLLMENT_CHANGE = 15;
    static final int CHANNELS = 16;
    static final String[] CHANNEL_SOURCES = {"police", "civil_affairs_cremation", "civil_affairs_allowance", "veteran_cadres",
        "medical_insurance", "health", "community", "court", "prison", "prison", "civil_affairs_adoption",
        "civil_affairs_marriage", "military", "health_newborn", "police_household", "hrss"};
    /** Death sources of SHARE-3 class 1, in the order the ground truth lists them. */
    static final int[] DEATH_CHANNELS = {CH_POLICE_DEATH, CH_CREMATION, CH_ALLOWANCE_DEATH, CH_CADRE_DEATH, CH_MEDICAL_DEATH,
        CH_HEALTH_DEATH, CH_COMMUNITY_DEATH};

    /** Lag distributions in months (weights for 0, 1, 2, 3). */
    private static final int[][] LAG = new int[CHANNELS][];

    static {
        LAG[CH_POLICE_DEATH] = Rng.cumulative(45, 35, 15, 5);
        LAG[CH_CREMATION] = Rng.cumulative(60, 30, 10, 0);
        LAG[CH_ALLOWANCE_DEATH] = Rng.cumulative(0, 50, 35, 15);
        LAG[CH_CADRE_DEATH] = Rng.cumulative(50, 50, 0, 0);
        LAG[CH_MEDICAL_DEATH] = Rng.cumulative(0, 40, 40, 20);
        LAG[CH_HEALTH_DEATH] = Rng.cumulative(70, 25, 5, 0);
        LAG[CH_COMMUNITY_DEATH] = Rng.cumulative(0, 40, 35, 25);
        LAG[CH_COURT] = Rng.cumulative(40, 30, 20, 10);
        LAG[CH_PRISON_IN] = Rng.cumulative(50, 50, 0, 0);
        LAG[CH_PRISON_OUT] = Rng.cumulative(60, 40, 0, 0);
        LAG[CH_ADOPTION] = Rng.cumulative(60, 30, 10, 0);
        LAG[CH_MARRIAGE] = Rng.cumulative(70, 30, 0, 0);
        LAG[CH_ENLISTMENT] = Rng.cumulative(60, 40, 0, 0);
        LAG[CH_NEWBORN] = Rng.cumulative(70, 30, 0, 0);
        LAG[CH_POLICE_CHANGE] = Rng.cumulative(70, 30, 0, 0);
        LAG[CH_ENROLLMENT_CHANGE] = Rng.cumulative(80, 20, 0, 0);
    }

    private final World w;
    private final Rng rng = new Rng();

    int events;
    byte[] evKind = new byte[4096];
    int[] evPerson = new int[4096];
    int[] evDay = new int[4096];
    /** Event detail: the other person (spouse, adopter), the employer, the new community, the custody index. */
    int[] evAux = new int[4096];

    int custodies;
    int[] custodyPerson = new int[256];
    int[] custodyStart = new int[256];
    int[] custodyRelease = new int[256];
    int[] custodySentenceEnd = new int[256];
    int[] custodyJudgment = new int[256];
    int[] custodyAdmission = new int[256];
    int[] custodyTermMonths = new int[256];
    /** Whether the court sends a judgment for this case; prison covers terms served in a prison. */
    boolean[] custodyCourt = new boolean[256];
    boolean[] custodyPrison = new boolean[256];

    /** reports[channel][arrival month index] = event indices, in the order the events happened. */
    final IntList[][] reports;
    /** Event index of each person's death, -1 if none. */
    int[] deathEvent;
    /** Day each newborn's resident medical enrollment starts, NEVER if never; by person. */
    int[] enrolledDay;

    private int[] mortality;
    private int[] mortalityMale;
    private int[] singlesMale;
    private int[] singlesFemale;
    private int[] adults;

    Timeline(World w) {
        this.w = w;
        reports = new IntList[CHANNELS][w.totalMonths() + 4];
        for (IntList[] byMonth : reports) {
            for (int m = 0; m < byMonth.length; m++) {
                byMonth[m] = new IntList(8);
            }
        }
        deathEvent = new int[w.persons + w.persons / 20 + 64];
        Arrays.fill(deathEvent, -1);
        enrolledDay = new int[deathEvent.length];
        Arrays.fill(enrolledDay, Dates.NEVER);
        buildMortality();
    }

    /**
     * Annual death probability by age, a Gompertz curve from 50 on (doubling about every 7.5
     * years) with Chinese early-age levels below, men about 1.25 times women; calibrated so that
     * the crude death rate of the old population comes out near Jilin's 8–9 per thousand
     * (8.08 ‰ in 2021). Stored as per-month thresholds on a 31-bit draw.
     */
    private void buildMortality() {
        mortality = new int[121];
        mortalityMale = new int[121];
        for (int age = 0; age <= 120; age++) {
            double q;
            if (age == 0) {
                q = 0.004;
            } else if (age < 15) {
                q = 0.0002;
            } else if (age < 30) {
                q = 0.0005;
            } else if (age < 40) {
                q = 0.001;
            } else if (age < 50) {
                q = 0.0022;
            } else {
                q = Math.min(0.6, StrictMath.exp(-10.6 + 0.092 * age));
            }
            mortality[age] = threshold(q * 0.8);
            mortalityMale[age] = threshold(Math.min(0.7, q * 1.25));
        }
    }

    private static int threshold(double annual) {
        double monthly = 1 - StrictMath.pow(1 - annual, 1.0 / 12);
        return (int) (monthly * (1L << 31));
    }

    private boolean draw(int threshold) {
        return (rng.nextLong() >>> 33) < threshold;
    }

    // --------------------------------------------------------------------------------------------

    void run() {
        prepareLists();
        scenarios();
        initialCustodyStock();
        int total = w.totalMonths();
        for (int m = 0; m < total; m++) {
            month(m);
            moves(m);
        }
        agencyView();
    }

    private void prepareLists() {
        IntList men = new IntList();
        IntList women = new IntList();
        IntList grownUps = new IntList();
        for (int p = 0; p < w.persons; p++) {
            if (!w.livingOn(p, w.t0)) {
                continue;
            }
            int age = w.age(p, w.t0);
            if (age >= 30 && age <= 60) {
                grownUps.add(p);
            }
            boolean single = w.relation[p] == World.REL_CHILD
                    || w.hhKind[w.household[p]] == PopulationBuilder.HH_SINGLE_ADULT;
            if (single && age >= 22 && age <= 45) {
                (w.male[p] ? men : women).add(p);
            }
        }
        singlesMale = men.toArray();
        singlesFemale = women.toArray();
        adults = grownUps.toArray();
    }

    // ---------------------------------------------------------------------------- scenarios

    private int[] ranked(IntList candidates, long kind, int k) {
        int n = candidates.size();
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int p = candidates.get(i);
            keys[i] = (Rng.hash(w.seed, Streams.SCENARIO, p, kind) >>> 25) << 25 | p;
        }
        Arrays.sort(keys);
        int[] out = new int[Math.min(k, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) (keys[i] & ((1 << 25) - 1));
        }
        return out;
    }

    private static int quota(double rate, int population, int floor) {
        return Math.max(floor, (int) Math.round(rate * population));
    }

    private void scenarios() {
        Recipients r = w.recipients;
        IntList oldPensioners = new IntList();
        IntList pensioners = new IntList();
        IntList menUnder75 = new IntList();
        IntList youngDependents = new IntList();
        IntList spouses = new IntList();
        IntList workingDependents = new IntList();
        IntList enlistable = new IntList();
        for (int i = 0; i < r.count; i++) {
            int p = r.person[i];
            int age = w.age(p, w.t0);
            if (r.kind[i] != Recipients.DEPENDENT) {
                if (age >= 75) {
                    oldPensioners.add(p);
                }
                if (age < 78) {
                    pensioners.add(p);
                }
                if (age < 75 && w.male[p]) {
                    menUnder75.add(p);
                }
                continue;
            }
            if (r.endsAtEighteen(i) && age < 16) {
                youngDependents.add(p);
            }
            if (r.relation[i] == Recipients.SPOUSE) {
                spouses.add(p);
            }
            if (r.endsAtEighteen(i) && age >= 15 && age < 18) {
                workingDependents.add(p);
                if (w.male[p] && age >= 16) {
                    enlistable.add(p);
                }
            }
        }
        int total = w.totalMonths();
        int last = total - 1;
        // Cases the agency must discover happen in feed months, early enough for their reports to arrive.
        int firstFeed = World.WARMUP_MONTHS;
        int lastReported = Math.max(firstFeed, total - 4);

        // A pensioner who died before the simulated span and whose death nobody reported: still paid.
        for (int p : ranked(oldPensioners, 1, quota(0.0008, r.count, 3))) {
            int i = w.recipient[p];
            int day = w.t0 - rng.seed(w.seed, Streams.SCENARIO, p, 1).between(120, 720);
            if (day <= r.start[i]) {
                continue;
            }
            w.death[p] = day;
            deathEvent[p] = addEvent(EV_DEATH, p, day, DEATH_UNREPORTED);
            r.fraud[i] |= Recipients.FRAUD_DEATH_UNREPORTED | Recipients.FRAUD_DEAD_ACCOUNT_USED;
            r.fraudSince[i] = day;
        }
        // A death that only one department reports, and the family keeps drawing the pension.
        for (int p : ranked(oldPensioners, 2, quota(0.0006, r.count, 3))) {
            if (!w.aliveOn(p, w.t0)) {
                continue;
            }
            rng.seed(w.seed, Streams.SCENARIO, p, 2);
            int m = rng.between(firstFeed, lastReported);
            int day = w.monthFirst[m] + rng.nextInt(w.monthLast[m] - w.monthFirst[m] + 1);
            int i = w.recipient[p];
            r.fraud[i] |= Recipients.FRAUD_DEATH_SINGLE_SOURCE | (rng.chance(0.7) ? Recipients.FRAUD_DEAD_ACCOUNT_USED : 0);
            r.fraudSince[i] = day;
            die(p, day, true);
        }
        // Imprisoned before the span, the court's notice never reached the agency: benefit continues.
        // Nine in ten prisoners are men.
        for (int p : ranked(menUnder75.size() >= 2 ? menUnder75 : pensioners, 3, quota(0.0003, r.count, 2))) {
            if (!w.aliveOn(p, w.t0) || w.custody[p] >= 0) {
                continue;
            }
            rng.seed(w.seed, Streams.SCENARIO, p, 3);
            int start = w.t0 - rng.between(30, 540);
            int c = addCustody(p, start, rng.between(24, 72), false);
            custodyCourt[c] = false;
            custodyPrison[c] = rng.chance(0.5);
            int i = w.recipient[p];
            r.fraud[i] |= Recipients.FRAUD_CUSTODY_BENEFIT_CONTINUES;
            r.fraudSince[i] = start;
        }
        // Recipients sentenced during the span (the ordinary, reported case).
        for (int p : ranked(menUnder75.size() >= 4 ? menUnder75 : pensioners, 4, quota(0.0002, r.count, 2))) {
            if (!w.aliveOn(p, w.t0) || w.custody[p] >= 0) {
                continue;
            }
            rng.seed(w.seed, Streams.SCENARIO, p, 4);
            int m = rng.between(firstFeed, lastReported);
            int start = w.monthFirst[m] + rng.nextInt(28);
            int c = addCustody(p, start, rng.between(6, 48), true);
            addEvent(EV_CUSTODY, p, start, c);
        }
        // People detained just before the span, sentenced inside it: the court's feed always has cases.
        IntList youngMen = new IntList();
        for (int k = 0; k < adults.length; k++) {
            int p = adults[k];
            if (w.male[p] && w.recipient[p] < 0 && w.custody[p] < 0 && w.age(p, w.t0) <= 50) {
                youngMen.add(p);
            }
        }
        for (int p : ranked(youngMen, 9, quota(0.0002, w.targetResidents, 2))) {
            rng.seed(w.seed, Streams.SCENARIO, p, 9);
            int start = w.t0 + rng.nextInt(20);
            int c = addCustody(p, start, sentenceMonths(), true, rng.between(30, 45));
            addEvent(EV_CUSTODY, p, start, c);
            if (w.employer[p] >= 0 && w.jobEnd[p] == Dates.NEVER) {
                w.jobEnd[p] = Math.max(start, w.jobStart[p] + 1);
            }
        }
        for (int p : ranked(youngDependents, 5, quota(0.003, youngDependents.size(), 1))) {
            rng.seed(w.seed, Streams.SCENARIO, p, 5);
            int m = rng.between(firstFeed, last);
            int day = w.monthFirst[m] + rng.nextInt(28);
            adopt(p, day);
        }
        for (int p : ranked(spouses, 6, quota(0.01, spouses.size(), 1))) {
            rng.seed(w.seed, Streams.SCENARIO, p, 6);
            int m = rng.between(firstFeed, last);
            marry(p, w.monthFirst[m] + rng.nextInt(28), true);
        }
        int[] conscriptionMonths = conscriptionMonths();
        if (conscriptionMonths.length > 0) {
            int wanted = quota(0.05, enlistable.size(), 1);
            for (int p : ranked(enlistable, 8, enlistable.size())) {
                if (wanted == 0) {
                    break;
                }
                rng.seed(w.seed, Streams.SCENARIO, p, 8);
                int m = conscriptionMonths[rng.nextInt(conscriptionMonths.length)];
                int day = Math.max(w.monthFirst[m] + 9 + rng.nextInt(15), Dates.birthday(w.birth[p], 17));
                if (day <= w.monthLast[m] && day < Dates.birthday(w.birth[p], 18)) {
                    enlist(p, day);
                    wanted--;
                }
            }
        }
        int jobs = quota(0.05, workingDependents.size(), 1);
        for (int p : ranked(workingDependents, 7, workingDependents.size())) {
            if (jobs == 0) {
                break;
            }
            if (w.has(p, World.F_ENLISTED)) {
                continue;
            }
            rng.seed(w.seed, Streams.SCENARIO, p, 7);
            int m = rng.between(firstFeed, last);
            int day = Math.max(w.monthFirst[m] + rng.nextInt(28), Dates.birthday(w.birth[p], 16));
            if (day <= w.endDay && day < Dates.birthday(w.birth[p], 18)) {
                hire(p, day, true);
                if (w.recipients.lossReason[w.recipient[p]] == Recipients.LOSS_EMPLOYED) {
                    jobs--;
                }
            }
        }
    }

    /** China calls up conscripts twice a year: in spring (March) and autumn (September). */
    private int[] conscriptionMonths() {
        IntList months = new IntList();
        for (int m = World.WARMUP_MONTHS; m < w.totalMonths(); m++) {
            int month = Dates.month(w.monthFirst[m]);
            if (month == 3 || month == 9) {
                months.add(m);
            }
        }
        return months.toArray();
    }

    /** People already serving a sentence on the first day, about 1.2 per thousand adults. */
    private void initialCustodyStock() {
        for (int p = 0; p < w.persons; p++) {
            if (!w.livingOn(p, w.t0) || w.recipient[p] >= 0 || w.custody[p] >= 0) {
                continue;
            }
            int age = w.age(p, w.t0);
            if (age < 18 || age > 70) {
                continue;
            }
            rng.seed(w.seed, Streams.LIFE, p, -1);
            double rate = (w.male[p] ? 0.0021 : 0.0003) * (age < 50 ? 1.0 : 0.4);
            if (!rng.chance(rate)) {
                continue;
            }
            int term = sentenceMonths();
            int served = rng.nextInt(term);
            int start = Dates.plusMonths(w.t0, -served) - rng.nextInt(28);
            // Reported like any case: only judgments, admissions and releases still ahead reach the feeds.
            addCustody(p, start, term, true);
            if (w.employer[p] >= 0) {
                w.jobEnd[p] = Math.min(w.jobEnd[p], Math.max(w.jobStart[p] + 1, start));
            }
        }
    }

    private int sentenceMonths() {
        int x = rng.nextInt(100);
        return x < 40 ? rng.between(6, 12) : x < 75 ? rng.between(13, 36) : rng.between(37, 120);
    }

    // ---------------------------------------------------------------------------- monthly life

    private void month(int m) {
        int first = w.monthFirst[m];
        int last = w.monthLast[m];
        int days = last - first + 1;
        int calendarMonth = Dates.month(first);
        boolean conscription = calendarMonth == 3 || calendarMonth == 9;
        int persons = w.persons;
        IntList mothers = new IntList(64);
        IntList birthDays = new IntList(64);
        for (int p = 0; p < persons; p++) {
            if (!w.livingOn(p, first) || w.has(p, World.F_DECEASED_WORKER)) {
                continue;
            }
            rng.seed(w.seed, Streams.LIFE, p, m);
            int age = w.age(p, first);
            boolean male = w.male[p];
            int threshold = (male ? mortalityMale : mortality)[Math.min(age, 120)];
            if (w.has(p, World.F_SICK)) {
                threshold = threshold * 2;
            }
            // Deaths already scheduled by a scenario are not drawn twice.
            if (draw(threshold) && w.death[p] == Dates.NEVER) {
                die(p, first + rng.nextInt(days), false);
                continue;
            }
            int eighty = Dates.birthday(w.birth[p], 80);
            if (eighty >= first && eighty <= last) {
                addEvent(EV_TURNED_80, p, eighty, 0);
            }
            int rec = w.recipient[p];
            if (rec >= 0 && w.recipients.endsAtEighteen(rec) && !w.disabledOn(p, first)) {
                int eighteen = Dates.birthday(w.birth[p], 18);
                if (eighteen >= first && eighteen <= last) {
                    lose(rec, eighteen, Recipients.LOSS_AGE_LIMIT);
                    addEvent(EV_AGE_LIMIT, p, eighteen, rec);
                }
            }
            if (w.custody[p] < 0 && age >= 16 && age < 80) {
                double rate = male ? (age < 30 ? 0.0014 : age < 50 ? 0.001 : age < 65 ? 0.0003 : 0.0001)
                        : (age < 50 ? 0.00015 : 0.00003);
                if (rng.nextDouble() < rate / 12) {
                    int start = first + rng.nextInt(days);
                    int c = addCustody(p, start, sentenceMonths(), true);
                    addEvent(EV_CUSTODY, p, start, c);
                    if (w.employerOn(p, start) >= 0 && w.jobEnd[p] == Dates.NEVER && w.employer[p] >= 0) {
                        w.jobEnd[p] = Math.max(start, w.jobStart[p] + 1);
                    }
                    continue;
                }
            }
            if (!w.disabledOn(p, last)) {
                double rate = age < 60 ? 0.003 : age < 80 ? 0.01 : 0.03;
                if (rng.nextDouble() < rate / 12) {
                    int day = first + rng.nextInt(days);
                    w.disabledDay[p] = day;
                    addEvent(EV_DISABLED, p, day, 0);
                }
            }
            jobs(p, age, first, days);
            if (!male && age >= 20 && age <= 44 && w.relation[p] == World.REL_SPOUSE && !w.inCustodyOn(p, first)) {
                double f = age < 25 ? 0.03 : age < 30 ? 0.085 : age < 35 ? 0.075 : age < 40 ? 0.035 : 0.007;
                if (rng.nextDouble() < f / 12) {
                    mothers.add(p);
                    birthDays.add(first + rng.nextInt(days));
                }
            }
            boolean single = w.relation[p] == World.REL_CHILD || w.hhKind[w.household[p]] == PopulationBuilder.HH_SINGLE_ADULT;
            if (single && age >= 22 && age <= 45 && rng.nextDouble() < 0.05 / 12) {
                marry(p, first + rng.nextInt(days), false);
            }
            if (conscription && male && age >= 18 && age <= 22 && m >= World.WARMUP_MONTHS
                    && !w.has(p, World.F_ENLISTED) && w.employerOn(p, first) < 0 && rng.nextDouble() < 0.004) {
                enlist(p, first + 9 + rng.nextInt(Math.max(1, days - 10)));
            }
            if (age < 15 && w.recipient[p] < 0 && rng.nextDouble() < 0.0002 / 12) {
                adopt(p, first + rng.nextInt(days));
            }
        }
        for (int i = 0; i < mothers.size(); i++) {
            born(mothers.get(i), birthDays.get(i), m);
        }
    }

    private void jobs(int p, int age, int first, int days) {
        if (w.has(p, World.F_ENLISTED) || w.inCustodyOn(p, first)) {
            return;
        }
        boolean changedAlready = w.jobEnd[p] != Dates.NEVER || (w.employer[p] >= 0 && w.jobStart[p] > w.t0);
        if (changedAlready) {
            return;
        }
        if (w.employer[p] >= 0) {
            if (rng.nextDouble() < 0.006) {
                int day = first + rng.nextInt(days);
                w.jobEnd[p] = Math.max(day, w.jobStart[p] + 1);
                addEvent(EV_LEFT_JOB, p, w.jobEnd[p], w.employer[p]);
                if (w.has(p, World.F_INSURED_JOB)) {
                    plan(CH_ENROLLMENT_CHANGE, events - 1, w.jobEnd[p]);
                }
            }
            return;
        }
        byte c = w.career[p];
        boolean candidate = age >= 18 && age < 55 && !w.has(p, World.F_STUDENT) && w.recipient[p] < 0
                && (c == World.CAREER_ENTERPRISE || c == World.CAREER_INSTITUTION || c == World.CAREER_INFORMAL);
        if (candidate && w.retireDay[p] > first && rng.nextDouble() < 0.02) {
            hire(p, first + rng.nextInt(days), false);
        }
    }

    // ---------------------------------------------------------------------------- event makers

    private int addEvent(byte kind, int p, int day, int aux) {
        if (events == evKind.length) {
            int n = events * 2;
            evKind = Arrays.copyOf(evKind, n);
            evPerson = Arrays.copyOf(evPerson, n);
            evDay = Arrays.copyOf(evDay, n);
            evAux = Arrays.copyOf(evAux, n);
        }
        evKind[events] = kind;
        evPerson[events] = p;
        evDay[events] = day;
        evAux[events] = aux;
        return events++;
    }

    private int addCustody(int p, int start, int termMonths, boolean reported) {
        return addCustody(p, start, termMonths, reported, -1);
    }

    /** {@code judgmentDelay}: days from detention to judgment, or -1 for the usual one to five months. */
    private int addCustody(int p, int start, int termMonths, boolean reported, int judgmentDelay) {
        if (custodies == custodyPerson.length) {
            int n = custodies * 2;
            custodyPerson = Arrays.copyOf(custodyPerson, n);
            custodyStart = Arrays.copyOf(custodyStart, n);
            custodyRelease = Arrays.copyOf(custodyRelease, n);
            custodySentenceEnd = Arrays.copyOf(custodySentenceEnd, n);
            custodyJudgment = Arrays.copyOf(custodyJudgment, n);
            custodyAdmission = Arrays.copyOf(custodyAdmission, n);
            custodyTermMonths = Arrays.copyOf(custodyTermMonths, n);
            custodyCourt = Arrays.copyOf(custodyCourt, n);
            custodyPrison = Arrays.copyOf(custodyPrison, n);
        }
        int c = custodies++;
        Rng r = new Rng().seed(w.seed, Streams.REPORT, p, 1000 + c);
        custodyPerson[c] = p;
        custodyStart[c] = start;
        custodyTermMonths[c] = termMonths;
        // The sentence runs from the first day of detention (刑期自羁押之日起计算); about one in ten is paroled early.
        custodySentenceEnd[c] = Dates.plusMonths(start, termMonths) - 1;
        custodyRelease[c] = r.chance(0.1) && termMonths >= 12
                ? Dates.plusMonths(start, termMonths * 4 / 5) : custodySentenceEnd[c] + 1;
        custodyJudgment[c] = start + (judgmentDelay >= 0 ? judgmentDelay : r.between(30, 150));
        custodyAdmission[c] = Math.min(custodyJudgment[c] + r.between(15, 45), custodyRelease[c] - 1);
        custodyCourt[c] = reported && r.chance(0.92);
        custodyPrison[c] = termMonths >= 12 ? r.chance(0.85) : r.chance(0.2);
        w.custody[p] = c;
        if (reported) {
            if (custodyCourt[c]) {
                planAt(CH_COURT, c, custodyJudgment[c], r);
            }
            if (custodyPrison[c]) {
                planAt(CH_PRISON_IN, c, custodyAdmission[c], r);
            }
            if (custodyRelease[c] >= w.t0 && custodyRelease[c] <= w.endDay) {
                addEvent(EV_RELEASE, p, custodyRelease[c], c);
                planRelease(c);
            }
        }
        return c;
    }

    private void planRelease(int c) {
        if (custodyPrison[c]) {
            Rng r = new Rng().seed(w.seed, Streams.REPORT, custodyPerson[c], 2000 + c);
            planAt(CH_PRISON_OUT, c, custodyRelease[c], r);
        }
    }

    /** Files the custody index {@code c} under the channel at the month of {@code day} plus a lag. */
    private void planAt(int channel, int item, int day, Rng r) {
        int m = w.monthIndex(day);
        if (m < 0 || m >= w.totalMonths()) {
            if (m < 0) {
                int lag = r.pick(LAG[channel]);
                // Events before the simulated span only matter if they arrive inside it.
                int arrival = Dates.monthOrdinal(day) + lag - Dates.monthOrdinal(w.monthFirst[0]);
                if (arrival >= 0) {
                    reports[channel][arrival].add(item);
                }
            }
            return;
        }
        int arrival = m + r.pick(LAG[channel]);
        if (arrival < reports[channel].length) {
            reports[channel][arrival].add(item);
        }
    }

    private void plan(int channel, int event, int day) {
        Rng r = new Rng().seed(w.seed, Streams.REPORT, evPerson[event], event * 31L + channel);
        planAt(channel, event, day, r);
    }

    void die(int p, int day, boolean singleSource) {
        w.death[p] = day;
        int e = addEvent(EV_DEATH, p, day, 0);
        deathEvent[p] = e;
        Rng r = new Rng().seed(w.seed, Streams.REPORT, p, 1);
        int rec = w.recipient[p];
        if (rec >= 0 && !singleSource && r.chance(0.05)) {
            w.recipients.fraud[rec] |= Recipients.FRAUD_DEAD_ACCOUNT_USED;
            w.recipients.fraudSince[rec] = day;
        }
        if (singleSource) {
            evAux[e] = DEATH_SINGLE_SOURCE;
            // Short cities use the sources that report within two months, so the report still arrives.
            int[] only = w.months < 4 ? new int[] {CH_HEALTH_DEATH, CH_CREMATION}
                    : new int[] {CH_COMMUNITY_DEATH, CH_HEALTH_DEATH, CH_CREMATION};
            planAt(only[r.nextInt(only.length)], e, day, r);
            return;
        }
        if (r.chance(0.02)) {
            // Died outside the city, or the family told no one: no department reports it.
            evAux[e] = DEATH_UNREPORTED;
            return;
        }
        int age = w.age(p, day);
        boolean urban = w.map.communityUrban[w.communityOn(p, day)];
        boolean reported = false;
        if (r.chance(w.localId(p) ? 0.93 : 0.15)) {
            reported = true;
            planAt(CH_POLICE_DEATH, e, day, r);
            planAt(CH_POLICE_CHANGE, e, day, new Rng().seed(w.seed, Streams.REPORT, p, 2));
        }
        if (r.chance(urban ? 0.85 : 0.6)) {
            planAt(CH_CREMATION, e, day, r);
            reported = true;
        }
        if (w.has(p, World.F_ALLOWANCE) && age >= 80 && r.chance(0.85)) {
            planAt(CH_ALLOWANCE_DEATH, e, day, r);
            reported = true;
        }
        if (w.has(p, World.F_LIXIU)) {
            planAt(CH_CADRE_DEATH, e, day, r);
            reported = true;
        }
        int medical = World.F_RES_MEDICAL | World.F_NCMS | World.F_RETIREE_MEDICAL | World.F_INSURED_JOB;
        if ((w.flags[p] & medical) != 0 && r.chance(0.75)) {
            planAt(CH_MEDICAL_DEATH, e, day, r);
            reported = true;
        }
        if (r.chance(0.9)) {
            planAt(CH_HEALTH_DEATH, e, day, r);
            reported = true;
        }
        if (r.chance(age >= 50 ? 0.55 : 0.2)) {
            planAt(CH_COMMUNITY_DEATH, e, day, r);
            reported = true;
        }
        if (!reported) {
            // A death nobody chose to hide is certified by a doctor at least.
            planAt(CH_HEALTH_DEATH, e, day, r);
        }
    }

    private void lose(int rec, int day, byte reason) {
        Recipients r = w.recipients;
        if (day < r.lossDay[rec]) {
            r.lossDay[rec] = day;
            r.lossReason[rec] = reason;
        }
    }

    private void adopt(int p, int day) {
        if (adults.length == 0 || !w.livingOn(p, day)) {
            return;
        }
        Rng r = new Rng().seed(w.seed, Streams.MARRIAGE, p, day);
        int adopter = adults[r.nextInt(adults.length)];
        if (adopter == p || !w.livingOn(adopter, day)) {
            return;
        }
        int e = addEvent(EV_ADOPTION, p, day, adopter);
        plan(CH_ADOPTION, e, day);
        int rec = w.recipient[p];
        if (rec >= 0 && w.recipients.endsAtEighteen(rec)) {
            lose(rec, day, Recipients.LOSS_ADOPTED);
        }
    }

    private void marry(int p, int day, boolean widowed) {
        Rng r = new Rng().seed(w.seed, Streams.MARRIAGE, p, day + 1);
        int partner = -1;
        if (widowed) {
            for (int attempt = 0; attempt < 400 && partner < 0; attempt++) {
                int q = r.nextInt(w.persons);
                if (w.male[q] != w.male[p] && w.livingOn(q, day) && w.age(q, day) >= 45 && w.recipient[q] < 0
                        && !w.has(q, World.F_DECEASED_WORKER)) {
                    partner = q;
                }
            }
        } else {
            int[] pool = w.male[p] ? singlesFemale : singlesMale;
            if (pool.length > 0) {
                int q = pool[r.nextInt(pool.length)];
                if (w.livingOn(q, day)) {
                    partner = q;
                }
            }
        }
        if (partner < 0 || !w.livingOn(p, day)) {
            return;
        }
        int e = addEvent(EV_MARRIAGE, p, day, partner);
        plan(CH_MARRIAGE, e, day);
        int rec = w.recipient[p];
        if (rec >= 0 && w.recipients.isDependent(rec) && w.recipients.relation[rec] == Recipients.SPOUSE) {
            lose(rec, day, Recipients.LOSS_REMARRIED);
        }
    }

    private void hire(int p, int day, boolean dependent) {
        if (!w.livingOn(p, day) || w.employer[p] >= 0 && w.jobEnd[p] == Dates.NEVER) {
            return;
        }
        Rng r = new Rng().seed(w.seed, Streams.CAREER, p, day);
        int county = w.map.countyOf(w.communityOn(p, day));
        int e = w.employers.pick(r, county, false, day);
        if (e < 0) {
            return;
        }
        if (w.employer[p] >= 0) {
            w.prevEmployer[p] = w.employer[p];
            w.prevStart[p] = w.jobStart[p];
            w.prevEnd[p] = w.jobEnd[p];
        }
        w.employer[p] = e;
        w.jobStart[p] = day;
        w.jobEnd[p] = Dates.NEVER;
        boolean insured = w.employers.registered[e] && r.chance(0.88);
        if (insured) {
            w.flags[p] |= World.F_INSURED_JOB;
        } else {
            w.flags[p] &= ~World.F_INSURED_JOB;
        }
        if (w.employers.industry[e] == Employers.CONSTRUCTION) {
            w.flags[p] |= World.F_CONSTRUCTION;
        }
        int ev = addEvent(EV_HIRED, p, day, e);
        if (insured) {
            plan(CH_ENROLLMENT_CHANGE, ev, day);
        }
        int rec = w.recipient[p];
        if (dependent && rec >= 0 && w.recipients.endsAtEighteen(rec)) {
            lose(rec, day, Recipients.LOSS_EMPLOYED);
        }
    }

    private void enlist(int p, int day) {
        if (!w.livingOn(p, day)) {
            return;
        }
        w.flags[p] |= World.F_ENLISTED;
        int e = addEvent(EV_ENLISTED, p, day, 0);
        plan(CH_ENLISTMENT, e, day);
        int rec = w.recipient[p];
        if (rec >= 0 && w.recipients.endsAtEighteen(rec)) {
            lose(rec, day, Recipients.LOSS_ENLISTED);
        }
    }

    private void born(int mother, int day, int m) {
        int h = w.household[mother];
        int child = w.addPerson();
        ensurePersonArrays(child);
        Rng r = new Rng().seed(w.seed, Streams.BIRTH, mother, m);
        boolean male = r.chance(0.515);
        int head = w.hhHead[h];
        int father = head >= 0 && w.male[head] && w.relation[mother] == World.REL_SPOUSE ? head : -1;
        w.household[child] = h;
        w.relation[child] = w.relation[mother] == World.REL_CHILD ? World.REL_GRANDCHILD : World.REL_CHILD;
        w.male[child] = male;
        w.birth[child] = day;
        w.ethnicity[child] = w.ethnicity[mother];
        w.surname[child] = father >= 0 && r.chance(0.93) ? w.surname[father] : w.surname[mother];
        w.given[child] = NameBook.given(r, male, Dates.year(day), w.ethnicity[child]);
        w.flags[child] |= World.F_BORN_IN_SIM;
        w.idPrefixIndex[child] = (byte) w.map.countyOf(w.communityOn(mother, day));
        long body = w.ids.issue(w.idPrefixIndex[child], day, male, w.seed);
        w.idBody[child] = body;
        w.idCheck[child] = IdNumbers.check(body);
        int e = addEvent(EV_BIRTH, child, day, mother);
        plan(CH_NEWBORN, e, day);
        if (r.chance(0.88)) {
            int registered = day + r.between(10, 60);
            w.registeredDay[child] = registered;
            if (registered <= w.endDay) {
                int re = addEvent(EV_BIRTH_REGISTERED, child, registered, 0);
                plan(CH_POLICE_CHANGE, re, registered);
            }
            if (r.chance(0.65)) {
                int enrolled = registered + r.between(5, 75);
                if (enrolled <= w.endDay) {
                    enrolledDay[child] = enrolled;
                    w.flags[child] |= w.map.communityUrban[w.communityOn(mother, day)] ? World.F_RES_MEDICAL : World.F_NCMS;
                    int ee = addEvent(EV_ENROLLED, child, enrolled, 0);
                    plan(CH_ENROLLMENT_CHANGE, ee, enrolled);
                }
            }
        } else {
            w.registeredDay[child] = Dates.NEVER;
        }
    }

    private void ensurePersonArrays(int child) {
        if (child >= deathEvent.length) {
            int n = deathEvent.length * 2;
            int old = deathEvent.length;
            deathEvent = Arrays.copyOf(deathEvent, n);
            Arrays.fill(deathEvent, old, n, -1);
            enrolledDay = Arrays.copyOf(enrolledDay, n);
            Arrays.fill(enrolledDay, old, n, Dates.NEVER);
        }
    }

    /** About 4 % of households move a year, mostly within their county. */
    private void moves(int m) {
        int first = w.monthFirst[m];
        int days = w.monthLast[m] - first + 1;
        for (int h = 0; h < w.households; h++) {
            if (w.hhMoveDay[h] != Dates.NEVER) {
                continue;
            }
            rng.seed(w.seed, Streams.HOUSEHOLD_LIFE, h, m);
            if (rng.nextDouble() >= 0.0035) {
                continue;
            }
            int head = w.hhHead[h];
            if (head < 0 || !w.livingOn(head, first)) {
                continue;
            }
            int to = w.map.pickCommunity(rng);
            if (to == w.hhCommunity[h]) {
                continue;
            }
            int day = first + rng.nextInt(days);
            w.hhMoveDay[h] = day;
            w.hhNewCommunity[h] = to;
            int e = addEvent(EV_MOVE, head, day, to);
            if (rng.chance(0.4)) {
                plan(CH_POLICE_CHANGE, e, day);
            }
        }
    }

    /**
     * What the agency already knew on the first feed day: deaths and imprisonments whose reports
     * arrived during the warm-up. Those recipients are no longer paid and are left out of its files.
     */
    private void agencyView() {
        for (int channel : DEATH_CHANNELS) {
            for (int m = 0; m < World.WARMUP_MONTHS; m++) {
                IntList list = reports[channel][m];
                for (int i = 0; i < list.size(); i++) {
                    int p = evPerson[list.get(i)];
                    w.flags[p] |= World.F_KNOWN_DEAD;
                }
            }
        }
        for (int channel : new int[] {CH_COURT, CH_PRISON_IN}) {
            for (int m = 0; m < World.WARMUP_MONTHS; m++) {
                IntList list = reports[channel][m];
                for (int i = 0; i < list.size(); i++) {
                    int p = custodyPerson[list.get(i)];
                    w.flags[p] |= World.F_KNOWN_IN_CUSTODY;
                }
            }
        }
        Recipients r = w.recipients;
        for (int i = 0; i < r.count; i++) {
            int p = r.person[i];
            if (w.has(p, World.F_KNOWN_DEAD) || w.has(p, World.F_KNOWN_IN_CUSTODY) && w.inCustodyOn(p, w.startDay)) {
                r.inAgency[i] = false;
            }
            if (r.lossDay[i] < w.startDay) {
                r.inAgency[i] = false;
            }
            if (!r.inAgency[i]) {
                // Fraud means money still paid; the agency already stopped paying these.
                r.fraud[i] = 0;
                r.fraudSince[i] = Dates.NEVER;
            }
        }
    }
}
