package org.vigil.registry.internal;

import java.nio.CharBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.vigil.identity.IdKeyTable;
import org.vigil.identity.IdKeys;
import org.vigil.identity.Gender;
import org.vigil.identity.PersonName;
import org.vigil.identity.RegionCode;
import org.vigil.identity.ResidentId;
import org.vigil.registry.Candidate;
import org.vigil.registry.CandidateQuery;
import org.vigil.registry.MatchReason;
import org.vigil.registry.PersonIndex;
import org.vigil.registry.PersonSummary;

/**
 * The person index as parallel primitive arrays: a person is a number, and each field is one
 * array indexed by it. A million persons take about 82 MiB (see docs/performance.md) where an
 * object per person with Strings and a LocalDate would take several times that and put a million
 * objects in front of the garbage collector.
 *
 * <p>Three lookups, each without scanning the persons:
 * <ul>
 *   <li>by ID: the packed ID ({@link IdKeys}) in an open-addressing table;</li>
 *   <li>by sound: sound key → distinct names → persons, two levels of compressed lists, because
 *       many people share a name (a million synthetic persons had about 213,000 names);</li>
 *   <li>by birth date: persons sorted by birth day, with the first position of every day, so a
 *       range of days is a slice.</li>
 * </ul>
 */
final class InMemoryPersonIndex implements PersonIndex {

    static final byte MALE = 0;
    static final byte FEMALE = 1;

