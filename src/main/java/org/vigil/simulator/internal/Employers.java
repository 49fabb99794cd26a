package org.vigil.simulator.internal;

import java.util.HashSet;
import java.util.Set;

import org.vigil.identity.CreditCode;
import org.vigil.identity.OrganizationCode;

/**
 * The city's employers: enterprises, individual businesses and cooperatives registered with
 * market regulation (credit codes 91/92/93), public institutions and government organs registered
 * with the staffing office (12/11) and social organisations (51). Their codes are valid by
 * construction (GB 32100-2015 and GB 11714 check characters from the identity kernel); the
 * organisation code inside a credit code is a numeric one for units that existed before the 2015
 * reform and an "MA…" one for later ones, as issued in practice.
 */
final class Employers {

    static final byte ENTERPRISE = 0;
    static final byte INDIVIDUAL = 1;
    static final byte COOPERATIVE = 2;
    static final byte INSTITUTION = 3;
    static final byte ORGAN = 4;
    static final byte SOCIAL = 5;
    static final String[] KIND_NAMES = {"ENTERPRISE", "INDIVIDUAL_BUSINESS", "COOPERATIVE", "INSTITUTION", "ORGAN",
        "SOCIAL_ORGANISATION"};
    private static final String[] KIND_PREFIX = {"91", "92", "93", "12", "11", "51"};

    static final String[] INDUSTRIES = {
        "建筑工程", "化工", "机械制造", "商贸", "餐饮管理", "物流", "米业", "木业", "物业管理", "房地产开发", "医药",
        "电力设备", "化纤", "旅游开发", "农业开发", "信息技术", "汽车销售", "食品", "建材", "矿业",
    };
    static final int CONSTRUCTION = 0;
    static final int CATERING = 4;
    private static final int[] INDUSTRY_CUM = Rng.cumulative(
            12, 5, 6, 16, 8, 6, 4, 3, 6, 4, 3, 3, 3, 2, 4, 5, 4, 5, 4, 2);
    private static final String ZIHAO =
            "鑫达恒通宏泰华盛金诚瑞丰永盛北方松江江城天成德润福源兴隆昌盛吉顺远航博宇鸿运龙腾祥和泰和正大东方宏达"
            + "荣华盛世新源鼎盛益民长白雾凇北山龙潭丰满船营明珠银河万顺宝丰信达华宇嘉禾汇通";
    private static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    int count;
    String[] creditCode;
    String[] orgCode;
    String[] name;
    byte[] kind;
    byte[] industry;
    int[] county;
    int[] township;
    int[] founded;
    boolean[] registered;
    int[] registeredOn;
    /** Whether the agency records the employer's region at county (6 digits) rather than township level. */
    boolean[] countyLevelRegion;
    short[] repSurname;
    int[] repGiven;
    /** Relative size, used to draw employees. */
    int[] size;
    int[] employeesAtStart;
    int[] insuredAtStart;
    /** Founded during the simulated months: appears in the market-regulation feed only. */
    boolean[] foundedInSimulation;

    /** Per county and sector (0 enterprise-like, 1 public), cumulative size weights over employer indices. */
    int[][][] pickIndex;
    int[][][] pickCum;

