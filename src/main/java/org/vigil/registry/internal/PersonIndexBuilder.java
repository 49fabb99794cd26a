package org.vigil.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.vigil.identity.IdKeyTable;
import org.vigil.identity.IdKeys;
import org.vigil.identity.PersonName;

/**
 * Collects persons row by row, as the snapshot query streams them, and builds the
 * {@link InMemoryPersonIndex}. Not thread-safe; one builder per snapshot.
 *
 * <p>Names repeat (a city of a million has tens or a few hundred thousand distinct names), so
 * each distinct text is normalised and romanised once; the persons keep only its number.
 */
final class PersonIndexBuilder {

    private static final int INITIAL = 1 << 12;
    private static final String WARM_UP_NAME = "張曉明";
    /** Bounds of a 12-digit code whose province (first two digits) is at least 11. */
    private static final long FIRST_REGION = 110_000_000_000L;
    private static final long LAST_REGION = 999_999_999_999L;

    private int size;
    private long[] idKeys = new long[INITIAL];
    private long[] personNumbers = new long[INITIAL];
    private int[] nameOf = new int[INITIAL];
    private byte[] genders = new byte[INITIAL];
    private int[] birthDays = new int[INITIAL];
    private long[] regions = new long[INITIAL];

    /**
     * The registry's text of a name → its number among the distinct texts. While rows stream in,
     * {@link #nameOf} holds these numbers; {@link #build} replaces them by normalised-name numbers.
     */
    private final Map<String, Integer> rawNames = new HashMap<>(INITIAL * 16);
    private final List<String> rawTexts = new ArrayList<>();

    /** Normalised name → its number. */
    private final Map<String, Integer> normalNames = new HashMap<>();
    private final StringBuilder namePool = new StringBuilder();
    private int[] nameStart = new int[INITIAL];
    private int names;

    /** Sound key text → its number; (key, name) pairs filed under it. */
    private final Map<String, Integer> soundKeyNumbers = new HashMap<>();
    private int[] pairKey = new int[INITIAL];
    private int[] pairName = new int[INITIAL];
    private int pairs;

    /**
     * Adds one person as the registry stores it, the name opened and the ID taken from the vault.
     *
     * @param person     the vault's person number
     * @param idKey      the normalised 18-character ID, packed as {@link IdKeys} packs it
     * @param name       the name as stored
     * @param male       whether the recorded sex is male
     * @param birthDay   the birth date as an epoch day
     * @param regionCode the 12-digit community code as a number
     * @throws IllegalStateException when a stored value breaks the registry's own constraints
     */
    void add(long person, long idKey, String name, boolean male, int birthDay, long regionCode) {
        if (idKey <= 0) {
            throw new IllegalStateException("registry person " + (size + 1) + " has no packed ID");
        }
        if (regionCode < FIRST_REGION || regionCode > LAST_REGION) {
            throw new IllegalStateException("registry person " + (size + 1) + " has a region code that is not 12 digits");
        }
        if (size == idKeys.length) {
            int grown = size * 2;
            idKeys = Arrays.copyOf(idKeys, grown);
            personNumbers = Arrays.copyOf(personNumbers, grown);
            nameOf = Arrays.copyOf(nameOf, grown);
            genders = Arrays.copyOf(genders, grown);
            birthDays = Arrays.copyOf(birthDays, grown);
            regions = Arrays.copyOf(regions, grown);
        }
        idKeys[size] = idKey;
        personNumbers[size] = person;
        nameOf[size] = rawNumber(name);
        genders[size] = male ? InMemoryPersonIndex.MALE : InMemoryPersonIndex.FEMALE;
        birthDays[size] = birthDay;
        regions[size] = regionCode;
        size++;
    }

    /** How many distinct name texts the rows had. */
    int distinctNames() {
        return rawTexts.size();
    }

    InMemoryPersonIndex build(Instant takenAt) {
        int n = size;
        int[] nameOfText = nameTexts();
        for (int p = 0; p < n; p++) {
            nameOf[p] = nameOfText[nameOf[p]];
        }

        IdKeyTable byId = new IdKeyTable(n);
        for (int p = 0; p < n; p++) {
            if (!byId.putIfAbsent(idKeys[p], p)) {
                throw new IllegalStateException("registry holds one ID number twice");
            }
        }

        int[] nameStarts = Arrays.copyOf(nameStart, names + 1);
        nameStarts[names] = namePool.length();
        char[] pool = new char[namePool.length()];
        namePool.getChars(0, pool.length, pool, 0);

        int[] personsOfNameStart = new int[names + 1];
        int[] personsByName = groupBy(nameOf, n, names, personsOfNameStart);

        int keys = soundKeyNumbers.size();
        IdKeyTable soundKeys = new IdKeyTable(keys);
        int[] sameHash = new int[keys];
        for (Map.Entry<String, Integer> e : soundKeyNumbers.entrySet()) {
            long hash = SoundKeys.hash(e.getKey());
            soundKeys.putIfAbsent(hash, e.getValue());
            sameHash[e.getValue()] = soundKeys.get(hash);
        }
        // A key whose 64-bit hash another key already has files its names with that key's (see
        // SoundKeys): a query for either then sees both, an extra candidate rather than a lost one.
        for (int i = 0; i < pairs; i++) {
            pairKey[i] = sameHash[pairKey[i]];
        }
        int[] namesOfSoundStart = new int[keys + 1];
        int[] namesBySound = groupValues(pairKey, pairName, pairs, keys, namesOfSoundStart);

        int firstDay = 0;
        int lastDay = -1;
        if (n > 0) {
            firstDay = Integer.MAX_VALUE;
            lastDay = Integer.MIN_VALUE;
            for (int p = 0; p < n; p++) {
                firstDay = Math.min(firstDay, birthDays[p]);
                lastDay = Math.max(lastDay, birthDays[p]);
            }
        }
        int[] dayOffsets = new int[n];
        for (int p = 0; p < n; p++) {
            dayOffsets[p] = birthDays[p] - firstDay;
        }
        int[] dayStart = new int[lastDay - firstDay + 2];
        int[] personsByBirth = groupBy(dayOffsets, n, lastDay - firstDay + 1, dayStart);

        return new InMemoryPersonIndex(takenAt, n, Arrays.copyOf(idKeys, n), Arrays.copyOf(personNumbers, n),
                Arrays.copyOf(nameOf, n),
                Arrays.copyOf(genders, n), Arrays.copyOf(birthDays, n), Arrays.copyOf(regions, n), byId, pool,
                nameStarts, personsOfNameStart, personsByName, soundKeys, namesOfSoundStart, namesBySound, firstDay,
                dayStart, personsByBirth);
    }

