package org.vigil.simulator.internal;

import java.util.List;

import org.vigil.simulator.internal.FeedSpec.Cadence;
import org.vigil.simulator.internal.FeedSpec.Noise;

/**
 * Every file the departments send: the four classes of SHARE-3 from the providers of SHARE-1, the
 * registry data of REG-11, and the civil-affairs and conscription records CERT-9 names for
 * dependents. Each department keeps its own habits: GBK from older Windows systems, Excel from
 * offices that compile reports by hand, its own headers and date format.
 */
final class FeedCatalog {

    private static final TextEncoding U = TextEncoding.UTF_8;
    private static final TextEncoding BOM = TextEncoding.UTF_8_BOM;
    private static final TextEncoding GBK = TextEncoding.GBK;
    private static final FileFormat CSV = FileFormat.CSV;
    private static final FileFormat XLSX = FileFormat.XLSX;

    static final List<FeedSpec> ALL = List.of(
        // ---- SHARE-3 class 1: deaths and deregistrations
        new FeedSpec("police", "公安局", "death_deregistration", "户籍死亡注销人员", 1, "SHARE-3", CSV, GBK, true,
            DateStyle.COMPACT, Cadence.MONTHLY, Noise.of(0.003, 0, 0.002, 0.001, 0, 0.005),
            h("姓名,公民身份号码,性别,出生日期,死亡日期,注销日期,注销原因,派出所")),
        new FeedSpec("civil_affairs", "民政局", "cremations", "殡仪馆火化人员", 1, "SHARE-3", CSV, GBK, true,
            DateStyle.SLASH, Cadence.MONTHLY, Noise.of(0.01, 0.03, 0.004, 0.003, 0.015, 0.005),
            h("逝者姓名,身份证号,性别,年龄,死亡日期,火化日期,殡仪馆")),
        new FeedSpec("civil_affairs", "民政局", "elderly_allowance_deaths", "高龄津贴死亡人员", 1, "SHARE-3", XLSX, U, false,
            DateStyle.EXCEL, Cadence.MONTHLY, new Noise(0.01, 0.02, 0.003, 0.002, 0, 0.01, 0.01),
            h("序号,姓名,身份证号,死亡时间,所属街道,停发月份")),
        new FeedSpec("veteran_cadres", "老干部局", "retired_cadre_deaths", "离休干部死亡人员", 1, "SHARE-3", XLSX, U, false,
            DateStyle.EXCEL, Cadence.MONTHLY, Noise.of(0.005, 0, 0, 0, 0, 0),
            h("序号,姓名,性别,身份证号,原工作单位,离休时间,去世时间")),
        new FeedSpec("medical_insurance", "医疗保障局", "death_deregistration", "医保死亡注销人员", 1, "SHARE-3", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0.001, 0, 0.003),
            h("姓名,身份证号,参保类型,死亡日期,注销日期,经办机构")),
        new FeedSpec("health", "卫生健康委员会", "death_certificates", "居民死亡医学证明", 1, "SHARE-3", CSV, U, false,
            DateStyle.SLASH_PADDED, Cadence.MONTHLY, Noise.of(0.005, 0, 0.002, 0.002, 0.005, 0.004),
            h("死者姓名,身份证件号码,性别,出生日期,死亡日期,死亡地点,死亡医学证明编号")),
        // ---- SHARE-3 class 2: sentencing and imprisonment
        new FeedSpec("court", "中级人民法院", "sentences", "判刑人员名单", 2, "SHARE-3", XLSX, U, false,
            DateStyle.EXCEL, Cadence.MONTHLY, new Noise(0.005, 0, 0.003, 0.002, 0, 0.01, 0),
            h("案号,被告人姓名,性别,身份证号码,判决日期,罪名,刑种,刑期,刑期起始日期,刑期截止日期,判决书影印件")),
        new FeedSpec("prison", "监狱管理局", "inmate_changes", "服刑人员入监释放名单", 2, "SHARE-3", CSV, GBK, true,
            DateStyle.DOT, Cadence.MONTHLY, Noise.of(0.004, 0.01, 0.002, 0.001, 0, 0.005),
            h("姓名,身份证号,变动类型,入监日期,刑期止日,释放日期,释放证明书编号,释放证明书影印件,监狱名称")),
        // ---- SHARE-3 class 3: proof of life
        new FeedSpec("police", "公安局", "exit_entry", "出入境记录", 3, "SHARE-3", CSV, GBK, true,
            DateStyle.DATETIME, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0, 0, 0.002),
            h("姓名,证件号码,出入境日期,出入境类型,证件种类,口岸")),
        new FeedSpec("hrss", "人力资源和社会保障局", "enrollment_changes", "全民参保登记变更", 3, "SHARE-3;REG-8", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.CLEAN,
            h("姓名,公民身份号码,险种,单位统一社会信用代码,单位名称,变更类型,变更日期")),
        new FeedSpec("hrss", "人力资源和社会保障局", "ssc_issuance", "社会保障卡办结", 3, "SHARE-3", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.001, 0, 0, 0, 0, 0.002),
            h("姓名,公民身份号码,社会保障卡卡号,发卡银行,办结日期")),
        new FeedSpec("medical_insurance", "医疗保障局", "settlements", "就医结算记录", 3, "SHARE-3;SHARE-4", CSV, U, false,
            DateStyle.DATETIME, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0.001, 0, 0.01),
            h("姓名,身份证号,就诊机构,就诊类型,结算时间,医疗费总额")),
        new FeedSpec("civil_affairs", "民政局", "elderly_allowance_payments", "高龄津贴发放", 3, "SHARE-3", CSV, BOM, true,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.004, 0.03, 0.002, 0.001, 0, 0.002),
            h("姓名,身份证号码,发放年月,发放标准,发放日期")),
        new FeedSpec("rail", "铁路局", "passengers", "铁路实名制乘车记录", 3, "SHARE-3", CSV, U, false,
            DateStyle.DATETIME, Cadence.MONTHLY, Noise.of(0.001, 0, 0, 0, 0, 0.003),
            h("旅客姓名,证件类型,证件号码,乘车时间,车次,发站,到站")),
        new FeedSpec("aviation", "民航机场", "passengers", "民航旅客实名记录", 3, "SHARE-3", CSV, U, false,
            DateStyle.ISO_MINUTE, Cadence.MONTHLY, Noise.of(0.001, 0, 0, 0, 0, 0.002),
            h("PSGR_NAME,CERT_TYPE,CERT_NO,FLT_DATE,FLT_NO,DEPT,ARRV")),
        new FeedSpec("bank", "银行", "counter_verifications", "柜面实名业务记录", 3, "SHARE-3;SHARE-4", CSV, BOM, true,
            DateStyle.COMPACT, Cadence.MONTHLY, Noise.of(0.003, 0.02, 0.002, 0.001, 0, 0.004),
            h("客户姓名,证件类型,证件号码,交易日期,交易时间,网点名称,业务类型,账户尾号")),
        new FeedSpec("bus", "公交集团", "elderly_card_checks", "老年卡年检记录", 3, "SHARE-3", CSV, GBK, true,
            DateStyle.SLASH, Cadence.MONTHLY, Noise.of(0.01, 0.04, 0.003, 0.002, 0, 0.005),
            h("卡号,持卡人姓名,身份证号,卡类型,年检日期,年检网点")),
        new FeedSpec("health", "卫生健康委员会", "checkups", "老年人健康体检", 3, "SHARE-3", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.005, 0, 0.002, 0.001, 0, 0.004),
            h("姓名,身份证号,体检日期,体检机构,体检类型")),
        new FeedSpec("health", "卫生健康委员会", "health_records", "健康档案随访记录", 3, "SHARE-3", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.005, 0, 0.002, 0.001, 0, 0.004),
            h("姓名,身份证号,随访日期,随访方式,签约家庭医生团队")),
        new FeedSpec("telecom", "中国移动吉林公司", "china_mobile", "实名制用户通信记录", 3, "SHARE-3;SHARE-4", CSV, U, false,
            DateStyle.COMPACT_DATETIME, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0, 0, 0),
            h("机主姓名,证件号码,手机号码,最近通话时间")),
        new FeedSpec("telecom", "中国联通吉林分公司", "china_unicom", "实名制用户活跃记录", 3, "SHARE-3;SHARE-4", CSV, GBK, true,
            DateStyle.DATETIME, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0, 0, 0),
            h("客户名称,证件号码,用户号码,最后活跃时间")),
        new FeedSpec("telecom", "中国电信吉林分公司", "china_telecom", "实名制用户使用记录", 3, "SHARE-3;SHARE-4", CSV, BOM, true,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0, 0, 0),
            h("用户姓名,身份证号,号码,最近使用日期")),
        // ---- SHARE-3 class 4: images
        new FeedSpec("police", "公安局", "id_photos", "待遇领取人员身份证照片", 4, "SHARE-3", FileFormat.JSONL, U, false,
            DateStyle.ISO, Cadence.FIRST_MONTH, Noise.CLEAN,
            h("xm,sfzh,zpgs,zp,cjrq")),
        // ---- REG-11 registry data
        new FeedSpec("police", "公安局", "household_register", "户籍人口及变动", 0, "REG-11;REG-4", CSV, GBK, true,
            DateStyle.COMPACT, Cadence.MONTHLY, Noise.of(0.0005, 0, 0, 0, 0, 0),
            h("户号,姓名,公民身份号码,性别,民族,出生日期,与户主关系,住址,行政区划代码,变动类型,变动日期")),
        new FeedSpec("education", "教育局", "students", "在校学生名册", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.FIRST_AND_SEPTEMBER, Noise.of(0.002, 0, 0.001, 0.001, 0.01, 0.002),
            h("全国学籍号,姓名,性别,出生日期,身份证号,学校名称,学段,年级")),
        new FeedSpec("civil_affairs", "民政局", "relief_recipients", "城乡低保及特困供养人员", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.QUARTERLY, Noise.of(0.004, 0.01, 0.002, 0.001, 0, 0.003),
            h("姓名,身份证号,救助类别,户主姓名,户主身份证号,所属街道,所属社区,保障人数,月保障金")),
        new FeedSpec("civil_affairs", "民政局", "marriage_registrations", "婚姻登记", 0, "REG-11;CERT-9", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0, 0, 0),
            h("登记类别,男方姓名,男方身份证号,女方姓名,女方身份证号,登记日期,登记机关")),
        new FeedSpec("civil_affairs", "民政局", "adoption_registrations", "收养登记", 0, "REG-11;CERT-9", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.002, 0, 0.001, 0, 0, 0),
            h("被收养人姓名,被收养人身份证号,被收养人出生日期,收养人姓名,收养人身份证号,收养登记日期,登记机关")),
        new FeedSpec("justice", "司法局", "prisoners", "服刑人员名册", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.QUARTERLY, Noise.of(0.003, 0.01, 0.002, 0.001, 0, 0.002),
            h("姓名,身份证号,性别,罪名,刑期起日,刑期止日,服刑场所,统计截止日期")),
        new FeedSpec("housing", "住房和城乡建设局", "construction_workers", "建筑施工企业实名制用工", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.008, 0.005, 0.004, 0.003, 0.01, 0.01),
            h("项目名称,施工企业,统一社会信用代码,姓名,身份证号,工种,进场日期")),
        new FeedSpec("health", "卫生健康委员会", "newborns", "未登记户籍新生儿出生医学证明", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.003, 0, 0.001, 0, 0, 0.003),
            h("出生医学证明编号,新生儿姓名,性别,出生日期,出生地点,母亲姓名,母亲身份证号,父亲姓名,父亲身份证号")),
        new FeedSpec("health", "卫生健康委员会", "ncms_participants", "新型农村合作医疗参合人员", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.FIRST_AND_JANUARY, Noise.of(0.005, 0.01, 0.002, 0.002, 0.002, 0.003),
            h("参合年度,姓名,身份证号,性别,所属乡镇,所属村,家庭编号")),
        new FeedSpec("tax", "税务局", "wage_income", "个人所得税扣缴明细（工资薪金）", 0, "REG-11;REG-4", CSV, U, false,
            DateStyle.MONTH, Cadence.MONTHLY, Noise.of(0.001, 0, 0.0005, 0.0005, 0, 0.001),
            h("扣缴义务人纳税人识别号,扣缴义务人名称,所得期间,姓名,证件类型,证件号码,所得项目,收入额,已扣缴税额")),
        new FeedSpec("tax", "税务局", "tax_payments", "单位缴税信息", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.CLEAN,
            h("纳税人识别号,纳税人名称,税款所属期,征收项目,实缴金额,入库日期")),
        new FeedSpec("market", "市场监督管理局", "entity_registrations", "市场主体登记信息", 0, "REG-11;REG-4", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.CLEAN,
            h("统一社会信用代码,名称,市场主体类型,法定代表人,成立日期,登记机关,住所,登记状态")),
        new FeedSpec("quality", "质量技术监督局", "organization_codes", "组织机构代码登记信息", 0, "REG-11", CSV, GBK, true,
            DateStyle.COMPACT, Cadence.FIRST_MONTH, Noise.CLEAN,
            h("组织机构代码,机构名称,机构类型,法定代表人,注册日期,地址")),
        new FeedSpec("staffing", "机构编制委员会办公室", "establishment_roster", "机关事业单位实有人员", 0, "REG-11", CSV, U, false,
            DateStyle.ISO, Cadence.QUARTERLY, Noise.of(0.002, 0, 0.001, 0, 0, 0),
            h("单位名称,统一社会信用代码,单位性质,编制类型,姓名,身份证号,入编时间")),
        new FeedSpec("military", "人民武装部", "enlistments", "批准入伍人员", 0, "CERT-9", CSV, U, false,
            DateStyle.ISO, Cadence.MONTHLY, Noise.of(0.002, 0, 0, 0, 0, 0),
            h("姓名,身份证号,性别,出生日期,入伍时间,批准入伍单位,入伍地"))
    );

    /** Community reports, one per district or county (each compiled from its streets' and communities' returns). */
    static final FeedSpec COMMUNITY = new FeedSpec("community", "街道（乡镇）、社区", "{county}", "辖区死亡及走访服务人员", 1,
            "SHARE-3", XLSX, U, false, DateStyle.EXCEL, Cadence.MONTHLY,
            new Noise(0.03, 0.05, 0.006, 0.005, 0.35, 0.015, 0.02),
            h("序号,街道,社区,姓名,性别,出生日期,身份证号,情况类别,发生日期,备注"));

    private FeedCatalog() {
    }

    private static String[] h(String csv) {
        return csv.split(",");
    }

    static FeedSpec community(String countyCode) {
        FeedSpec c = COMMUNITY;
        return new FeedSpec(c.provider(), c.providerName(), countyCode, c.title(), c.share(), c.requirement(), c.format(),
                c.encoding(), c.crlf(), c.dates(), c.cadence(), c.noise(), c.headers());
    }
}