    static Employers build(World w) {
        Employers e = new Employers();
        int n = Math.max(40, w.targetResidents / 80);
        int newDuringSimulation = Math.max(3, n * w.months / 600);
        e.allocate(n + newDuringSimulation);
        Rng rng = new Rng();
        Set<String> names = new HashSet<>();
        CityMap map = w.map;
        int reform = Dates.day(2015, 10, 1);
        int socialInsuranceStart = Dates.day(1996, 1, 1);
        for (int i = 0; i < n + newDuringSimulation; i++) {
            rng.seed(w.seed, Streams.EMPLOYER, i, 0);
            boolean inSimulation = i >= n;
            // The first few are small builders and restaurants that never registered, so every city has some.
            boolean forcedUnregistered = i < 3;
            int k = forcedUnregistered ? 0 : rng.nextInt(1000);
            byte kind = inSimulation ? (rng.chance(0.7) ? ENTERPRISE : INDIVIDUAL)
                    : i == 3 ? INSTITUTION : i == 4 ? ORGAN
                    : k < 780 ? ENTERPRISE : k < 860 ? INDIVIDUAL : k < 890 ? COOPERATIVE
                    : k < 960 ? INSTITUTION : k < 985 ? ORGAN : SOCIAL;
            int t = rng.nextInt(map.townships);
            int c = map.townshipCounty[t];
            e.kind[i] = kind;
            e.county[i] = c;
            e.township[i] = t;
            e.industry[i] = (byte) (kind == ENTERPRISE || kind == INDIVIDUAL ? rng.pick(INDUSTRY_CUM) : -1);
            if (kind == COOPERATIVE) {
                e.industry[i] = 14;
            }
            if (forcedUnregistered) {
                e.industry[i] = (byte) (i == 1 ? CATERING : CONSTRUCTION);
            }
            int founded;
            if (inSimulation) {
                founded = w.startDay + rng.nextInt(w.endDay - w.startDay + 1);
            } else if (kind == INSTITUTION || kind == ORGAN) {
                founded = Dates.day(1950 + rng.nextInt(50), 1 + rng.nextInt(12), 1);
            } else {
                // Most firms alive today are young: a third founded in the last decade.
                int span = w.t0 - Dates.day(1990, 1, 1);
                double u = rng.nextDouble();
                founded = w.t0 - 30 - (int) (span * u * u);
            }
            e.founded[i] = founded;
            e.foundedInSimulation[i] = inSimulation;
            e.name[i] = uniqueName(e, i, rng, map, names);
            e.repSurname[i] = NameBook.surname(rng, Ethnicity.HAN);
            e.repGiven[i] = NameBook.given(rng, rng.chance(0.75), 1960 + rng.nextInt(35), Ethnicity.HAN);
            String region = kind == ORGAN || kind == INSTITUTION || rng.chance(0.25) ? CityMap.CITY_CODE : map.countyCode(c);
            if (!region.equals(CityMap.CITY_CODE) || rng.chance(0.5)) {
                region = map.countyCode(c);
            }
            String org = organizationCode(founded < reform && kind != INDIVIDUAL, kind, rng);
            String first17 = KIND_PREFIX[kind] + region + org;
            e.orgCode[i] = org;
            e.creditCode[i] = first17 + CreditCode.checkCharacter(first17);
            // Small firms in construction and catering are the classic non-registrants (REG-4).
            double registerP = switch (kind) {
                case INSTITUTION, ORGAN -> 1.0;
                case INDIVIDUAL -> 0.55;
                case COOPERATIVE -> 0.7;
                case SOCIAL -> 0.9;
                default -> e.industry[i] == CONSTRUCTION ? 0.82 : e.industry[i] == CATERING ? 0.86 : 0.95;
            };
            e.registered[i] = !inSimulation && !forcedUnregistered && rng.chance(registerP);
            e.registeredOn[i] = e.registered[i]
                    ? Math.min(w.t0 - 1, Math.max(founded, socialInsuranceStart + rng.nextInt(900)) + rng.nextInt(75))
                    : Dates.NEVER;
            e.countyLevelRegion[i] = rng.chance(0.3);
            e.size[i] = inSimulation ? 0 : forcedUnregistered ? 8 + rng.nextInt(20) : size(kind, rng);
        }
        e.count = n + newDuringSimulation;
        e.index(map.counties());
        return e;
    }

    private void allocate(int n) {
        creditCode = new String[n];
        orgCode = new String[n];
        name = new String[n];
        kind = new byte[n];
        industry = new byte[n];
        county = new int[n];
        township = new int[n];
        founded = new int[n];
        registered = new boolean[n];
        registeredOn = new int[n];
        countyLevelRegion = new boolean[n];
        repSurname = new short[n];
        repGiven = new int[n];
        size = new int[n];
        employeesAtStart = new int[n];
        insuredAtStart = new int[n];
        foundedInSimulation = new boolean[n];
    }