    private static final long[] TEN_TO = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L,
        100_000_000L, 1_000_000_000L, 10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L};
    private static final int REGION_DIGITS = 12;
    private static final Comparator<Scored> BEST_FIRST =
            Comparator.comparingInt((Scored s) -> -s.score()).thenComparingLong(Scored::idKey);

    private final Instant takenAt;
    private final int size;

    // per person
    private final long[] idKeys;
    private final long[] personNumbers;
    private final int[] nameOf;
    private final byte[] genders;
    private final int[] birthDays;
    private final long[] regions;

    private final IdKeyTable byId;

    // distinct normalised names: text in one char pool, and their persons
    private final char[] namePool;
    private final int[] nameStart;
    private final int[] personsOfNameStart;
    private final int[] personsByName;

    // sound key hash → key number → names filed under it
    private final IdKeyTable soundKeys;
    private final int[] namesOfSoundStart;
    private final int[] namesBySound;

    // persons in birth-day order; dayStart[d - firstDay] is the position of the first born on day d
    private final int firstDay;
    private final int[] dayStart;
    private final int[] personsByBirth;

    InMemoryPersonIndex(Instant takenAt, int size, long[] idKeys, long[] personNumbers, int[] nameOf, byte[] genders, int[] birthDays,
            long[] regions, IdKeyTable byId, char[] namePool, int[] nameStart, int[] personsOfNameStart,
            int[] personsByName, IdKeyTable soundKeys, int[] namesOfSoundStart, int[] namesBySound, int firstDay,
            int[] dayStart, int[] personsByBirth) {
        this.takenAt = takenAt;
        this.size = size;
        this.idKeys = idKeys;
        this.personNumbers = personNumbers;
        this.nameOf = nameOf;
        this.genders = genders;
        this.birthDays = birthDays;
        this.regions = regions;
        this.byId = byId;
        this.namePool = namePool;
        this.nameStart = nameStart;
        this.personsOfNameStart = personsOfNameStart;
        this.personsByName = personsByName;
        this.soundKeys = soundKeys;
        this.namesOfSoundStart = namesOfSoundStart;
        this.namesBySound = namesBySound;
        this.firstDay = firstDay;
        this.dayStart = dayStart;
        this.personsByBirth = personsByBirth;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Instant takenAt() {
        return takenAt;
    }

    @Override
    public int indexOf(ResidentId id) {
        return byId.get(IdKeys.of(id));
    }

    @Override
    public void indexOfAll(ResidentId[] ids, int[] out) {
        if (out.length < ids.length) {
            throw new IllegalArgumentException("out holds " + out.length + " numbers for " + ids.length + " IDs");
        }
        long[] keys = new long[Math.min(ids.length, IdKeyTable.BATCH)];
        for (int from = 0; from < ids.length; from += keys.length) {
            int count = Math.min(keys.length, ids.length - from);
            for (int i = 0; i < count; i++) {
                ResidentId id = ids[from + i];
                keys[i] = id == null ? 0 : IdKeys.of(id);
            }
            byId.getAll(keys, count, out, from);
        }
    }

    @Override
    public Optional<PersonSummary> find(ResidentId id) {
        int index = indexOf(id);
        return index < 0 ? Optional.empty() : Optional.of(person(index));
    }

    @Override
    public PersonSummary person(int index) {
        return new PersonSummary(index, idNumber(index), name(index), gender(index), birthDate(index),
                regionCode(index));
    }

    @Override
    public long personNumber(int index) {
        return personNumbers[checked(index)];
    }

    @Override
    public String idNumber(int index) {
        return IdKeys.unpack(idKeys[checked(index)]);
    }

    @Override
    public String name(int index) {
        int name = nameOf[checked(index)];
        return new String(namePool, nameStart[name], nameStart[name + 1] - nameStart[name]);
    }

    @Override
    public Gender gender(int index) {
        return genders[checked(index)] == MALE ? Gender.MALE : Gender.FEMALE;
    }

    @Override
    public LocalDate birthDate(int index) {
        return LocalDate.ofEpochDay(birthDays[checked(index)]);
    }

    @Override
    public RegionCode regionCode(int index) {
        String digits = Long.toString(regions[checked(index)]);
        // Province codes start at 11, so a 12-digit code never loses a leading zero.
        return RegionCode.parse(digits).orElseThrow();
    }

    /**
     * The pool is gathered from the names that sound like the query's and from the persons born on
     * its date (or near it, without a name). Every pooled person is scored once: persons come
     * first from the names, then from the birth days, skipping those whose name was already pooled.
     */
    @Override
    public List<Candidate> candidates(CandidateQuery query, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        int wantedGender = query.gender().map(g -> g == Gender.MALE ? (int) MALE : (int) FEMALE).orElse(-1);
        int day = query.birthDate().map(d -> (int) d.toEpochDay()).orElse(Integer.MIN_VALUE);
        long regionPrefix = -1;
        int regionDigits = 0;
        if (query.region().isPresent()) {
            RegionCode region = query.region().get();
            regionDigits = region.level().significantDigits();
            regionPrefix = Long.parseLong(region.value().substring(0, regionDigits));
        }

        int[] names = soundAlike(query.name().orElse(null));
        int exactName = query.name().map(n -> exactName(names, n)).orElse(-1);

        List<Scored> pool = new ArrayList<>();
        for (int name : names) {
            int nameBits = name == exactName ? bit(MatchReason.EXACT_NAME) : bit(MatchReason.SAME_NAME_SOUND);
            for (int k = personsOfNameStart[name]; k < personsOfNameStart[name + 1]; k++) {
                score(personsByName[k], nameBits, wantedGender, day, regionPrefix, regionDigits, pool);
            }
        }
        if (day != Integer.MIN_VALUE) {
            // With a name, a different-sounding name needs the exact birth date to be worth a look;
            // without one, the birth date is all there is, so a slip of a few days is allowed.
            int reach = query.name().isPresent() ? 0 : NEAR_BIRTH_DAYS;
            int from = Math.max(day - reach - firstDay, 0);
            int to = Math.min(day + reach - firstDay, dayStart.length - 2);
            if (from <= to) {
                for (int k = dayStart[from]; k < dayStart[to + 1]; k++) {
                    int person = personsByBirth[k];
                    if (Arrays.binarySearch(names, nameOf[person]) < 0) {
                        score(person, 0, wantedGender, day, regionPrefix, regionDigits, pool);
                    }
                }
            }
        }

        pool.sort(BEST_FIRST);
        int n = Math.min(limit, pool.size());
        List<Candidate> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Scored s = pool.get(i);
            result.add(new Candidate(person(s.person()), s.score(), reasons(s.reasons())));
        }
        return List.copyOf(result);
    }

    /** The numbers of the distinct names filed under any of the query name's sound keys, sorted. */
    private int[] soundAlike(PersonName name) {
        if (name == null) {
            return new int[0];
        }
        int[] found = new int[16];
        int count = 0;
        for (String variant : SoundKeys.variants(name)) {
            int key = soundKeys.get(SoundKeys.hash(variant));
            if (key < 0) {
                continue;
            }
            for (int k = namesOfSoundStart[key]; k < namesOfSoundStart[key + 1]; k++) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = namesBySound[k];
            }
        }
        int[] sorted = Arrays.copyOf(found, count);
        Arrays.sort(sorted);
        int unique = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[unique++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, unique);
    }

    /** The one name among {@code names} written exactly as {@code name}, or -1. */
    private int exactName(int[] names, PersonName name) {
        String text = name.value();
        for (int candidate : names) {
            int start = nameStart[candidate];
            int length = nameStart[candidate + 1] - start;
            if (length == text.length() && text.contentEquals(CharBuffer.wrap(namePool, start, length))) {
                return candidate;
            }
        }
        return -1;
    }

    private void score(int person, int nameBits, int wantedGender, int day, long regionPrefix, int regionDigits,
            List<Scored> pool) {
        if (wantedGender >= 0 && genders[person] != wantedGender) {
            return;
        }
        int bits = nameBits;
        if (day != Integer.MIN_VALUE) {
            int distance = Math.abs(birthDays[person] - day);
            if (distance == 0) {
                bits |= bit(MatchReason.SAME_BIRTH_DATE);
            } else if (distance <= NEAR_BIRTH_DAYS) {
                bits |= bit(MatchReason.NEAR_BIRTH_DATE);
            }
        }
        if (bits == 0) {
            return;
        }
        if (regionDigits > 0) {
            bits |= regionBits(regions[person], regionPrefix, regionDigits);
        }
        int score = 0;
        for (MatchReason r : MatchReason.values()) {
            if ((bits & bit(r)) != 0) {
                score += r.points();
            }
        }
        pool.add(new Scored(person, idKeys[person], score, bits));
    }

    /** The finest level at which the person's 12-digit code shares the query's region, none finer than the query. */
    private static int regionBits(long personRegion, long queryPrefix, int queryDigits) {
        if (shares(personRegion, queryPrefix, queryDigits, REGION_DIGITS)) {
            return bit(MatchReason.SAME_COMMUNITY);
        }
        if (shares(personRegion, queryPrefix, queryDigits, 9)) {
            return bit(MatchReason.SAME_STREET);
        }
        if (shares(personRegion, queryPrefix, queryDigits, 6)) {
            return bit(MatchReason.SAME_DISTRICT);
        }
        if (shares(personRegion, queryPrefix, queryDigits, 4)) {
            return bit(MatchReason.SAME_CITY);
        }
        return 0;
    }

    /** Whether the first {@code digits} digits agree, when the query has at least that many. */
    private static boolean shares(long personRegion, long queryPrefix, int queryDigits, int digits) {
        if (queryDigits < digits) {
            return false;
        }
        return personRegion / TEN_TO[REGION_DIGITS - digits] == queryPrefix / TEN_TO[queryDigits - digits];
    }

    private static int bit(MatchReason reason) {
        return 1 << reason.ordinal();
    }

    private static EnumSet<MatchReason> reasons(int bits) {
        EnumSet<MatchReason> set = EnumSet.noneOf(MatchReason.class);
        for (MatchReason r : MatchReason.values()) {
            if ((bits & bit(r)) != 0) {
                set.add(r);
            }
        }
        return set;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("person " + index + " of " + size);
        }
        return index;
    }

    private record Scored(int person, long idKey, int score, int reasons) {
    }
}
