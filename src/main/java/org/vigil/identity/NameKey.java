package org.vigil.identity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.vigil.identity.internal.Pinyin4jRomanizer;

/**
 * How a name sounds, for fuzzy comparison: one syllable per Chinese character, toneless, each with
 * all its readings (a polyphonic character has several), and one lower-case word per run of Latin
 * letters. Department records of one person often differ by a homophone (张晓明 / 张小明) typed
 * through a pinyin input method; such names share a key.
 *
 * <p>{@link #value()} joins the first reading of each syllable ("zhang xiao ming"); two keys are
 * {@link #equals(Object) equal} when all their readings are; {@link #matches(NameKey)} is the
 * tolerant test, true when every syllable shares at least one reading.
 */
public final class NameKey {

    private final List<List<String>> syllables;
    private final String value;

    private NameKey(List<List<String>> syllables) {
        this.syllables = syllables;
        StringBuilder sb = new StringBuilder();
        for (List<String> s : syllables) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(s.get(0));
        }
        this.value = sb.toString();
    }

    /** The key of a name through the default romaniser (pinyin4j with Vigil's surname table). */
    public static NameKey of(PersonName name) {
        return of(name, defaultRomanizer());
    }

    public static NameKey of(PersonName name, PinyinRomanizer romanizer) {
        String text = name.value();
        List<List<String>> readings = romanizer.nameReadings(text);
        List<List<String>> syllables = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int index = 0;
        for (int i = 0; i < text.length(); index++) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            List<String> r = index < readings.size() ? readings.get(index) : List.of();
            if (Character.isIdeographic(cp) || !r.isEmpty()) {
                flush(word, syllables);
                // A character with no known reading still has to match itself.
                syllables.add(r.isEmpty() ? List.of(new String(Character.toChars(cp))) : List.copyOf(r));
            } else if (Character.isLetter(cp)) {
                word.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp == '\'' || cp == '\u2019' || Character.getType(cp) == Character.NON_SPACING_MARK) {
                continue; // O'Brien and OBrien are one name; accents are too often lost in transfer to count
            } else {
                flush(word, syllables);
            }
        }
        flush(word, syllables);
        return new NameKey(Collections.unmodifiableList(syllables));
    }

    private static void flush(StringBuilder word, List<List<String>> syllables) {
        if (word.length() > 0) {
            syllables.add(List.of(word.toString().toLowerCase(Locale.ROOT)));
            word.setLength(0);
        }
    }

    /** The romaniser {@link #of(PersonName)} uses, created on first use (it loads pinyin tables). */
    public static PinyinRomanizer defaultRomanizer() {
        return DefaultRomanizer.INSTANCE;
    }

    private static final class DefaultRomanizer {
        static final PinyinRomanizer INSTANCE = new Pinyin4jRomanizer();
    }

    /** The first reading of each syllable, space-separated: {@code "zhang xiao ming"}. */
    public String value() {
        return value;
    }

    /** {@link #value()} without spaces, comparable with a name written in pinyin as one word. */
    public String compact() {
        return value.replace(" ", "");
    }

    /** Each syllable's readings, the preferred first. */
    public List<List<String>> syllables() {
        return syllables;
    }

    /**
     * Whether the two names may be the same name spelled differently: the same number of syllables
     * and, at each position, a reading in common; or the same letters once spaces are ignored
     * ("Zhang Xiaoming" and 张小明).
     */
    public boolean matches(NameKey other) {
        if (syllables.size() == other.syllables.size()) {
            boolean all = true;
            for (int i = 0; i < syllables.size() && all; i++) {
                all = !Collections.disjoint(syllables.get(i), other.syllables.get(i));
            }
            if (all) {
                return true;
            }
        }
        return compact().equals(other.compact());
    }

    /**
     * The keys formed by every combination of readings, preferred first, at most {@code limit}: for
     * indexing, so a lookup by any reading finds the name.
     */
    public Set<String> variants(int limit) {
        Set<String> out = new LinkedHashSet<>();
        if (limit <= 0) {
            return out;
        }
        int[] choice = new int[syllables.size()];
        while (out.size() < limit) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < choice.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(syllables.get(i).get(choice[i]));
            }
            out.add(sb.toString());
            int pos = choice.length - 1;
            while (pos >= 0 && ++choice[pos] == syllables.get(pos).size()) {
                choice[pos] = 0;
                pos--;
            }
            if (pos < 0) {
                break;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameKey other && syllables.equals(other.syllables);
    }

    @Override
    public int hashCode() {
        return Objects.hash(syllables);
    }

    /** The key reveals the name's sound, so it is treated like the name and not printed. */
    @Override
    public String toString() {
        return "NameKey[" + syllables.size() + " syllables]";
    }
}
