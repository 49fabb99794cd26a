package org.vigil.simulator.internal;

/**
 * Gives every person an ID number, a phone, a working life, enrollments and, past the legal age,
 * a benefit. Legal pension ages: men 60, women 50 (workers) or 55 (cadres and institution staff),
 * with the gradual reform in force from January 2025 (men's and women cadres' ages rise by one
 * month every four months until 63 and 58, women workers' by one month every two months until
 * 55). Resident pensions start at 60 for both sexes.
 */
final class Careers {

    private static final int REFORM_MEN = Dates.monthOrdinal(Dates.day(1965, 1, 1));
    private static final int REFORM_WOMEN_55 = Dates.monthOrdinal(Dates.day(1970, 1, 1));
    private static final int REFORM_WOMEN_50 = Dates.monthOrdinal(Dates.day(1975, 1, 1));

    /** Pension-paying banks' card prefixes (six-digit BINs of the kind social-security cards carry). */
    static final String[] BANK_NAMES = {"中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "吉林银行", "中国邮政储蓄银行"};
    private static final long[] BANK_BINS = {622202, 621700, 622848, 621661, 623181, 621098};
    private static final int[] BANK_CUM = Rng.cumulative(25, 20, 18, 10, 20, 7);
    private static final String[] MOBILE_PREFIXES = {
        "134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188", "198",
        "130", "131", "132", "155", "156", "166", "175", "176", "185", "186",
        "133", "149", "153", "173", "177", "180", "181", "189", "199"};
    /** China Mobile, Unicom, Telecom shares of the prefixes above (Unicom is strong in the north-east). */
    private static final int[] MOBILE_CUM = Rng.cumulative(
            5, 5, 5, 5, 5, 6, 3, 3, 3, 2, 3, 3, 2, 2, 2, 1, 1,
            5, 5, 4, 2, 2, 2, 2, 2, 2, 4,
            2, 1, 2, 1, 2, 2, 1, 2, 1);
    static final int MOBILE_OPERATORS_SPLIT_UNICOM = 17;
    static final int MOBILE_OPERATORS_SPLIT_TELECOM = 27;

    private final World w;
    private final Rng rng = new Rng();

    Careers(World w) {
        this.w = w;
    }

    static int operatorOf(long phone) {
        String prefix = Long.toString(phone).substring(0, 3);
        for (int i = 0; i < MOBILE_PREFIXES.length; i++) {
            if (MOBILE_PREFIXES[i].equals(prefix)) {
                return i < MOBILE_OPERATORS_SPLIT_UNICOM ? 0 : i < MOBILE_OPERATORS_SPLIT_TELECOM ? 1 : 2;
            }
        }
        return 0;
    }

    void build(int[] deceasedWorkers) {
        assignIds();
        for (int p = 0; p < w.persons; p++) {
            rng.seed(w.seed, Streams.CAREER, p, 0);
            if (w.has(p, World.F_DECEASED_WORKER)) {
                w.career[p] = World.CAREER_ENTERPRISE;
                continue;
            }
            phone(p);
            career(p);
            employment(p);
            schemes(p);
            conditions(p);
        }
        relief();
        recipients(deceasedWorkers);
        for (int p = 0; p < w.persons; p++) {
            if (w.employer[p] >= 0 && w.jobStart[p] < w.t0 && w.jobEnd[p] > w.t0) {
                w.employers.employeesAtStart[w.employer[p]]++;
                if (w.has(p, World.F_INSURED_JOB)) {
                    w.employers.insuredAtStart[w.employer[p]]++;
                }
            }
        }
    }

    private void assignIds() {
        int first = Dates.day(1900, 1, 1);
        w.ids = new IdNumbers(first, w.endDay);
        for (int p = 0; p < w.persons; p++) {
            rng.seed(w.seed, Streams.ID_NUMBER, p, 0);
            w.idPrefixIndex[p] = (byte) prefixFor(p, rng);
        }
        for (int p = 0; p < w.persons; p++) {
            issueId(p);
        }
    }

    int prefixFor(int p, Rng r) {
        int home = w.map.countyOf(w.hhCommunity[w.household[p]]);
        int x = r.nextInt(100);
        if (x < 80) {
            return home;
        }
        if (x < 91) {
            return r.nextInt(IdNumbers.LOCAL_PREFIXES);
        }
        return IdNumbers.pickOutsidePrefix(r);
    }

    void issueId(int p) {
        long body = w.ids.issue(w.idPrefixIndex[p], w.birth[p], w.male[p], w.seed);
        w.idBody[p] = body;
        w.idCheck[p] = IdNumbers.check(body);
    }

    private void phone(int p) {
        int age = w.age(p, w.t0);
        double mobile = age < 12 ? 0 : age < 18 ? 0.6 : age < 60 ? 0.97 : age < 70 ? 0.9 : age < 80 ? 0.75 : 0.45;
        if (rng.chance(mobile)) {
            long prefix = Long.parseLong(MOBILE_PREFIXES[rng.pick(MOBILE_CUM)]);
            w.phone[p] = prefix * 100_000_000L + rng.nextInt(100_000_000);
        } else if (age >= 45 && rng.chance(0.4)) {
            // A landline in Jilin City (area code 0432): eight digits, stored negated.
            w.phone[p] = -(60_000_000L + rng.nextInt(9_999_999));
        }
    }

    private void career(int p) {
        boolean urban = w.map.communityUrban[w.hhCommunity[w.household[p]]];
        int x = rng.nextInt(100);
        byte c;
        if (urban && Dates.year(w.birth[p]) < 1965) {
            // The planned economy employed nearly every townsman in a state or collective enterprise.
            c = x < 73 ? World.CAREER_ENTERPRISE : x < 86 ? World.CAREER_INSTITUTION : x < 93 ? World.CAREER_INFORMAL
                    : World.CAREER_NONE;
        } else if (urban) {
            c = x < 63 ? World.CAREER_ENTERPRISE : x < 75 ? World.CAREER_INSTITUTION : x < 92 ? World.CAREER_INFORMAL
                    : World.CAREER_NONE;
        } else {
            c = x < 20 ? World.CAREER_ENTERPRISE : x < 24 ? World.CAREER_INSTITUTION : x < 96 ? World.CAREER_FARMER
                    : World.CAREER_NONE;
        }
        if (w.hhKind[w.household[p]] == PopulationBuilder.HH_WORK_INJURY_WIDOWED && w.relation[p] == World.REL_HEAD) {
            // The surviving spouse who qualifies for a dependent's benefit lived on the worker's wage.
            c = World.CAREER_NONE;
        }
        w.career[p] = c;
        if (c == World.CAREER_ENTERPRISE || c == World.CAREER_INSTITUTION) {
            boolean institution = c == World.CAREER_INSTITUTION;
            boolean cadre = !w.male[p] && (institution || rng.chance(0.4));
            boolean arduous = !institution && !cadre && rng.chance(0.06);
            w.retireDay[p] = retirementDay(w.birth[p], w.male[p], cadre, arduous);
        }
    }

    /**
     * First day of the month after the person reaches the (reformed) legal pension age. Women
     * cadres and institution staff retire at 55, other women at 50; people in arduous jobs
     * (特殊工种) five years earlier, without the reform's delay.
     */
    static int retirementDay(int birth, boolean male, boolean cadre, boolean arduous) {
        int born = Dates.monthOrdinal(birth);
        int years;
        int delay = 0;
        if (male) {
            years = arduous ? 55 : 60;
            if (!arduous && born >= REFORM_MEN) {
                delay = Math.min(36, (born - REFORM_MEN) / 4 + 1);
            }
        } else {
            years = cadre ? 55 : arduous ? 45 : 50;
            if (cadre && born >= REFORM_WOMEN_55) {
                delay = Math.min(36, (born - REFORM_WOMEN_55) / 4 + 1);
            } else if (!cadre && !arduous && born >= REFORM_WOMEN_50) {
                delay = Math.min(60, (born - REFORM_WOMEN_50) / 2 + 1);
            }
        }
        return Dates.plusMonthsFirst(birth, years * 12 + delay + 1);
    }

    private void employment(int p) {
        int age = w.age(p, w.t0);
        byte c = w.career[p];
        boolean student = age >= 6 && (age < 18 || age < 22 && rng.chance(0.45));
        if (student) {
            w.flags[p] |= World.F_STUDENT;
        }
        int eighteen = Dates.birthday(w.birth[p], 18);
        if (c == World.CAREER_ENTERPRISE || c == World.CAREER_INSTITUTION) {
            boolean pub = c == World.CAREER_INSTITUTION;
            int careerStart = Math.max(eighteen, Dates.birthday(w.birth[p], student ? 22 : 19));
            if (w.retireDay[p] <= w.t0) {
                // Retired: the last employer, whose employee-pension enrollment ended at retirement.
                int e = w.employers.pick(rng, w.map.countyOf(w.hhCommunity[w.household[p]]), pub, w.retireDay[p] - 365);
                if (e >= 0) {
                    w.prevEmployer[p] = e;
                    w.prevStart[p] = Math.max(Math.max(careerStart, w.employers.founded[e]),
                            w.retireDay[p] - 365 * rng.between(3, 30));
                    w.prevEnd[p] = w.retireDay[p];
                    w.flags[p] |= World.F_PREV_INSURED;
                }
                w.flags[p] |= World.F_RETIREE_MEDICAL;
                return;
            }
            if (student || careerStart >= w.t0 || !rng.chance(pub ? 0.96 : 0.86)) {
                return;
            }
            hire(p, pub, careerStart);
        } else if (c == World.CAREER_INFORMAL && age >= 18 && age < 60 && !student && rng.chance(0.3)) {
            hire(p, false, eighteen);
        } else if (c == World.CAREER_FARMER && age >= 18 && age < 60 && !student && rng.chance(0.06)) {
            hire(p, false, eighteen);
        }
    }

    private void hire(int p, boolean pub, int earliest) {
        int county = w.map.countyOf(w.hhCommunity[w.household[p]]);
        int e = w.employers.pick(rng, county, pub, w.t0 - 30);
        if (e < 0) {
            return;
        }
        int from = Math.max(earliest, w.employers.founded[e]);
        int span = Math.max(1, w.t0 - 1 - from);
        // Tenure is skewed short: many joined their current employer in the last few years.
        double u = rng.nextDouble();
        int start = w.t0 - 1 - (int) (span * u * u);
        w.employer[p] = e;
        w.jobStart[p] = start;
        if (start - from > 700 && rng.chance(0.35)) {
            int prev = w.employers.pick(rng, county, pub, start - 400);
            if (prev >= 0 && prev != e) {
                w.prevEmployer[p] = prev;
                w.prevEnd[p] = start - rng.between(0, 120);
                w.prevStart[p] = Math.max(Math.max(from, w.employers.founded[prev]), w.prevEnd[p] - rng.between(200, 3000));
                if (w.prevStart[p] >= w.prevEnd[p]) {
                    w.prevEmployer[p] = -1;
                    w.prevStart[p] = Dates.NEVER;
                    w.prevEnd[p] = Dates.NEVER;
                } else if (w.employers.registered[prev] && w.employers.registeredOn[prev] < w.prevEnd[p] && rng.chance(0.9)) {
                    w.flags[p] |= World.F_PREV_INSURED;
                }
            }
        }
        if (w.employers.registered[e] && (w.employers.isPublic(e) || rng.chance(0.91))) {
            w.flags[p] |= World.F_INSURED_JOB;
        }
        if (w.employers.industry[e] == Employers.CONSTRUCTION) {
            w.flags[p] |= World.F_CONSTRUCTION;
        }
        if (w.employers.isPublic(e) && rng.chance(0.8)) {
            w.flags[p] |= World.F_STAFFED;
        }
    }

    private void schemes(int p) {
        int age = w.age(p, w.t0);
        boolean urban = w.map.communityUrban[w.hhCommunity[w.household[p]]];
        boolean employeeMedical = w.has(p, World.F_INSURED_JOB) || w.has(p, World.F_RETIREE_MEDICAL);
        boolean uninsuredWorker = w.employer[p] >= 0 && !w.has(p, World.F_INSURED_JOB);
        if (!employeeMedical) {
            double medical = age == 0 ? 0.65 : uninsuredWorker ? 0.5 : urban ? 0.88 : 0.93;
            if (rng.chance(medical)) {
                w.flags[p] |= urban ? World.F_RES_MEDICAL : World.F_NCMS;
            }
        }
        boolean pensionable = age >= 16 && !w.has(p, World.F_STUDENT) && !w.has(p, World.F_INSURED_JOB)
                && !(w.retireDay[p] <= w.t0 && w.has(p, World.F_PREV_INSURED));
        boolean widowedSpouse = w.hhKind[w.household[p]] == PopulationBuilder.HH_WORK_INJURY_WIDOWED
                && w.relation[p] == World.REL_HEAD;
        if (pensionable && !uninsuredWorker && !widowedSpouse) {
            double p60 = w.career[p] == World.CAREER_FARMER ? 0.86 : 0.74;
            if (rng.chance(age >= 60 ? p60 + 0.06 : p60 - 0.1)) {
                w.flags[p] |= World.F_RES_PENSION;
            }
        }
    }

    private void conditions(int p) {
        int age = w.age(p, w.t0);
        boolean urban = w.map.communityUrban[w.hhCommunity[w.household[p]]];
        double disabled = age < 18 ? 0.005 : age < 60 ? 0.02 : age < 70 ? 0.04 : age < 80 ? 0.07 : 0.12;
        if (rng.chance(disabled)) {
            w.disabledDay[p] = w.t0 - rng.between(30, 3650);
        }
        double sick = age < 60 ? 0.01 : age < 80 ? 0.05 : 0.11;
        if (rng.chance(sick)) {
            w.flags[p] |= World.F_SICK;
        }
        if (age >= 79 && rng.chance(0.9)) {
            w.flags[p] |= World.F_ALLOWANCE;
        }
        if (age >= 64 && rng.chance(urban ? 0.72 : 0.25)) {
            w.flags[p] |= World.F_BUS_CARD;
        }
        if (age >= 92 && w.career[p] == World.CAREER_INSTITUTION && rng.chance(0.5)) {
            w.flags[p] |= World.F_LIXIU;
        }
    }

    /** 低保 and 特困 support: about 3 % of households, more among rural and elderly ones. */
    private void relief() {
        for (int h = 0; h < w.households; h++) {
            rng.seed(w.seed, Streams.CAREER, h, 1);
            int head = w.hhHead[h];
            if (head < 0) {
                continue;
            }
            boolean rural = !w.map.communityUrban[w.hhCommunity[h]];
            byte kind = w.hhKind[h];
            double p = (rural ? 0.035 : 0.02) * (kind == PopulationBuilder.HH_ELDER_SINGLE ? 2.0 : 1.0)
                    * (kind == PopulationBuilder.HH_WORK_INJURY_WIDOWED ? 0.5 : 1.0);
            if (!rng.chance(p)) {
                continue;
            }
            boolean special = kind == PopulationBuilder.HH_ELDER_SINGLE && rng.chance(0.25);
            for (int m = head; m < w.persons && w.household[m] == h; m++) {
                w.flags[m] |= World.F_RELIEF | (special ? World.F_SPECIAL_RELIEF : 0);
            }
        }
    }

    private void recipients(int[] deceasedWorkers) {
        Recipients r = new Recipients();
        w.recipients = r;
        IntList injurable = new IntList();
        for (int p = 0; p < w.persons; p++) {
            if (w.has(p, World.F_DECEASED_WORKER)) {
                continue;
            }
            rng.seed(w.seed, Streams.RECIPIENT, p, 0);
            int age = w.age(p, w.t0);
            byte c = w.career[p];
            if ((c == World.CAREER_ENTERPRISE || c == World.CAREER_INSTITUTION) && w.retireDay[p] <= w.t0
                    && w.has(p, World.F_PREV_INSURED)) {
                boolean institution = c == World.CAREER_INSTITUTION;
                int i = r.add(p, institution ? Recipients.INSTITUTION_PENSION : Recipients.ENTERPRISE_PENSION);
                r.start[i] = w.retireDay[p];
                long base = institution ? 420_000 + rng.nextInt(300_000) : 190_000 + rng.nextInt(160_000);
                if (w.male[p]) {
                    base += rng.nextInt(institution ? 60_000 : 40_000);
                }
                if (rng.chance(0.08)) {
                    base += rng.nextInt(institution ? 400_000 : 300_000);
                }
                r.amountCents[i] = base;
                if (institution) {
                    r.employer[i] = w.prevEmployer[p];
                }
            } else if (age >= 60 && w.has(p, World.F_RES_PENSION)) {
                int i = r.add(p, Recipients.RESIDENT_PENSION);
                r.start[i] = Math.max(Dates.plusMonthsFirst(w.birth[p], 721), Dates.day(2011, 7, 1));
                r.amountCents[i] = 14_300 + rng.nextInt(16_000);
            } else if (c == World.CAREER_ENTERPRISE && w.retireDay[p] > w.t0 && age >= 25
                    && (w.employer[p] < 0 || w.has(p, World.F_INSURED_JOB))) {
                injurable.add(p);
            }
        }
        workInjuries(r, injurable);
        for (int i = 0; i < r.count; i++) {
            w.recipient[r.person[i]] = i;
        }
        for (int worker : deceasedWorkers) {
            dependents(r, worker);
        }
        for (int i = 0; i < r.count; i++) {
            finish(r, i);
        }
    }

    /**
     * Long-term work-injury benefits (grades 1–4 draw a disability allowance of 90/85/80/75 % of
     * their wage until retirement): about 1.4 per thousand residents, at least three, chosen by a
     * keyed ranking of enterprise workers so that even a small city has some.
     */
    private void workInjuries(Recipients r, IntList injurable) {
        int quota = Math.max(3, (int) Math.round(w.targetResidents * 0.0014));
        long[] keys = new long[injurable.size()];
        for (int k = 0; k < keys.length; k++) {
            int p = injurable.get(k);
            keys[k] = (Rng.hash(w.seed, Streams.RECIPIENT, p, 9) >>> 25) << 25 | p;
        }
        java.util.Arrays.sort(keys);
        for (int k = 0; k < Math.min(quota, keys.length); k++) {
            int p = (int) (keys[k] & ((1 << 25) - 1));
            rng.seed(w.seed, Streams.RECIPIENT, p, 10);
            int i = r.add(p, Recipients.WORK_INJURY);
            int grade = 1 + rng.nextInt(4);
            int since = Math.max(Dates.birthday(w.birth[p], 20), w.t0 - rng.between(200, 20 * 365));
            r.start[i] = Dates.plusMonthsFirst(since, 1);
            r.grade[i] = grade;
            long wage = 350_000 + rng.nextInt(400_000);
            r.amountCents[i] = wage * (95 - 5 * grade) / 100;
            w.disabledDay[p] = Math.min(w.disabledDay[p], since);
            if (w.employer[p] >= 0) {
                w.prevEmployer[p] = w.employer[p];
                w.prevStart[p] = w.jobStart[p];
                w.prevEnd[p] = Math.max(w.jobStart[p] + 1, since);
                w.employer[p] = -1;
                w.jobStart[p] = Dates.NEVER;
                w.flags[p] &= ~(World.F_INSURED_JOB | World.F_CONSTRUCTION | World.F_STAFFED);
                w.flags[p] |= World.F_PREV_INSURED;
            }
        }
    }

    /**
     * Who of the dead worker's household qualifies (因工死亡职工供养亲属范围规定): a spouse who is
     * a man of 60, a woman of 55 or unable to work; children, grandchildren and siblings under 18
     * or unable to work; parents and others of those ages.
     */
    private void dependents(Recipients r, int worker) {
        int h = w.household[worker];
        rng.seed(w.seed, Streams.RECIPIENT, worker, 1);
        long wage = 400_000 + rng.nextInt(400_000);
        int deathMonth = Dates.plusMonthsFirst(w.death[worker], 1);
        int first = r.count;
        for (int p = w.hhHead[h]; p < w.persons && w.household[p] == h; p++) {
            if (p == worker || w.recipient[p] >= 0 || w.employer[p] >= 0) {
                // A relative with a pension or a job of their own does not live on the worker's
                // support; a working dependent would have lost the benefit already (CERT-9).
                continue;
            }
            byte relation = switch (w.relation[p]) {
                case World.REL_HEAD -> Recipients.SPOUSE;
                case World.REL_CHILD -> Recipients.CHILD;
                case World.REL_GRANDCHILD -> Recipients.GRANDCHILD;
                case World.REL_SIBLING -> Recipients.SIBLING;
                case World.REL_PARENT -> Recipients.PARENT;
                default -> Recipients.OTHER;
            };
            int age = w.age(p, w.t0);
            boolean disabled = w.disabledOn(p, w.t0);
            if ((relation == Recipients.CHILD || relation == Recipients.SIBLING) && age >= 18 && rng.chance(0.3)) {
                w.disabledDay[p] = Math.min(w.disabledDay[p], w.death[worker]);
                disabled = true;
            }
            int eligibleFrom;
            if (relation == Recipients.SPOUSE || relation == Recipients.PARENT || relation == Recipients.OTHER) {
                int legalAge = w.male[p] ? 60 : 55;
                eligibleFrom = disabled ? deathMonth : Math.max(deathMonth, Dates.plusMonthsFirst(w.birth[p], legalAge * 12));
                if (age < legalAge && !disabled) {
                    continue;
                }
            } else {
                if (age >= 18 && !disabled) {
                    continue;
                }
                eligibleFrom = deathMonth;
            }
            int i = r.add(p, Recipients.DEPENDENT);
            r.relation[i] = relation;
            r.worker[i] = worker;
            r.start[i] = eligibleFrom;
            r.amountCents[i] = wage * (relation == Recipients.SPOUSE ? 40 : 30) / 100;
        }
        long total = 0;
        for (int i = first; i < r.count; i++) {
            total += r.amountCents[i];
        }
        if (total > wage) {
            // The dependents' benefits together may not exceed the worker's wage: scale down.
            for (int i = first; i < r.count; i++) {
                r.amountCents[i] = r.amountCents[i] * wage / total;
            }
        }
    }

    private void finish(Recipients r, int i) {
        int p = r.person[i];
        rng.seed(w.seed, Streams.RECIPIENT, p, 2 + r.kind[i]);
        w.recipient[p] = i;
        w.flags[p] |= World.F_AGENCY;
        r.amountCents[i] += rng.nextInt(100);
        int bank = rng.pick(BANK_CUM);
        long body = BANK_BINS[bank] * 1_000_000_000_000L + (long) rng.nextInt(1_000_000) * 1_000_000L + rng.nextInt(1_000_000);
        r.bankAccount[i] = body * 10 + luhn(body);
        int county = w.map.countyOf(w.hhCommunity[w.household[p]]);
        r.payingCounty[i] = rng.chance(0.03) ? rng.nextInt(w.map.counties()) : county;
        int dayBefore = w.startDay - 1;
        int cert;
        int x = rng.nextInt(100);
        if (x < 80) {
            cert = dayBefore - rng.nextInt(365);
        } else if (x < 92) {
            cert = dayBefore - 365 - rng.nextInt(300);
        } else {
            cert = dayBefore - rng.nextInt(60);
        }
        if (r.isDependent(i) && w.age(p, w.startDay) < 16) {
            cert = r.start[i];
        }
        r.lastCertified[i] = Math.min(dayBefore, Math.max(cert, r.start[i]));
        if (r.kind[i] == Recipients.WORK_INJURY) {
            w.disabledDay[p] = Math.min(w.disabledDay[p], r.start[i]);
        }
        if (rng.chance(0.012)) {
            w.flags[p] |= World.F_NO_FACE;
        }
    }

    static int luhn(long body) {
        int sum = 0;
        boolean dbl = true;
        for (long v = body; v > 0; v /= 10) {
            int d = (int) (v % 10);
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return (10 - sum % 10) % 10;
    }

    /** Sets the agency flag for everyone with any enrollment, current or past. */
    void markAgency() {
        int any = World.F_INSURED_JOB | World.F_PREV_INSURED | World.F_RES_PENSION | World.F_RES_MEDICAL | World.F_NCMS
                | World.F_RETIREE_MEDICAL;
        for (int p = 0; p < w.persons; p++) {
            if ((w.flags[p] & any) != 0 && !w.has(p, World.F_DECEASED_WORKER)) {
                w.flags[p] |= World.F_AGENCY;
            }
        }
    }
}