    /** Heavy-tailed: most employers have a handful of staff, a few (chemical works, hospitals) thousands. */
    private static int size(byte kind, Rng rng) {
        double u = 1.0 - rng.nextDouble();
        double alpha = kind == INSTITUTION || kind == ORGAN ? 0.9 : 1.15;
        int min = kind == INDIVIDUAL ? 1 : kind == INSTITUTION || kind == ORGAN ? 8 : 3;
        double s = min / StrictMath.pow(u, 1.0 / alpha);
        return (int) Math.min(s, kind == INDIVIDUAL ? 12 : 6000);
    }

    private static String organizationCode(boolean numeric, byte kind, Rng rng) {
        char[] body = new char[8];
        if (numeric) {
            body[0] = kind == ORGAN ? '0' : kind == INSTITUTION ? '4' : (char) ('5' + rng.nextInt(3));
            for (int i = 1; i < 8; i++) {
                body[i] = (char) ('0' + rng.nextInt(10));
            }
        } else {
            body[0] = 'M';
            body[1] = 'A';
            for (int i = 2; i < 8; i++) {
                body[i] = CODE_CHARS.charAt(rng.nextInt(CODE_CHARS.length()));
            }
        }
        String s = new String(body);
        return s + OrganizationCode.checkCharacter(s);
    }

    private static String uniqueName(Employers e, int i, Rng rng, CityMap map, Set<String> taken) {
        for (int attempt = 0; ; attempt++) {
            String n = candidateName(e, i, rng, map, attempt);
            if (taken.add(n)) {
                return n;
            }
        }
    }

    private static String candidateName(Employers e, int i, Rng rng, CityMap map, int attempt) {
        int c = e.county[i];
        int t = e.township[i];
        String countyName = map.countyNames[c];
        String place = rng.chance(0.6) ? "吉林市" : countyName;
        String zihao = zihao(rng);
        if (attempt > 3) {
            zihao = zihao + zihao(rng).charAt(0);
        }
        if (attempt >= 40) {
            return place + zihao + "经营部（" + (i + 1) + "）";
        }
        if (attempt >= 6) {
            // Crowded name spaces fall back to the sub-units every township has.
            switch (e.kind[i]) {
                case ORGAN:
                    return countyName + map.townshipName[t] + new String[] {"派出所", "司法所", "财政所", "劳动保障事务所",
                        "市场监督管理所", "自然资源所"}[rng.nextInt(6)];
                case SOCIAL:
                    return countyName + zihao + "协会";
                case INSTITUTION:
                    return map.townshipName[t] + zihao + "幼儿园";
                default:
                    break;
            }
        }
        switch (e.kind[i]) {
            case INSTITUTION: {
                int k = rng.nextInt(10);
                int no = 1 + rng.nextInt(60);
                return switch (k) {
                    case 0, 1, 2 -> (rng.chance(0.4) ? "吉林市" : countyName) + "第" + chineseNumber(no) + "中学";
                    case 3, 4 -> countyName + "第" + chineseNumber(no) + "小学校";
                    case 5 -> map.townshipName[t] + (map.townshipUrban[t] ? "社区卫生服务中心" : "卫生院");
                    case 6 -> countyName + new String[] {"人民医院", "中医院", "妇幼保健院", "疾病预防控制中心"}[rng.nextInt(4)];
                    case 7 -> "吉林市" + new String[] {"中心医院", "人民医院", "第二人民医院", "广播电视台", "图书馆", "博物馆"}[rng.nextInt(6)];
                    case 8 -> map.townshipName[t] + new String[] {"农业技术推广站", "中心小学校", "文化站", "林业站"}[rng.nextInt(4)];
                    default -> countyName + zihao + "幼儿园";
                };
            }
            case ORGAN: {
                String[] bureaus = {"财政局", "教育局", "公安局", "民政局", "人力资源和社会保障局", "住房和城乡建设局",
                    "农业农村局", "卫生健康局", "市场监督管理局", "交通运输局", "水利局", "统计局", "司法局", "应急管理局"};
                return switch (rng.nextInt(3)) {
                    case 0 -> map.townshipUrban[t] ? countyName + map.townshipName[t] + "办事处"
                            : countyName + map.townshipName[t] + "人民政府";
                    case 1 -> "吉林市" + bureaus[rng.nextInt(bureaus.length)];
                    default -> countyName + bureaus[rng.nextInt(bureaus.length)];
                };
            }
            case SOCIAL:
                return "吉林市" + new String[] {"老年人协会", "慈善总会", "书法家协会", "个体劳动者协会", "残疾人福利基金会",
                    "物流协会", "餐饮行业协会", "青年创业促进会"}[rng.nextInt(8)] + (attempt > 0 ? map.countyNames[c] + "分会" : "");
            case COOPERATIVE:
                return countyName + zihao + new String[] {"水稻种植", "玉米种植", "食用菌", "养殖", "蔬菜种植", "农机"}[rng.nextInt(6)]
                        + "专业合作社";
            case INDIVIDUAL:
                return map.countyNames[c] + zihao + new String[] {"饭店", "超市", "五金商店", "汽车修理部", "美容美发店", "烧烤店",
                    "装饰材料商店", "药店", "粮油店", "理发店"}[rng.nextInt(10)];
            default:
                String suffix = rng.chance(0.08) ? "股份有限公司" : rng.chance(0.5) ? "有限公司" : "有限责任公司";
                return place + zihao + INDUSTRIES[e.industry[i]] + suffix;
        }
    }

