package org.vigil.simulator.internal;

import java.util.ArrayList;
import java.util.List;

import org.vigil.identity.Region;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;

/**
 * The geography of the simulated city: Jilin City's nine real districts and counties, their real
 * streets and towns from the identity kernel's division table, and the communities (社区) and
 * villages (村) below them, which no public table lists and which are therefore synthesised:
 * urban streets get residents' committees numbered from 001, towns a seat community or two and
 * villages numbered from 201, following the statistical code convention (居委会 001–199,
 * 村委会 200–399).
 */
final class CityMap {

    static final String CITY_CODE = "220200";
    static final String[] COUNTY_CODES = {
        "220202", "220203", "220204", "220211", "220221", "220281", "220282", "220283", "220284"};
    /**
     * Approximate population shares (per mille). The districts hold about half of the city; of the
     * counties, 蛟河市 counted 328,925 people in 2020, about 9 % of the city's 3,623,713.
     */
    private static final int[] COUNTY_WEIGHTS = {190, 115, 125, 80, 100, 91, 105, 110, 84};

    private static final String[] URBAN_NAMES = (
            "东山 向阳 新华 光华 和平 民主 胜利 解放 团结 建设 文化 青年 临江 江湾 松江 北山 南山 江南 江北 站前 "
            + "通江 延安 莲花 兴华 文庙 德胜 大东 北极 致和 黄旗 泰山 石井 沿丰 建华 红旗 明华 永安 长安 河南 河北 "
            + "新农 福安 东宁 滨河 环城 北城 南城 启新 幸福 阳光 紫光 金城 世纪 锦绣 丽景 怡园 碧水 翠湖 学府 铁路 "
            + "化工 电力 纺织 造纸 水泥 东升 新立 春光 昌盛 康乐 和顺 吉祥 繁荣 安居 双龙 江畔 西关 东关 南关 北关").split(" ");
    private static final String[] RURAL_NAMES = (
            "长胜 红光 前进 太平 东升 永安 兴隆 三合 四合 五里 双河 靠山 榆树 柳树 杨木 柞木 东兴 西兴 大房身 "
            + "小城子 二道沟 三道沟 沙河子 烧锅 新立 新发 永丰 富强 平安 光明 东风 前锋 友谊 团山 黄家 王家 李家 "
            + "张家 刘家 孙家 赵家 于家 高家 马家 大岗 小岗 腰屯 前屯 后屯 东屯 西屯 南沟 北沟 大荒地 二道河 三道河 "
            + "石头 岭前 岭后 新屯 老屯 苇子沟 榆木桥 土门子 东岗 西岗 北岗 南岗 大顶子 五家子 六家子 七家子 八家子 "
            + "双庙 三家子 四间房 五间房 碾子沟 蘑菇 椴木 松树 青沟 红石 平顶 亮子 团结 胜利 和平 民主 联合").split(" ");
    private static final String[] ROADS = (
            "解放大路 吉林大街 北京路 重庆路 天津街 河南街 长春路 松江中路 遵义东路 珲春街 越山路 中兴街 光华路 "
            + "东市场路 江湾路 青岛街 桃源路 吉林街 黄河路 昌邑街 延安路 沈阳街 新华街 民主路 合肥路 深圳街 "
            + "大连路 厦门街 建设街 文化路 站前路 北山路 德胜路 致和街 临江门路 通潭大路 龙潭大街 丰满路").split(" ");
    static final String[] GROUPS = "一 二 三 四 五 六 七 八 九 十 十一 十二".split(" ");

    final String[] countyNames = new String[COUNTY_CODES.length];

    final int townships;
    final String[] townshipCode;
    final String[] townshipName;
    final int[] townshipCounty;
    final boolean[] townshipUrban;

    final int communities;
    /** 12-digit codes as strings, shared by every row that names them. */
    final String[] communityCode;
    final String[] communityName;
    final int[] communityTownship;
    final boolean[] communityUrban;
    private final int[] communityCum;

