package org.vigil.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * Romanises Chinese characters to toneless Hanyu Pinyin, for comparing names that are spelled
 * differently but sound the same (张晓明 and 张小明). Vigil's own interface, so the library
 * behind it can be replaced without touching the modules that compare names.
 *
 * <p>Readings are lower case, without tones, with ü written {@code v} (lv, nv), so 吕 (lv) and
 * 卢 (lu) stay apart.
 */
public interface PinyinRomanizer {

    /**
     * Every reading of one character, the most common first and without duplicates; empty when the
     * code point is not a Han character or its reading is unknown.
     */
    List<String> readings(int codePoint);

    /**
     * The readings of each code point of a personal name, in order (one list per code point, empty
     * for non-Han code points). Implementations apply surname readings to the leading character or
     * characters, where the reading differs from the everyday one (曾 zeng, 单 shan, 尉迟 yu chi).
     */
    default List<List<String>> nameReadings(CharSequence name) {
        List<List<String>> result = new ArrayList<>(name.length());
        name.codePoints().forEach(cp -> result.add(readings(cp)));
        return result;
    }
}