    private int rawNumber(String raw) {
        Integer known = rawNames.get(raw);
        if (known != null) {
            return known;
        }
        int number = rawTexts.size();
        rawNames.put(raw, number);
        rawTexts.add(raw);
        return number;
    }

    /**
     * Normalises and romanises every distinct text once, and numbers the normalised names: returns
     * the normalised name's number for each text's number. The work per text (opencc conversion,
     * pinyin) is the largest part of indexing, a few microseconds a name and more while the JIT
     * warms up, so it runs on all cores; the numbering after it is sequential and cheap.
     */
    private int[] nameTexts() {
        Spelling[] spellings = new Spelling[rawTexts.size()];
        // opencc4j, behind PersonName, fills its phrase dictionary on first use and lets other
        // threads read it while it fills; converting one traditional name here first means the
        // parallel workers only ever see it complete.
        PersonName.parse(WARM_UP_NAME);
        IntStream.range(0, spellings.length).parallel().forEach(i -> spellings[i] = Spelling.of(rawTexts.get(i)));
        int[] numbers = new int[spellings.length];
        for (int i = 0; i < spellings.length; i++) {
            Spelling spelling = spellings[i];
            Integer number = normalNames.get(spelling.normal());
            if (number == null) {
                number = names;
                normalNames.put(spelling.normal(), number);
                if (names + 1 >= nameStart.length) {
                    nameStart = Arrays.copyOf(nameStart, nameStart.length * 2);
                }
                nameStart[names++] = namePool.length();
                namePool.append(spelling.normal());
                fileUnderSounds(spelling.soundKeys(), number);
            }
            numbers[i] = number;
        }
        return numbers;
    }

    /*
     * A name text normalised as {@link PersonName} does, so 張曉明, 张 晓明 (with a space) and 张晓明 are one
     * name, with its sound keys without spaces. Text that is no name is kept as stored, stripped,
     * with no sound keys: such a person can then be proposed only by birth date.
     */
    private record Spelling(String normal, Set<String> soundKeys) {

        static Spelling of(String raw) {
            PersonName parsed = PersonName.parse(raw).toOptional().orElse(null);
            if (parsed == null) {
                return new Spelling(raw.strip(), Set.of());
            }
            Set<String> keys = new LinkedHashSet<>();
            for (String variant : SoundKeys.variants(parsed)) {
                // two readings that differ only in spacing ("xi an", "xian") file once
                keys.add(variant.replace(" ", ""));
            }
            return new Spelling(parsed.value(), keys);
        }
    }

    private void fileUnderSounds(Set<String> keys, int number) {
        for (String compact : keys) {
            Integer key = soundKeyNumbers.get(compact);
            if (key == null) {
                key = soundKeyNumbers.size();
                soundKeyNumbers.put(compact, key);
            }
            if (pairs == pairKey.length) {
                pairKey = Arrays.copyOf(pairKey, pairs * 2);
                pairName = Arrays.copyOf(pairName, pairs * 2);
            }
            pairKey[pairs] = key;
            pairName[pairs] = number;
            pairs++;
        }
    }

    /*
     * (A block comment, not Javadoc: Spring Modulith's Javadoc index drops the brackets of array
     * parameters and then cannot find the method.)
     * Counting sort of the items {@code 0..n-1} by {@code group[item]} (in {@code 0..groups-1}):
     * returns the items in group order and fills {@code start} (length {@code groups + 1}) with
     * where each group begins. Linear, and stable, so items stay in row order within a group.
     */
    private static int[] groupBy(int[] group, int n, int groups, int[] start) {
        return groupValues(group, null, n, groups, start);
    }

    /* As groupBy, but placing {@code value[i]} rather than {@code i} (when {@code value} is not null). */
    private static int[] groupValues(int[] group, int[] value, int n, int groups, int[] start) {
        int[] items = new int[n];
        for (int i = 0; i < n; i++) {
            start[group[i] + 1]++;
        }
        for (int g = 0; g < groups; g++) {
            start[g + 1] += start[g];
        }
        int[] next = Arrays.copyOf(start, groups);
        for (int i = 0; i < n; i++) {
            items[next[group[i]]++] = value == null ? i : value[i];
        }
        return items;
    }
}