    CityMap(long seed) {
        RegionDirectory directory = RegionDirectory.standard();
        List<String> tCode = new ArrayList<>();
        List<String> tName = new ArrayList<>();
        List<Integer> tCounty = new ArrayList<>();
        List<Boolean> tUrban = new ArrayList<>();
        for (int c = 0; c < COUNTY_CODES.length; c++) {
            RegionCode county = RegionCode.parse(COUNTY_CODES[c]).orElseThrow();
            countyNames[c] = directory.find(county).map(Region::name)
                    .orElseThrow(() -> new IllegalStateException("division table lacks " + county.value()));
            for (Region t : directory.children(county)) {
                String name = t.name();
                if (name.contains("开发区") || name.contains("工业区") || name.contains("特殊") || name.contains("示范区")) {
                    continue;
                }
                boolean urban = name.endsWith("街道");
                if (!urban && !name.endsWith("镇") && !name.endsWith("乡")) {
                    continue;
                }
                tCode.add(t.code().value());
                tName.add(name);
                tCounty.add(c);
                tUrban.add(urban);
            }
        }
        if (tCode.isEmpty()) {
            throw new IllegalStateException("the division table has no streets or towns for Jilin City");
        }
        townships = tCode.size();
        townshipCode = tCode.toArray(new String[0]);
        townshipName = tName.toArray(new String[0]);
        townshipCounty = tCounty.stream().mapToInt(Integer::intValue).toArray();
        townshipUrban = new boolean[townships];
        for (int i = 0; i < townships; i++) {
            townshipUrban[i] = tUrban.get(i);
        }

        // Township weights: a county's share split over its townships, streets denser than towns.
        double[] countyTotal = new double[COUNTY_CODES.length];
        double[] tWeight = new double[townships];
        Rng rng = new Rng();
        for (int t = 0; t < townships; t++) {
            rng.seed(seed, Streams.GEOGRAPHY, t, 0);
            tWeight[t] = (townshipUrban[t] ? 1.6 : 1.0) * (0.6 + 0.8 * rng.nextDouble());
            countyTotal[townshipCounty[t]] += tWeight[t];
        }

        List<String> cCode = new ArrayList<>();
        List<String> cName = new ArrayList<>();
        List<Integer> cTown = new ArrayList<>();
        List<Boolean> cUrban = new ArrayList<>();
        List<Integer> cWeight = new ArrayList<>();
        for (int t = 0; t < townships; t++) {
            rng.seed(seed, Streams.GEOGRAPHY, t, 1);
            double share = COUNTY_WEIGHTS[townshipCounty[t]] * tWeight[t] / countyTotal[townshipCounty[t]];
            int urbanCount = townshipUrban[t] ? rng.between(6, 14) : rng.between(1, 2);
            int villageCount = townshipUrban[t] ? 0 : rng.between(8, 18);
            int[] order = shuffled(URBAN_NAMES.length, rng);
            for (int k = 0; k < urbanCount; k++) {
                cCode.add(townshipCode[t] + pad3(k + 1));
                cName.add(URBAN_NAMES[order[k]] + "社区");
                cTown.add(t);
                cUrban.add(true);
                cWeight.add(weight(share, urbanCount + villageCount * 0.6, townshipUrban[t] ? 1.0 : 1.8, rng));
            }
            order = shuffled(RURAL_NAMES.length, rng);
            for (int k = 0; k < villageCount; k++) {
                cCode.add(townshipCode[t] + pad3(201 + k));
                cName.add(RURAL_NAMES[order[k]] + "村");
                cTown.add(t);
                cUrban.add(false);
                cWeight.add(weight(share, urbanCount + villageCount * 0.6, 0.6, rng));
            }
        }
        communities = cCode.size();
        communityCode = cCode.toArray(new String[0]);
        communityName = cName.toArray(new String[0]);
        communityTownship = cTown.stream().mapToInt(Integer::intValue).toArray();
        communityUrban = new boolean[communities];
        int[] w = new int[communities];
        for (int i = 0; i < communities; i++) {
            communityUrban[i] = cUrban.get(i);
            w[i] = cWeight.get(i);
        }
        communityCum = Rng.cumulative(w);
    }

    private static int weight(double townshipShare, double units, double factor, Rng rng) {
        return (int) Math.max(1, townshipShare / units * factor * (0.5 + rng.nextDouble()) * 10_000);
    }

    private static int[] shuffled(int n, Rng rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static String pad3(int v) {
        return v < 10 ? "00" + v : v < 100 ? "0" + v : Integer.toString(v);
    }

    int pickCommunity(Rng rng) {
        return rng.pick(communityCum);
    }

    int countyOf(int community) {
        return townshipCounty[communityTownship[community]];
    }

    String countyCode(int county) {
        return COUNTY_CODES[county];
    }

    int counties() {
        return COUNTY_CODES.length;
    }

    /**
     * The residence address of a household in a community; {@code variant} picks the building or
     * house number and changes when the household moves.
     */
    void putAddress(Row row, int community, long variant) {
        int t = communityTownship[community];
        long h = Rng.mix(variant * 0x9E3779B97F4A7C15L + community);
        row.put("吉林省吉林市").put(countyNames[townshipCounty[t]]).put(townshipName[t]).put(communityName[community]);
        if (communityUrban[community]) {
            row.put(ROADS[(int) Long.remainderUnsigned(h, ROADS.length)]);
            row.putDigits(1 + Long.remainderUnsigned(h >>> 8, 388)).put('号');
            row.putDigits(1 + Long.remainderUnsigned(h >>> 20, 28)).put('栋');
            row.putDigits(1 + Long.remainderUnsigned(h >>> 30, 6)).put("单元");
            row.putDigits(1 + Long.remainderUnsigned(h >>> 36, 7));
            row.putPadded(1 + Long.remainderUnsigned(h >>> 44, 4), 2).put('室');
        } else {
            row.put(GROUPS[(int) Long.remainderUnsigned(h, GROUPS.length)]).put('组');
            row.putDigits(1 + Long.remainderUnsigned(h >>> 16, 96)).put('号');
        }
    }
}