    private static String zihao(Rng rng) {
        int k = rng.nextInt(ZIHAO.length() / 2);
        return ZIHAO.substring(2 * k, 2 * k + 2);
    }

    static String chineseNumber(int n) {
        String digits = "零一二三四五六七八九";
        if (n < 10) {
            return String.valueOf(digits.charAt(n));
        }
        if (n < 20) {
            return "十" + (n % 10 == 0 ? "" : digits.charAt(n % 10));
        }
        return digits.charAt(n / 10) + "十" + (n % 10 == 0 ? "" : String.valueOf(digits.charAt(n % 10)));
    }

    boolean isPublic(int i) {
        return kind[i] == INSTITUTION || kind[i] == ORGAN;
    }

    private void index(int counties) {
        pickIndex = new int[counties][2][];
        pickCum = new int[counties][2][];
        for (int c = 0; c < counties; c++) {
            for (int s = 0; s < 2; s++) {
                int m = 0;
                for (int i = 0; i < count; i++) {
                    if (county[i] == c && (isPublic(i) ? 1 : 0) == s && !foundedInSimulation[i]) {
                        m++;
                    }
                }
                int[] idx = new int[m];
                int[] w = new int[m];
                m = 0;
                for (int i = 0; i < count; i++) {
                    if (county[i] == c && (isPublic(i) ? 1 : 0) == s && !foundedInSimulation[i]) {
                        idx[m] = i;
                        w[m++] = Math.max(1, size[i]);
                    }
                }
                pickIndex[c][s] = idx;
                pickCum[c][s] = Rng.cumulative(w);
            }
        }
    }

    /** An employer for a worker living in {@code county}: mostly in the same county. */
    int pick(Rng rng, int county, boolean publicSector, int hiredBy) {
        int s = publicSector ? 1 : 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            int c = attempt < 3 && rng.chance(0.75) ? county : rng.nextInt(pickIndex.length);
            int[] idx = pickIndex[c][s];
            if (idx.length == 0) {
                continue;
            }
            int e = idx[rng.pick(pickCum[c][s])];
            if (founded[e] <= hiredBy) {
                return e;
            }
        }
        // Small cities have few public employers: look in every county before giving up.
        int start = rng.nextInt(pickIndex.length);
        for (int k = 0; k < pickIndex.length; k++) {
            int c = (start + k) % pickIndex.length;
            int[] idx = pickIndex[c][s];
            if (idx.length > 0) {
                int e = idx[rng.pick(pickCum[c][s])];
                if (founded[e] <= hiredBy) {
                    return e;
                }
            }
        }
        return -1;
    }
}
