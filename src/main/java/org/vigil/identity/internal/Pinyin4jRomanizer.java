package org.vigil.identity.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

import org.vigil.identity.PinyinRomanizer;

/**
 * {@link PinyinRomanizer} over pinyin4j, which knows every reading of a character but not which
 * one a surname takes; the surname table below supplies that. Readings are cached per character,
 * because name matching romanises the same few thousand characters millions of times.
 */
public final class Pinyin4jRomanizer implements PinyinRomanizer {

    private static final int CACHE_FROM = 0x3400;
    private static final int CACHE_TO = 0x9FFF;

    /**
     * Surnames read differently from the character's everyday reading, the surname reading first.
     * A second reading is listed where both are in real use as a surname (盖 ge/gai, 乐 yue/le).
     * Compound surnames map to one list per character; those that are also a single surname
     * followed by a common given-name character (单于, 乐正) are left out, as the single reading is
     * far more frequent.
     */
    private static final Map<String, List<List<String>>> SURNAMES = new HashMap<>();

    static {
        single("曾", "zeng");
        single("单", "shan");
        single("解", "xie");
        single("仇", "qiu");
        single("区", "ou");
        single("朴", "piao");
        single("查", "zha");
        single("盖", "ge", "gai");
        single("乐", "yue", "le");
        single("覃", "qin", "tan");
        single("尉", "wei", "yu");
        single("缪", "miao");
        single("翟", "zhai", "di");
        single("秘", "bi");
        single("宿", "su");
        single("繁", "po");
        single("召", "shao");
        single("种", "chong");
        single("员", "yun");
        single("贲", "ben");
        single("句", "gou");
        single("能", "nai");
        single("折", "she");
        single("重", "chong");
        single("阚", "kan");
        single("褚", "chu");
        single("洗", "xian");
        single("莘", "shen");
        single("隗", "wei");
        single("眭", "sui");
        single("牟", "mou", "mu");
        single("车", "che");
        single("藏", "zang");
        single("长", "chang");
        single("沈", "shen");
        single("柏", "bai", "bo");
        single("费", "fei", "bi");
        single("薄", "bo");
        single("燕", "yan");
        single("纪", "ji");
        single("祭", "zhai");
        single("逄", "pang");
        single("郇", "huan", "xun");
        single("粘", "nian");
        single("叶", "ye");
        single("万", "wan");
        single("贾", "jia");
        single("尚", "shang");
        single("都", "du");
        single("曲", "qu");
        single("黑", "he");
        single("和", "he");
        single("石", "shi");
        single("行", "xing", "hang");
        compound("尉迟", "yu", "chi");
        compound("万俟", "mo", "qi");
        compound("长孙", "zhang", "sun");
        compound("澹台", "tan", "tai");
        compound("亓官", "qi", "guan");
        compound("令狐", "ling", "hu");
        compound("宰父", "zai", "fu");
        compound("皇甫", "huang", "fu");
        compound("谷梁", "gu", "liang");
        compound("夏侯", "xia", "hou");
        compound("诸葛", "zhu", "ge");
        compound("拓跋", "tuo", "ba");
        compound("欧阳", "ou", "yang");
        compound("上官", "shang", "guan");
    }

    private final HanyuPinyinOutputFormat format;
    private final AtomicReferenceArray<List<String>> cache = new AtomicReferenceArray<>(CACHE_TO - CACHE_FROM + 1);

    public Pinyin4jRomanizer() {
        format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
    }

    private static void single(String surname, String... readings) {
        SURNAMES.put(surname, List.of(List.of(readings)));
    }

    private static void compound(String surname, String first, String second) {
        SURNAMES.put(surname, List.of(List.of(first), List.of(second)));
    }

    /** The surname readings Vigil applies, for documentation and tests. */
    public static Map<String, List<List<String>>> surnameOverrides() {
        return Collections.unmodifiableMap(SURNAMES);
    }

    @Override
    public List<String> readings(int codePoint) {
        if (codePoint >= CACHE_FROM && codePoint <= CACHE_TO) {
            int slot = codePoint - CACHE_FROM;
            List<String> cached = cache.get(slot);
            if (cached == null) {
                cached = lookUp(codePoint);
                cache.set(slot, cached);
            }
            return cached;
        }
        return lookUp(codePoint);
    }

    private List<String> lookUp(int codePoint) {
        // pinyin4j covers the Basic Multilingual Plane only; rarer characters have no known reading.
        if (!Character.isBmpCodePoint(codePoint) || Character.UnicodeScript.of(codePoint) != Character.UnicodeScript.HAN) {
            return List.of();
        }
        String[] raw;
        try {
            raw = PinyinHelper.toHanyuPinyinStringArray((char) codePoint, format);
        } catch (BadHanyuPinyinOutputFormatCombination impossible) {
            // Only tone marks combined with 'v' are refused, and this format asks for neither.
            return List.of();
        }
        if (raw == null || raw.length == 0) {
            return List.of();
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String r : raw) {
            String letters = lettersOnly(r);
            if (!letters.isEmpty()) {
                distinct.add(letters);
            }
        }
        return List.copyOf(distinct);
    }

    /** pinyin4j writes ê as "e^"; the key only needs the letter. */
    private static String lettersOnly(String reading) {
        StringBuilder sb = new StringBuilder(reading.length());
        for (int i = 0; i < reading.length(); i++) {
            char c = reading.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public List<List<String>> nameReadings(CharSequence name) {
        String s = name.toString();
        List<List<String>> result = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> result.add(readings(cp)));
        if (s.length() >= 2) {
            List<List<String>> compound = SURNAMES.get(s.substring(0, 2));
            if (compound != null && compound.size() == 2) {
                result.set(0, compound.get(0));
                result.set(1, compound.get(1));
                return result;
            }
        }
        if (!s.isEmpty()) {
            List<List<String>> single = SURNAMES.get(s.substring(0, Character.charCount(s.codePointAt(0))));
            if (single != null) {
                result.set(0, single.get(0));
            }
        }
        return result;
    }
}
