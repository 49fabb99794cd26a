package org.vigil.simulator.internal;

/**
 * Builds households and their members as they stood on the first day of the warm-up. Households
 * follow the kinds a north-eastern city has (elderly alone or in couples, empty nests, small
 * nuclear families, three generations, grandparents raising a grandchild), which gives the old age
 * structure of Jilin City (Jilin Province 2021: 11.2 % aged 0–14, 65.0 % 15–59, about 24 % 60 and
 * over; the city is older than the province) and about 2.2–2.3 people per household (2.34 in the
 * province in 2020, 2.22 in 蛟河市).
 */
final class PopulationBuilder {

    static final byte HH_ELDER_SINGLE = 0;
    static final byte HH_ELDER_COUPLE = 1;
    static final byte HH_SINGLE_ADULT = 2;
    static final byte HH_EMPTY_NEST = 3;
    static final byte HH_ONE_CHILD = 4;
    static final byte HH_TWO_CHILDREN = 5;
    static final byte HH_SINGLE_PARENT = 6;
    static final byte HH_THREE_GENERATIONS = 7;
    static final byte HH_SKIPPED_GENERATION = 8;
    static final byte HH_WORK_INJURY_WIDOWED = 9;
    static final String[] KIND_NAMES = {"ELDERLY_SINGLE", "ELDERLY_COUPLE", "SINGLE_ADULT", "EMPTY_NEST", "COUPLE_ONE_CHILD",
        "COUPLE_TWO_CHILDREN", "SINGLE_PARENT", "THREE_GENERATIONS", "GRANDPARENTS_AND_GRANDCHILD", "WORK_INJURY_WIDOWED"};

    private static final int[] URBAN_KIND_CUM = Rng.cumulative(95, 150, 165, 175, 245, 52, 45, 60, 10);
    private static final int[] RURAL_KIND_CUM = Rng.cumulative(115, 185, 120, 170, 175, 72, 30, 75, 45);

    private final World w;
    private final Rng rng = new Rng();
    private int living;

    /** Deceased workers whose dependents draw a benefit, with the household they supported. */
    int[] deceasedWorkerOf;

    PopulationBuilder(World w) {
        this.w = w;
        this.deceasedWorkerOf = new int[16];
    }

    void build() {
        int target = w.targetResidents;
        int widowHouseholds = Math.max(10, target / 450);
        deceasedWorkerOf = new int[widowHouseholds];
        int h = 0;
        while (living < target) {
            rng.seed(w.seed, Streams.HOUSEHOLD, h, 0);
            int community = w.map.pickCommunity(rng);
            boolean urban = w.map.communityUrban[community];
            byte kind;
            int remaining = target - living;
            if (h < widowHouseholds && remaining > 6) {
                kind = HH_WORK_INJURY_WIDOWED;
            } else if (remaining < 6) {
                kind = rng.chance(0.5) ? HH_ELDER_SINGLE : HH_SINGLE_ADULT;
            } else {
                kind = (byte) rng.pick(urban ? URBAN_KIND_CUM : RURAL_KIND_CUM);
            }
            int hh = w.addHousehold(community, kind);
            int ethnicity = rng.pick(Ethnicity.CUM);
            switch (kind) {
                case HH_ELDER_SINGLE -> elderSingle(hh, ethnicity);
                case HH_ELDER_COUPLE -> elderCouple(hh, ethnicity);
                case HH_SINGLE_ADULT -> singleAdult(hh, ethnicity);
                case HH_EMPTY_NEST -> emptyNest(hh, ethnicity);
                case HH_ONE_CHILD -> family(hh, ethnicity, 1, false);
                case HH_TWO_CHILDREN -> family(hh, ethnicity, 2, false);
                case HH_SINGLE_PARENT -> singleParent(hh, ethnicity);
                case HH_THREE_GENERATIONS -> family(hh, ethnicity, rng.chance(0.7) ? 1 : 2, true);
                case HH_SKIPPED_GENERATION -> skipped(hh, ethnicity);
                default -> widowed(hh, ethnicity, h);
            }
            h++;
        }
    }

