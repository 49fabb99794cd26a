package org.vigil.simulator.internal;

/**
 * Surnames and given names of a north-eastern Chinese city, and the ways department files garble
 * them. A person's name is held as a surname index and up to two given-name characters packed in
 * an int ({@code first << 16 | second}, second 0 for a one-character name), so a million names
 * cost 6 MB and no String until written.
 *
 * <p>Surname weights (per 10,000) follow the national ranking of the Ministry of Public Security's
 * name reports (王, 李, 张, 刘, 陈 about 30 % together), shifted towards the north-east: 陈, 黄 and
 * 林 are rarer there, 于, 孙, 赵, 曲, 隋, 姜 more common. Korean (朝鲜族) and Manchu (满族)
 * households draw from their own lists. Given names follow the fashions of each birth period.
 */
final class NameBook {

    static final String[] SURNAMES = {
        "王", "李", "张", "刘", "赵", "杨", "孙", "陈", "于", "徐", "高", "马", "周", "吴", "郭", "朱", "董", "韩",
        "宋", "姜", "田", "胡", "何", "郑", "林", "黄", "谢", "罗", "梁", "尹", "崔", "金", "关", "那", "佟", "白",
        "吕", "冯", "邓", "许", "沈", "曹", "彭", "袁", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘",
        "杜", "戴", "夏", "钟", "汪", "任", "姚", "谭", "邹", "熊", "陆", "郝", "孔", "常", "万", "秦", "段", "雷",
        "侯", "龙", "史", "陶", "贺", "顾", "毛", "邵", "孟", "苏", "齐", "隋", "鞠", "曲", "付", "范", "方", "石",
        "唐", "程", "庞", "单", "解", "仇", "欧阳", "司马", "上官", "朴", "富", "赫", "肇", "索", "郎", "傅", "申",
        "权", "安", "洪", "伊", "柳", "章", "盖", "矫", "栾", "衣", "初", "修", "宫", "牟", "车", "廉", "闫", "谷",
    };

    private static final int[] HAN_WEIGHTS = {
        900, 800, 780, 620, 330, 290, 280, 200, 220, 190, 180, 170, 160, 150, 140, 130, 120, 120,
        120, 120, 100, 90, 80, 80, 50, 60, 50, 40, 70, 50, 50, 40, 30, 8, 20, 70,
        70, 80, 40, 80, 50, 70, 40, 50, 40, 30, 60, 60, 70, 40, 30, 40, 30, 40,
        60, 30, 30, 20, 20, 60, 50, 20, 30, 20, 30, 60, 40, 50, 30, 40, 40, 30,
        60, 20, 40, 30, 30, 30, 30, 40, 60, 60, 40, 30, 20, 50, 60, 50, 40, 60,
        50, 50, 20, 20, 10, 10, 5, 2, 2, 0, 5, 3, 3, 3, 8, 15, 3,
        2, 5, 10, 3, 15, 5, 10, 8, 10, 8, 15, 10, 15, 15, 10, 3, 40, 20,
    };

    private static final int[] HAN_CUM = Rng.cumulative(HAN_WEIGHTS);
    private static final int[] KOREAN_CUM = weightsFor(
            "金", 300, "李", 150, "朴", 120, "崔", 100, "郑", 50, "姜", 40, "赵", 40, "尹", 30, "张", 30, "韩", 30,
            "吴", 20, "申", 20, "权", 20, "安", 20, "洪", 10, "宋", 20, "林", 20, "黄", 20, "柳", 10, "许", 10);
    private static final int[] MANCHU_CUM = weightsFor(
            "关", 150, "佟", 100, "那", 80, "金", 80, "王", 100, "赵", 100, "富", 50, "何", 50, "吴", 50, "常", 40,
            "白", 40, "郎", 30, "赫", 30, "肇", 30, "索", 30, "伊", 20, "傅", 20, "刘", 50, "李", 50, "张", 50);

