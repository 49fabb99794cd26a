package org.vigil.registry.internal;

import java.util.Set;

import org.vigil.identity.NameKey;
import org.vigil.identity.PersonName;

/**
 * The keys a name is filed under for "sounds the same": every combination of its syllables'
 * toneless readings (a polyphonic character has several), written without spaces so that a name
 * typed in pinyin letters ("Zhang Xiaoming") files with 张晓明, hashed to 64 bits so the index
 * holds numbers rather than strings.
 *
 * <p>Two different keys with the same 64-bit hash are filed together; among a million keys the
 * chance that any two collide is about one in forty million, and the effect is an extra candidate
 * for the reviewer, never a lost one and never a link.
 */
final class SoundKeys {

    /**
     * At most this many reading combinations per name. A three-character name with two readings
     * per character has eight; the rare name with more polyphonic characters keeps its most usual
     * readings, which is what a clerk's input method would have typed.
     */
    static final int VARIANT_LIMIT = 16;

    private SoundKeys() {
    }

    static Set<String> variants(PersonName name) {
        return NameKey.of(name).variants(VARIANT_LIMIT);
    }

    /** FNV-1a over the characters, skipping spaces, then a finaliser to spread the bits; never 0. */
    static long hash(String variant) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < variant.length(); i++) {
            char c = variant.charAt(i);
            if (c == ' ') {
                continue;
            }
            h ^= c;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}