    /** Age in years drawn with density falling linearly from {@code lo} to {@code hi}, as survival thins the old. */
    private int agedFrom(int lo, int hi) {
        double u = rng.nextDouble();
        return lo + (int) ((hi - lo) * (1 - StrictMath.sqrt(u)));
    }

    private int birthForAge(int age) {
        return w.t0 - 1 - age * 365 - age / 4 - rng.nextInt(365);
    }

    private int person(int hh, boolean male, int age, int ethnicity, byte relation, int surname) {
        int p = w.addPerson();
        w.household[p] = hh;
        w.male[p] = male;
        w.birth[p] = birthForAge(Math.max(0, age));
        w.ethnicity[p] = (byte) ethnicity;
        w.surname[p] = surname >= 0 ? (short) surname : NameBook.surname(rng, ethnicity);
        w.given[p] = NameBook.given(rng, male, Dates.year(w.birth[p]), ethnicity);
        w.relation[p] = relation;
        w.registeredDay[p] = Integer.MIN_VALUE;
        if (relation == World.REL_HEAD) {
            w.hhHead[hh] = p;
        }
        living++;
        return p;
    }

    private void elderSingle(int hh, int eth) {
        boolean male = rng.chance(0.3);
        person(hh, male, agedFrom(male ? 62 : 60, 101), eth, World.REL_HEAD, -1);
    }

    private void elderCouple(int hh, int eth) {
        int age = agedFrom(60, 97);
        int husband = person(hh, true, age, eth, World.REL_HEAD, -1);
        person(hh, false, Math.max(52, age - rng.between(-1, 6)), eth, World.REL_SPOUSE, -1);
        if (rng.chance(0.06) && age > 75) {
            // An unmarried or divorced child in late middle age living with very old parents.
            person(hh, rng.chance(0.5), age - rng.between(24, 32), eth, World.REL_CHILD, w.surname[husband]);
        }
    }

    private void singleAdult(int hh, int eth) {
        boolean male = rng.chance(0.58);
        person(hh, male, rng.between(19, 64), eth, World.REL_HEAD, -1);
    }

    private void emptyNest(int hh, int eth) {
        int age = rng.between(44, 66);
        person(hh, true, age, eth, World.REL_HEAD, -1);
        person(hh, false, Math.max(40, age - rng.between(-1, 5)), eth, World.REL_SPOUSE, -1);
    }

    private void family(int hh, int eth, int children, boolean grandparents) {
        int mother = grandparents ? rng.between(27, 52) : rng.between(23, 58);
        int father = mother + rng.between(0, 4);
        int dad = person(hh, true, father, eth, World.REL_HEAD, -1);
        int mum = person(hh, false, mother, eth, World.REL_SPOUSE, -1);
        int first = childAge(mother);
        int childSurname = rng.chance(0.93) ? w.surname[dad] : w.surname[mum];
        person(hh, rng.chance(0.52), first, eth, World.REL_CHILD, childSurname);
        if (children > 1) {
            int second = first - rng.between(2, 9);
            if (second >= 0) {
                person(hh, rng.chance(0.5), second, eth, World.REL_CHILD, childSurname);
            }
        }
        if (grandparents) {
            boolean paternal = rng.chance(0.7);
            int base = (paternal ? father : mother) + rng.between(23, 32);
            boolean both = rng.chance(0.45);
            boolean grandpa = both || rng.chance(0.35);
            if (grandpa) {
                person(hh, true, base + rng.between(0, 3), eth, World.REL_PARENT, paternal ? w.surname[dad] : -1);
            }
            if (both || !grandpa) {
                person(hh, false, base, eth, World.REL_PARENT, -1);
            }
        }
    }

    /** A child's age for a mother of this age: born when she was 22 to 33, or younger when she is young herself. */
    private int childAge(int motherAge) {
        int age = motherAge - rng.between(22, 33);
        if (age < 0) {
            age = rng.between(0, Math.max(0, motherAge - 21));
        }
        return Math.min(31, age);
    }