    /** Birth periods whose naming fashions differ: before 1950, 1950–64, 1965–79, 1980–94, 1995–2009, from 2010. */
    private static final int[] PERIOD_STARTS = {1950, 1965, 1980, 1995, 2010};

    private static final String[][] MALE_FULL = {
        words("玉林 福山 德才 长海 宝山 振海 庆祥 凤山 永福 春生 文华 国栋 树林 万福 殿臣 景山 树森 广才 德明 连生"),
        words("建国 国庆 建华 国华 志强 建军 振华 国栋 卫东 卫国 跃进 立新 长江 建平 德胜 宝林 庆丰 永胜 金山 学文"),
        words("志刚 海涛 建伟 永刚 志勇 宏伟 晓东 海峰 立军 红岩 国强 建新 洪涛 立伟 云峰 春雷 振宇 宏亮 长春 铁军"),
        words("鹏飞 浩然 宇航 文博 天宇 俊杰 晓东 海洋 志伟 建伟 博文 思远 立明 宇鹏 明轩 振东 家兴 一鸣 子健 鑫磊"),
        words("浩宇 子豪 宇轩 俊熙 浩然 博文 天翊 子轩 皓轩 嘉豪 明哲 家乐 一凡 梓航 宇航 泽宇 佳豪 思源 晨阳 睿哲"),
        words("奕辰 宇轩 浩宇 亦辰 宇辰 子墨 沐辰 浩然 梓睿 子骞 铭泽 俊熙 梓豪 锦程 沐阳 皓轩 承泽 景行 睿泽 一航"),
    };
    private static final String[][] FEMALE_FULL = {
        words("秀英 桂英 淑珍 玉兰 桂兰 凤兰 秀兰 淑兰 玉珍 凤英 素珍 桂芝 秀珍 淑芬 玉芝 玉荣 桂荣 秀芝 凤芝 淑贤"),
        words("秀兰 淑华 丽华 秀云 桂芝 玉梅 凤琴 淑梅 桂香 秀荣 红梅 秀华 淑琴 玉华 丽娟 凤霞 桂梅 秀梅 淑云 春兰"),
        words("丽娜 红梅 丽萍 海燕 晓梅 春燕 艳红 雪梅 丽娟 秀梅 冬梅 凤霞 艳华 玉红 淑娟 丽丽 晓红 丽艳 春艳 红艳"),
        words("婷婷 丹丹 晓丽 佳慧 雪莹 思雨 欣然 晶晶 美玲 丽娜 晓燕 海燕 雪梅 春雪 佳琪 文静 晓雪 丽莎 佳丽 明月"),
        words("欣怡 梓涵 雨萱 诗琪 佳怡 思雨 雨彤 可欣 佳琪 子涵 梦琪 欣妍 雨欣 思彤 紫涵 晓彤 嘉欣 静怡 心怡 雅琪"),
        words("一诺 依诺 欣怡 梓涵 语桐 若汐 可馨 诗涵 雨桐 梓萱 沐晴 芷若 子涵 安琪 思琪 梦瑶 语嫣 欣妍 清妍 佳怡"),
    };
    private static final String[] MALE_FIRST = {
        "玉福德长宝振庆永春文树广景殿万志连明希喜",
        "建国志振卫立长宝庆德永学明文树春洪金胜新",
        "志海建永宏晓立红国洪云春振长德铁利东雪俊",
        "鹏浩宇文天俊晓海志建博思立明振家一子泽佳宏金鑫嘉",
        "浩子宇俊博天皓嘉明家一梓泽佳思鑫晨文志铭瑞睿锦",
        "奕宇浩亦子沐梓一铭俊锦皓承景睿思嘉煜博宸",
    };
    private static final String[] MALE_SECOND = {
        "林山才海祥福生华栋森臣贵财顺成田有发江武",
        "国华军平民强林东明生杰忠新才成海山江龙武",
        "刚涛伟勇东峰军岩强新亮宇雷明波斌辉华生林",
        "飞然航博宇杰东洋伟文远明轩鹏兴鸣健涛峰磊龙超阳辉",
        "宇豪轩熙然文翊哲乐凡航源磊阳涛博琦鹏晨杰铭睿楷森",
        "辰轩宇墨然睿骞泽熙豪程阳行航铭宸霖川远恒",
    };
    private static final String[] MALE_SINGLE = {
        "福贵富林山祥发财",
        "军平伟强明忠斌勇刚杰林东海峰",
        "伟刚勇军强斌杰涛明超辉波华平东峰磊鹏力健",
        "磊鹏超鑫宇浩帅博亮阳龙杰强斌旭健昊震野楠",
        "浩宇博阳鑫航晨帅哲凯琦硕然超旭昊杰鹏鸣睿",
        "轩辰睿泽宸浩宇博铭锐航阳煜霖哲晨皓恒琛骁",
    };
    private static final String[] FEMALE_FIRST = {
        "秀桂淑玉凤素翠金银春彩",
        "秀淑丽桂玉凤红春翠素金美爱丹",
        "丽红海晓春艳雪秀冬凤玉淑金美桂彩亚丹",
        "婷丹晓佳雪思欣晶美丽海春文梦雨诗慧明月秀冬亚宏",
        "欣梓雨诗佳思可子梦紫晓嘉静心雅若语书婉",
        "一依欣梓语若可诗雨沐芷子安思梦清佳知书念",
    };
    private static final String[] FEMALE_SECOND = {
        "英兰珍芝荣芬贤琴云霞花香梅莲清",
        "兰华云芝梅琴香荣霞娟英芳珍杰萍玲艳",
        "娜梅萍燕红华娟丽霞艳玲杰君敏静英芳莉颖茹",
        "婷丹丽慧莹雨然晶玲娜燕梅雪琪静莉萍颖蕊楠洁宇月微璐",
        "怡涵萱琪彤欣妍雨淇瑶婷然琳悦菲月汐璐洁宁",
        "诺怡涵桐汐馨萱晴若琪瑶嫣妍冉宁希悦然苒夏",
    };
    private static final String[] FEMALE_SINGLE = {
        "英兰珍芝",
        "红英华梅兰霞萍玲芳杰",
        "丽红梅艳霞燕静敏娟英玲洁颖娜丹莉芳萍华杰",
        "爽丹娜雪静颖莹琳璐楠鑫蕾娇倩薇慧婷晶佳瑶",
        "悦琪彤萱涵琳瑶妍婷晴璐菲洁蕊倩爽雪蕾莹颖",
        "诺萱涵悦冉琪瑶妍晴桐汐馨希宁然怡彤菲玥朵",
    };
    /** Share of one-character given names by period: rare before 1950, common 1965–94, rare again now. */
    private static final double[] SINGLE_SHARE = {0.08, 0.20, 0.35, 0.30, 0.12, 0.08};
    private static final String[] KOREAN_MALE = words("成哲 光浩 英哲 永浩 东哲 明浩 正男 成浩 学哲 龙洙 哲");
    private static final String[] KOREAN_FEMALE = words("英姬 顺姬 美玉 明淑 贞淑 英爱 春花 美兰 顺玉 玉姬 善花");

    /** Characters that sound alike and are mixed up when a name is taken down by ear. */
    private static final char[][] HOMOPHONES = new char[0x10000][];
    /** Traditional forms, as older systems and handwritten forms keep them. */
    private static final char[] TRADITIONAL = new char[0x10000];

    static {
        String[] groups = {
            "晓小", "明鸣铭", "丽莉", "伟玮炜", "军君俊", "华桦骅", "红宏鸿", "秀绣", "英瑛", "兰岚", "珍贞", "芳方",
            "燕艳雁", "涛韬", "斌彬", "波博", "东冬", "峰锋丰", "刚钢", "霞侠", "敏民", "玲琳伶", "娟鹃", "梅玫",
            "萍苹平", "杰洁", "婷亭", "颖莹", "磊蕾", "鹏朋", "辉晖", "凤风", "桂贵", "玉钰", "志智", "建健", "文雯",
            "宇雨", "子梓", "涵晗", "轩萱", "浩昊", "欣心新", "怡宜", "静婧", "淑书", "春纯", "云芸", "海凯",
            "张章", "王汪", "刘柳", "杨阳", "徐许", "于余俞", "吴伍", "李黎", "赵肇", "孙荪", "陈程", "林琳",
            "周舟", "郑正", "冯峰", "付傅", "曲屈", "隋随", "姜江", "韩寒", "宫龚", "闫阎颜",
        };
        for (String g : groups) {
            for (int i = 0; i < g.length(); i++) {
                char[] others = new char[g.length() - 1];
                for (int j = 0, k = 0; j < g.length(); j++) {
                    if (j != i) {
                        others[k++] = g.charAt(j);
                    }
                }
                HOMOPHONES[g.charAt(i)] = others;
            }
        }
        String pairs = "华華国國兰蘭丽麗凤鳳红紅静靜军軍伟偉刘劉张張陈陳赵趙孙孫杨楊吴吳郑鄭冯馮宝寶东東龙龍庆慶荣榮"
                + "艳艷学學杰傑涛濤贵貴连連长長义義兴興发發胜勝强強云雲书書岚嵐凯凱鸿鴻辉輝鹏鵬娟娟玲玲梅梅"
                + "丰豐刚剛钢鋼韩韓马馬许許邓鄧冯馮郭郭苏蘇齐齊贺賀顾顧关關叶葉罗羅单單乐樂兰蘭";
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            if (pairs.charAt(i) != pairs.charAt(i + 1)) {
                TRADITIONAL[pairs.charAt(i)] = pairs.charAt(i + 1);
            }
        }
    }

    private NameBook() {
    }

    private static String[] words(String s) {
        return s.split(" ");
    }

    private static int[] weightsFor(Object... surnameWeight) {
        int[] w = new int[SURNAMES.length];
        for (int i = 0; i < surnameWeight.length; i += 2) {
            w[indexOf((String) surnameWeight[i])] = (Integer) surnameWeight[i + 1];
        }
        return Rng.cumulative(w);
    }

    static int indexOf(String surname) {
        for (int i = 0; i < SURNAMES.length; i++) {
            if (SURNAMES[i].equals(surname)) {
                return i;
            }
        }
        throw new IllegalArgumentException(surname);
    }

    static short surname(Rng rng, int ethnicity) {
        int[] cum = switch (ethnicity) {
            case Ethnicity.KOREAN -> KOREAN_CUM;
            case Ethnicity.MANCHU -> MANCHU_CUM;
            default -> HAN_CUM;
        };
        return (short) rng.pick(cum);
    }

    static int period(int birthYear) {
        int p = 0;
        while (p < PERIOD_STARTS.length && birthYear >= PERIOD_STARTS[p]) {
            p++;
        }
        return p;
    }

    /** A given name for someone of this sex born in this year, packed as two chars. */
    static int given(Rng rng, boolean male, int birthYear, int ethnicity) {
        int p = period(birthYear);
        if (ethnicity == Ethnicity.KOREAN && p <= 2 && rng.chance(0.6)) {
            return pack(pickWord(rng, male ? KOREAN_MALE : KOREAN_FEMALE));
        }
        if (rng.chance(SINGLE_SHARE[p])) {
            String pool = male ? MALE_SINGLE[p] : FEMALE_SINGLE[p];
            return pool.charAt(rng.nextInt(pool.length())) << 16;
        }
        if (rng.chance(0.5)) {
            return pack(pickWord(rng, male ? MALE_FULL[p] : FEMALE_FULL[p]));
        }
        String first = male ? MALE_FIRST[p] : FEMALE_FIRST[p];
        String second = male ? MALE_SECOND[p] : FEMALE_SECOND[p];
        char a = first.charAt(rng.nextInt(first.length()));
        char b = second.charAt(rng.nextInt(second.length()));
        if (a == b && rng.chance(0.5)) {
            return a << 16 | a;
        }
        return a << 16 | (a == b ? second.charAt((second.indexOf(b) + 1) % second.length()) : b);
    }

    private static String pickWord(Rng rng, String[] words) {
        return words[rng.nextInt(words.length)];
    }

    private static int pack(String word) {
        return word.length() == 1 ? word.charAt(0) << 16 : word.charAt(0) << 16 | word.charAt(1);
    }

    /** Writes the true name. */
    static void put(Row row, int surname, int given) {
        row.put(SURNAMES[surname]);
        row.put((char) (given >>> 16));
        char second = (char) (given & 0xFFFF);
        if (second != 0) {
            row.put(second);
        }
    }

    static String name(int surname, int given) {
        char second = (char) (given & 0xFFFF);
        String g = second == 0 ? String.valueOf((char) (given >>> 16))
                : new String(new char[] {(char) (given >>> 16), second});
        return SURNAMES[surname] + g;
    }

    /** How a name was garbled in a department file; recorded nowhere, the ingesting side must cope. */
    enum Garble { NONE, HOMOPHONE, TRADITIONAL, SPACE, DROPPED }

    /**
     * Writes the name as a department typed it: with probability {@code rate} one of the usual
     * mistakes, chosen by {@code rng}. Returns which, for tests.
     */
    static Garble putGarbled(Row row, int surname, int given, Rng rng, double rate) {
        if (rate <= 0 || !rng.chance(rate)) {
            put(row, surname, given);
            return Garble.NONE;
        }
        String s = SURNAMES[surname];
        char g1 = (char) (given >>> 16);
        char g2 = (char) (given & 0xFFFF);
        int kind = rng.nextInt(100);
        if (kind < 60) {
            // A homophone in one character: prefer the given name, where clerks err most.
            int pos = g2 != 0 && rng.chance(0.5) ? 2 : rng.chance(0.8) ? 1 : 0;
            char[] chars = {s.length() == 1 ? s.charAt(0) : 0, g1, g2};
            for (int attempt = 0; attempt < 3; attempt++) {
                int p = (pos + attempt) % 3;
                char c = chars[p];
                if (c != 0 && HOMOPHONES[c] != null) {
                    char[] alt = HOMOPHONES[c];
                    chars[p] = alt[rng.nextInt(alt.length)];
                    if (s.length() == 1) {
                        row.put(chars[0]);
                    } else {
                        row.put(s);
                    }
                    row.put(chars[1]);
                    if (chars[2] != 0) {
                        row.put(chars[2]);
                    }
                    return Garble.HOMOPHONE;
                }
            }
            put(row, surname, given);
            return Garble.NONE;
        }
        if (kind < 75) {
            boolean changed = false;
            for (int i = 0; i < s.length(); i++) {
                changed |= putTraditional(row, s.charAt(i));
            }
            changed |= putTraditional(row, g1);
            if (g2 != 0) {
                changed |= putTraditional(row, g2);
            }
            return changed ? Garble.TRADITIONAL : Garble.NONE;
        }
        if (kind < 92 || g2 == 0) {
            row.put(s).put(' ').put(g1);
            if (g2 != 0) {
                row.put(g2);
            }
            return Garble.SPACE;
        }
        row.put(s).put(g1);
        return Garble.DROPPED;
    }

    private static boolean putTraditional(Row row, char c) {
        char t = TRADITIONAL[c];
        row.put(t != 0 ? t : c);
        return t != 0;
    }
}