    private void singleParent(int hh, int eth) {
        boolean mum = rng.chance(0.78);
        int age = rng.between(27, 55);
        int parent = person(hh, !mum, age, eth, World.REL_HEAD, -1);
        int child = Math.min(28, childAge(age));
        person(hh, rng.chance(0.5), child, eth, World.REL_CHILD, mum && rng.chance(0.7) ? -1 : w.surname[parent]);
    }

    private void skipped(int hh, int eth) {
        int age = rng.between(55, 76);
        int head = person(hh, true, age, eth, World.REL_HEAD, -1);
        if (rng.chance(0.7)) {
            person(hh, false, Math.max(50, age - rng.between(0, 5)), eth, World.REL_SPOUSE, -1);
        }
        person(hh, rng.chance(0.5), rng.between(2, 15), eth, World.REL_GRANDCHILD, w.surname[head]);
    }

    /**
     * The family of a worker killed at work: the deceased (outside the living population, died
     * years ago) and the relatives he or she supported, who now draw a dependents' benefit (CERT-1):
     * spouse, children under and over 16, sometimes a parent, a grandchild or a disabled sibling.
     */
    private void widowed(int hh, int eth, int index) {
        // The first households cover each dependent case, so even a small test city has them all.
        int shape = index % 4;
        boolean workerMale = shape == 2 || rng.chance(0.85);
        int spouseAge = shape == 2 ? rng.between(56, 68) : rng.between(34, 66);
        int yearsAgo = rng.between(1, shape == 1 ? 8 : 12);
        int spouse = person(hh, !workerMale, spouseAge, eth, World.REL_HEAD, -1);
        int worker = w.addPerson();
        w.household[worker] = hh;
        w.male[worker] = workerMale;
        int workerAge = spouseAge + (workerMale ? rng.between(0, 4) : -rng.between(0, 3));
        w.birth[worker] = birthForAge(workerAge);
        w.ethnicity[worker] = (byte) eth;
        w.surname[worker] = NameBook.surname(rng, eth);
        w.given[worker] = NameBook.given(rng, workerMale, Dates.year(w.birth[worker]), eth);
        w.relation[worker] = World.REL_SPOUSE;
        w.death[worker] = w.t0 - yearsAgo * 365 - rng.nextInt(300);
        w.flags[worker] |= World.F_DECEASED_WORKER;
        deceasedWorkerOf[index] = worker;
        int fatherSurname = w.surname[workerMale ? worker : spouse];
        // Children were born before the death, so they are at least yearsAgo old.
        if (shape == 0) {
            // A son who turns 17 in the next five months: old enough for the spring call-up.
            int son = person(hh, true, 16, eth, World.REL_CHILD, fatherSurname);
            w.birth[son] = Dates.plusMonths(w.t0, -17 * 12) + rng.nextInt(140);
        } else if (shape == 1) {
            int age = rng.between(Math.min(yearsAgo, 11), 11);
            person(hh, rng.chance(0.5), age, eth, World.REL_CHILD, fatherSurname);
        }
        int kids = rng.chance(0.6) ? 1 : 2;
        for (int k = 0; k < kids; k++) {
            int maxAge = Math.min(spouseAge - 20, 25);
            if (maxAge < yearsAgo) {
                break;
            }
            person(hh, rng.chance(0.5), rng.between(yearsAgo, maxAge), eth, World.REL_CHILD, fatherSurname);
        }
        int r = shape == 3 ? 0 : rng.nextInt(100);
        if (r < 25) {
            int age = Math.min(Math.max(workerAge, spouseAge) + rng.between(24, 30), 93);
            person(hh, rng.chance(0.4), age, eth, World.REL_PARENT, rng.chance(0.6) ? w.surname[worker] : -1);
        } else if (r < 33 && spouseAge >= 48) {
            person(hh, rng.chance(0.5), rng.between(3, 15), eth, World.REL_GRANDCHILD, fatherSurname);
        } else if (r < 37 && workerAge <= 40) {
            person(hh, rng.chance(0.5), rng.between(9, 17), eth, World.REL_SIBLING, w.surname[worker]);
        } else if (r < 39) {
            person(hh, rng.chance(0.5), rng.between(78, 92), eth, World.REL_OTHER, -1);
        }
    }

    int living() {
        return living;
    }
}
