package org.vigil.simulator.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.vigil.identity.ResidentId;
import org.vigil.simulator.ExpectedOutcome;
import org.vigil.simulator.FeedDefect;
import org.vigil.simulator.internal.FeedSpec.Noise;

/**
 * Writes one department file for one month. Event-driven files (deaths, sentences, marriages…)
 * list what the timeline filed under that channel and arrival month; activity files (proof of
 * life) draw each person's activity from a generator keyed by feed, person and event month, so
 * a month's file can be written alone, on any thread, and still come out the same.
 *
 * <p>Every imperfection it injects is noted as it happens, with the row number the file gives it,
 * for the month's defect ledger; noting draws nothing from the generators, so the files are the
 * same as without it.
 */
final class FeedWriter {

    private static final String[] CRIMES = {"盗窃罪", "诈骗罪", "危险驾驶罪", "故意伤害罪", "寻衅滋事罪", "开设赌场罪",
        "非法吸收公众存款罪", "交通肇事罪", "贩卖毒品罪", "帮助信息网络犯罪活动罪", "掩饰、隐瞒犯罪所得罪"};
    private static final String[] HOSPITALS = {"吉林市中心医院", "吉林市人民医院", "北华大学附属医院", "吉林市化工医院",
        "吉林市中医院", "吉林市第二人民医院", "吉林市妇产医院", "吉林国文医院"};
    private static final String[] PHARMACIES = {"吉林大药房", "益和大药房", "老百姓大药房", "江城医药连锁药店"};
    private static final String[] STATIONS = {"长春", "长春西", "哈尔滨西", "沈阳北", "北京朝阳", "延吉西", "大连北", "敦化",
        "蛟河西", "舒兰", "磐石", "桦甸", "四平东", "天津西", "上海虹桥", "图们北"};
    private static final String[] AIRPORTS = {"PEK", "PKX", "SHA", "PVG", "CAN", "SZX", "SYX", "HAK", "TAO", "DLC", "KMG",
        "CTU", "XMN", "HGH"};
    private static final String[] AIRLINES = {"CZ", "CA", "MU", "HU", "3U", "ZH", "SC"};
    private static final String[] PORTS = {"长春龙嘉国际机场", "珲春口岸", "图们口岸", "大连周水子国际机场", "北京首都国际机场",
        "上海浦东国际机场", "丹东口岸", "沈阳桃仙国际机场"};
    private static final String[] UNIVERSITIES = {"北华大学", "东北电力大学", "吉林化工学院", "吉林医药学院",
        "吉林农业科技学院", "吉林铁道职业技术学院"};
    private static final String[] TRADES = {"木工", "钢筋工", "瓦工", "混凝土工", "架子工", "电工", "普工", "油漆工"};
    private static final String[] PROJECTS = {"棚户区改造项目", "住宅小区二期工程", "市政道路改造工程", "学校教学楼工程",
        "医院门诊楼工程", "老旧小区改造工程", "供热管网改造工程"};
    private static final DateStyle[] COMMUNITY_DATE_STYLES = {DateStyle.EXCEL, DateStyle.EXCEL, DateStyle.CHINESE,
        DateStyle.CHINESE, DateStyle.DOT, DateStyle.SLASH, DateStyle.ISO, DateStyle.COMPACT};
    private static final String CHECK_CHARS = "0123456789X";
    private static final int[] LAG_ZERO_ONE = Rng.cumulative(70, 30);
    private static final int[] LAG_COMMUNITY = Rng.cumulative(60, 40);
    /** The ledger's kind for each way {@link NameBook} garbles a name, by ordinal. */
    private static final FeedDefect[] GARBLED = new FeedDefect[NameBook.Garble.values().length];

    static {
        GARBLED[NameBook.Garble.HOMOPHONE.ordinal()] = FeedDefect.NAME_HOMOPHONE;
        GARBLED[NameBook.Garble.TRADITIONAL.ordinal()] = FeedDefect.NAME_TRADITIONAL;
        GARBLED[NameBook.Garble.SPACE.ordinal()] = FeedDefect.NAME_SPACE;
        GARBLED[NameBook.Garble.DROPPED.ordinal()] = FeedDefect.NAME_TRUNCATED;
    }

    private final World w;
    private final Timeline t;
    private final Candidates candidates;
    private final FeedSpec spec;
    private final Noise noise;
    /** Feed month, 0 for the first month of feeds. */
    private final int m;
    /** The same month as the timeline indexes it (warm-up months first). */
    private final int mi;
    private final int first;
    private final int last;
    private final Rng rng;
    private final Rng act = new Rng();
    private final Row row = new Row();
    private final long stream;
    private TableSink out;
    private int serial;
    /** The ID check runs as of the feed month's last day, as an ingestion of this month's files would. */
    private final LocalDate asOf;
    /** Row number of the first data row: after the header in CSV and XLSX, the first line in JSON Lines. */
    private final int firstRow;
    private final List<DefectLine> defects = new ArrayList<>();
    /**
     * Imperfections marked in the row being built, filed when it is written; a row has at most a
     * handful. Marking stores three numbers, so the row loops the JIT compiles stay as small as they
     * were; the strings are made in {@link #ledger(boolean)}, once per imperfection.
     */
    private FeedDefect[] pendingDefect = new FeedDefect[8];
    private int[] pendingCell = new int[8];
    private int[] pendingSubject = new int[8];
    private int pendingCount;

    FeedWriter(World w, Candidates candidates, FeedSpec spec, int feedMonth, int feedIndex) {
        this.w = w;
        this.t = w.timeline;
        this.candidates = candidates;
        this.spec = spec;
        this.noise = spec.noise();
        this.m = feedMonth;
        this.mi = feedMonth + World.WARMUP_MONTHS;
        this.first = w.monthFirst[mi];
        this.last = w.monthLast[mi];
        this.stream = Streams.FEED * 1000 + feedIndex;
        this.rng = Rng.of(w.seed, stream, feedIndex, feedMonth);
        this.asOf = Dates.date(last);
        this.firstRow = spec.format() == FileFormat.JSONL ? 1 : 2;
    }

    FileRecord write(Path root) {
        String month = w.yearMonth(mi).toString();
        Path file = root.resolve("feeds").resolve(month).resolve(spec.provider()).resolve(spec.fileName());
        out = TableSink.open(file, spec.format(), spec.encoding(), spec.crlf(), w.fixedTimestamp);
        out.header(spec.headers());
        body();
        out.close();
        return FileRecord.of(out, root.toString(), spec.kind(), spec.format(), spec.encoding(), spec, defects);
    }

    private void body() {
        if (spec.provider().equals("community")) {
            community(spec.feed());
            return;
        }
        switch (spec.provider() + "/" + spec.feed()) {
            case "police/death_deregistration" -> policeDeaths();
            case "civil_affairs/cremations" -> cremations();
            case "civil_affairs/elderly_allowance_deaths" -> allowanceDeaths();
            case "veteran_cadres/retired_cadre_deaths" -> cadreDeaths();
            case "medical_insurance/death_deregistration" -> medicalDeaths();
            case "health/death_certificates" -> deathCertificates();
            case "court/sentences" -> sentences();
            case "prison/inmate_changes" -> prison();
            case "police/exit_entry" -> exitEntry();
            case "hrss/enrollment_changes" -> enrollmentChanges();
            case "hrss/ssc_issuance" -> cards();
            case "medical_insurance/settlements" -> settlements();
            case "civil_affairs/elderly_allowance_payments" -> allowancePayments();
            case "rail/passengers" -> rail();
            case "aviation/passengers" -> flights();
            case "bank/counter_verifications" -> bank();
            case "bus/elderly_card_checks" -> bus();
            case "health/checkups" -> checkups();
            case "health/health_records" -> healthRecords();
            case "telecom/china_mobile" -> telecom(0);
            case "telecom/china_unicom" -> telecom(1);
            case "telecom/china_telecom" -> telecom(2);
            case "police/id_photos" -> photos();
            case "police/household_register" -> householdRegister();
            case "education/students" -> students();
            case "civil_affairs/relief_recipients" -> relief();
            case "civil_affairs/marriage_registrations" -> marriages();
            case "civil_affairs/adoption_registrations" -> adoptions();
            case "justice/prisoners" -> prisoners();
            case "housing/construction_workers" -> construction();
            case "health/newborns" -> newborns();
            case "health/ncms_participants" -> ncms();
            case "tax/wage_income" -> wages();
            case "tax/tax_payments" -> taxPayments();
            case "market/entity_registrations" -> market();
            case "quality/organization_codes" -> organizationCodes();
            case "staffing/establishment_roster" -> staffing();
            case "military/enlistments" -> enlistments();
            default -> throw new IllegalStateException("no writer for " + spec.kind());
        }
    }

    // ------------------------------------------------------------------ cells with imperfections

    private void begin() {
        row.reset();
        pendingCount = 0;
    }

    private void emit() {
        out.write(row);
        if (pendingCount > 0) {
            ledger(false);
        }
        if (noise.duplicate() > 0 && rng.chance(noise.duplicate())) {
            out.write(row);
            ledger(true);
        }
    }

    /** Marks an imperfection in the cell just closed; {@code subject} is the person, or the true day for a date. */
    private void mark(FeedDefect defect, int subject) {
        if (pendingCount == pendingDefect.length) {
            pendingDefect = Arrays.copyOf(pendingDefect, pendingCount * 2);
            pendingCell = Arrays.copyOf(pendingCell, pendingCount * 2);
            pendingSubject = Arrays.copyOf(pendingSubject, pendingCount * 2);
        }
        pendingDefect[pendingCount] = defect;
        pendingCell[pendingCount] = row.cells() - 1;
        pendingSubject[pendingCount] = subject;
        pendingCount++;
    }

    /**
     * Files the imperfections marked in the row just written, under its number; for a copy, a
     * duplicate line first, then the same cell lines as the original's (its cells are the same).
     * What ingestion must do follows from the kind, except for swapped digits, which the identity
     * kernel judges as an ingestion of this month would.
     */
    private void ledger(boolean copy) {
        long number = firstRow + out.rows() - 1;
        if (copy) {
            defects.add(new DefectLine(number, "", FeedDefect.DUPLICATE_ROW, "", Long.toString(number - 1),
                    ExpectedOutcome.DUPLICATE));
        }
        for (int i = 0; i < pendingCount; i++) {
            FeedDefect defect = pendingDefect[i];
            int cell = pendingCell[i];
            int subject = pendingSubject[i];
            String value = spec.format() == FileFormat.XLSX ? XlsxSink.storedText(row, cell) : row.cell(cell);
            String truth = switch (defect) {
                case NAME_HOMOPHONE, NAME_TRADITIONAL, NAME_SPACE, NAME_TRUNCATED -> w.name(subject);
                case DATE_OFF -> Dates.date(subject).toString();
                case DUPLICATE_ROW -> throw new IllegalStateException("a duplicate is not a cell's imperfection");
                default -> IdNumbers.text(w.idBody[subject], w.idCheck[subject]);
            };
            ExpectedOutcome expected = switch (defect) {
                case ID_MISSING -> ExpectedOutcome.REVIEW;
                case ID_LEGACY_15, ID_LOWERCASE_X, NAME_TRADITIONAL, NAME_SPACE -> ExpectedOutcome.NORMALISE;
                case ID_WRONG_CHECK_DIGIT, ID_TRUNCATED_NUMBER -> ExpectedOutcome.REJECT;
                case ID_DIGITS_SWAPPED -> ResidentId.parse(value, asOf).toOptional()
                        .map(id -> id.value().equals(truth) ? ExpectedOutcome.NORMALISE : ExpectedOutcome.UNDETECTABLE)
                        .orElse(ExpectedOutcome.REJECT);
                case NAME_HOMOPHONE, NAME_TRUNCATED, DATE_OFF -> ExpectedOutcome.UNDETECTABLE;
                case DUPLICATE_ROW -> ExpectedOutcome.DUPLICATE;
            };
            defects.add(new DefectLine(number, spec.headers()[cell], defect, value, truth, expected));
        }
    }

    private void name(int p) {
        NameBook.Garble garble = NameBook.putGarbled(row, w.surname[p], w.given[p], rng, noise.name());
        row.end();
        if (garble != NameBook.Garble.NONE) {
            mark(GARBLED[garble.ordinal()], p);
        }
    }

    private void cleanName(int p) {
        w.putName(row, p);
        row.end();
    }

    private void sex(int p) {
        row.text(w.male[p] ? "男" : "女");
    }

    private void date(int day) {
        row.date(day, spec.dates());
    }

    /** The ID as this department writes it: mostly right, sometimes old, mistyped or missing. */
    private void id(int p) {
        double u = rng.nextDouble();
        if (u < noise.noId()) {
            row.end();
            mark(FeedDefect.ID_MISSING, p);
            return;
        }
        u -= noise.noId();
        long body = w.idBody[p];
        char check = w.idCheck[p];
        int year = Dates.year(w.birth[p]);
        if (u < noise.legacyId()) {
            if (year >= 1900 && year <= 1999) {
                long legacy = (body / 100_000_000_000L) * 1_000_000_000L + (body % 100_000_000_000L) % 1_000_000_000L;
                row.putPadded(legacy, 15).end();
                mark(FeedDefect.ID_LEGACY_15, p);
                return;
            }
        }
        u -= noise.legacyId();
        if (u < noise.badCheck()) {
            char wrong = CHECK_CHARS.charAt(rng.nextInt(CHECK_CHARS.length()));
            if (wrong == check) {
                wrong = CHECK_CHARS.charAt((CHECK_CHARS.indexOf(wrong) + 1) % CHECK_CHARS.length());
            }
            row.putPadded(body, 17).put(wrong).end();
            mark(FeedDefect.ID_WRONG_CHECK_DIGIT, p);
            return;
        }
        u -= noise.badCheck();
        if (u < noise.typo()) {
            char[] digits = new char[17];
            long v = body;
            for (int i = 16; i >= 0; i--) {
                digits[i] = (char) ('0' + v % 10);
                v /= 10;
            }
            int pos = 6 + rng.nextInt(10);
            char a = digits[pos];
            digits[pos] = digits[pos + 1];
            digits[pos + 1] = a;
            row.put(digits, 0, 17).put(check).end();
            if (a != digits[pos]) {
                mark(FeedDefect.ID_DIGITS_SWAPPED, p);
            }
            return;
        }
        u -= noise.typo();
        if (u < noise.numericId() && spec.format() == FileFormat.XLSX && check != 'X') {
            row.putPadded(body, 17).put(check).endNumber();
            mark(FeedDefect.ID_TRUNCATED_NUMBER, p);
            return;
        }
        row.putPadded(body, 17);
        boolean lowerX = check == 'X' && noise.name() >= 0.005 && rng.chance(0.3);
        row.put(lowerX ? 'x' : check);
        row.end();
        if (lowerX) {
            mark(FeedDefect.ID_LOWERCASE_X, p);
        }
    }

    private void cleanId(int p) {
        w.putId(row, p);
        row.end();
    }

    private int secondOfDay(Rng r) {
        return 7 * 3600 + r.nextInt(14 * 3600);
    }

    private String township(int p, int day) {
        return w.map.townshipName[w.map.communityTownship[w.communityOn(p, day)]];
    }

    private String countyName(int p, int day) {
        return w.map.countyNames[w.map.countyOf(w.communityOn(p, day))];
    }

    private IntList channel(int ch) {
        return t.reports[ch][mi];
    }

    // ------------------------------------------------------------------ activity sampling

    @FunctionalInterface
    private interface Probability {
        double of(int p, int age);
    }

    @FunctionalInterface
    private interface Emitter {
        void emit(int p, int day, Rng r);
    }

    /**
     * Draws each candidate's activity in each event month whose reports can arrive in this month,
     * and writes those whose drawn lag lands here.
     */
    private void activity(int[] list, int[] lagCum, boolean share4, Probability probability, Emitter emitter) {
        int maxLag = lagCum == null ? 0 : lagCum.length - 1;
        int n = list == null ? w.persons : list.length;
        for (int lag = 0; lag <= maxLag; lag++) {
            int e = mi - lag;
            if (e < 0) {
                break;
            }
            int ef = w.monthFirst[e];
            int el = w.monthLast[e];
            int days = el - ef + 1;
            for (int k = 0; k < n; k++) {
                int p = list == null ? k : list[k];
                if (w.death[p] <= ef || w.birth[p] > el || w.has(p, World.F_DECEASED_WORKER)) {
                    continue;
                }
                int age = w.age(p, ef);
                if (share4 && age < (w.male[p] ? 60 : 50)) {
                    continue;
                }
                double pr = probability.of(p, age);
                if (pr <= 0) {
                    continue;
                }
                act.seed(w.seed, stream, p, e);
                if (act.nextDouble() >= pr) {
                    continue;
                }
                if (lagCum != null && act.pick(lagCum) != lag) {
                    continue;
                }
                int day = ef + act.nextInt(days);
                if (!w.livingOn(p, day) || w.inCustodyOn(p, day)) {
                    continue;
                }
                emitter.emit(p, day, act);
            }
        }
    }

    // ------------------------------------------------------------------ class 1: deaths

    private void policeDeaths() {
        IntList list = channel(Timeline.CH_POLICE_DEATH);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            int death = t.evDay[e];
            begin();
            name(p);
            id(p);
            sex(p);
            date(w.birth[p]);
            date(death);
            date(Math.max(death, Math.min(death + rng.between(3, 25), last)));
            row.text("死亡");
            row.put(township(p, death - 1)).put("派出所").end();
            emit();
        }
    }

    private void cremations() {
        IntList list = channel(Timeline.CH_CREMATION);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            int death = t.evDay[e];
            begin();
            name(p);
            id(p);
            sex(p);
            row.num(w.age(p, death));
            date(death);
            date(death + rng.between(2, 5));
            int county = w.map.countyOf(w.communityOn(p, death - 1));
            row.text(county < 4 ? "吉林市殡仪馆" : w.map.countyNames[county] + "殡仪馆");
            emit();
        }
    }

    private void allowanceDeaths() {
        IntList list = channel(Timeline.CH_ALLOWANCE_DEATH);
        String stopMonth = Dates.year(first) + "年" + Dates.month(first) + "月";
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            begin();
            row.num(++serial);
            name(p);
            id(p);
            date(t.evDay[e]);
            row.text(township(p, t.evDay[e] - 1));
            row.text(stopMonth);
            emit();
        }
    }

    private void cadreDeaths() {
        IntList list = channel(Timeline.CH_CADRE_DEATH);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            begin();
            row.num(++serial);
            name(p);
            sex(p);
            id(p);
            int employer = w.prevEmployer[p];
            row.text(employer >= 0 ? w.employers.name[employer] : "吉林市人民政府");
            int retired = w.retireDay[p] == Dates.NEVER ? Dates.birthday(w.birth[p], 60) : w.retireDay[p];
            row.put(Integer.toString(Dates.year(retired))).put('年').putDigits(Dates.month(retired)).put('月').end();
            date(t.evDay[e]);
            emit();
        }
    }

    private void medicalDeaths() {
        IntList list = channel(Timeline.CH_MEDICAL_DEATH);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            int death = t.evDay[e];
            begin();
            name(p);
            id(p);
            boolean employee = w.has(p, World.F_RETIREE_MEDICAL) || w.has(p, World.F_INSURED_JOB);
            row.text(employee ? "职工基本医疗保险" : w.has(p, World.F_NCMS) ? "新型农村合作医疗" : "城乡居民基本医疗保险");
            date(death);
            date(Math.max(death, first + rng.nextInt(last - first + 1)));
            row.put("吉林市医疗保障局").put(countyName(p, death - 1)).put("分局").end();
            emit();
        }
    }

    private void deathCertificates() {
        IntList list = channel(Timeline.CH_HEALTH_DEATH);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            int death = t.evDay[e];
            begin();
            name(p);
            id(p);
            sex(p);
            date(w.birth[p]);
            date(death);
            int place = rng.nextInt(100);
            row.text(place < 60 ? "医疗卫生机构" : place < 95 ? "家中" : "其他场所");
            row.put('J').putPadded(Dates.year(death) % 100, 2).putPadded(e % 10_000_000, 7).end();
            emit();
        }
    }

    /**
     * Community returns for one district or county: deaths the grid workers heard of, and visits,
     * activities and home services for older residents. Handwritten sources: a third of the rows
     * have no ID, only a name and a birth date, and dates come in whatever form the clerk used.
     */
    private void community(String countyCode) {
        int county = 0;
        while (!w.map.countyCode(county).equals(countyCode)) {
            county++;
        }
        final int c = county;
        IntList list = channel(Timeline.CH_COMMUNITY_DEATH);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            int death = t.evDay[e];
            int community = w.communityOn(p, death - 1);
            if (w.map.countyOf(community) != c) {
                continue;
            }
            int reported = rng.chance(0.12) ? death + rng.between(-3, 7) : death;
            communityRow(p, community, "死亡", reported, death,
                    new String[] {"家属告知", "网格员上报", "邻居反映", "殡仪馆火化", ""}[rng.nextInt(5)]);
        }
        activity(candidates.over64, LAG_COMMUNITY, false, (p, age) -> {
            if (age < 60 || w.map.countyOf(w.communityOn(p, first)) != c) {
                return 0;
            }
            double base = age < 70 ? 0.03 : age < 80 ? 0.05 : 0.09;
            if (w.has(p, World.F_SICK) || w.disabledOn(p, first)) {
                base += 0.06;
            }
            return base;
        }, (p, day, r) -> {
            int community = w.communityOn(p, day);
            if (w.map.countyOf(community) != c) {
                return;
            }
            int age = w.age(p, day);
            boolean homeBound = age >= 80 || w.has(p, World.F_SICK) || w.disabledOn(p, day);
            int x = r.nextInt(100);
            String kind = homeBound && x < 45 ? "上门服务" : x < 75 ? "走访慰问" : "文娱活动";
            communityRow(p, community, kind, day, day, "");
        });
    }

    /** One community row; {@code day} is the date the clerk wrote, {@code trueDay} when it really happened. */
    private void communityRow(int p, int community, String kind, int day, int trueDay, String remark) {
        begin();
        row.num(++serial);
        row.text(w.map.townshipName[w.map.communityTownship[community]]);
        row.text(w.map.communityName[community]);
        name(p);
        sex(p);
        row.date(w.birth[p], COMMUNITY_DATE_STYLES[rng.nextInt(COMMUNITY_DATE_STYLES.length)]);
        id(p);
        row.text(kind);
        row.date(day, COMMUNITY_DATE_STYLES[rng.nextInt(COMMUNITY_DATE_STYLES.length)]);
        if (day != trueDay) {
            mark(FeedDefect.DATE_OFF, trueDay);
        }
        row.text(remark);
        emit();
    }

    // ------------------------------------------------------------------ class 2: sentences

    private String caseNumber(int c) {
        int p = t.custodyPerson[c];
        String county = w.map.countyCode(w.map.countyOf(w.communityOn(p, t.custodyStart[c])));
        return "(" + Dates.year(t.custodyJudgment[c]) + ")吉" + county.substring(2) + "刑初" + (100 + c % 900) + "号";
    }

    private void sentences() {
        IntList list = channel(Timeline.CH_COURT);
        for (int i = 0; i < list.size(); i++) {
            int c = list.get(i);
            int p = t.custodyPerson[c];
            String caseNo = caseNumber(c);
            begin();
            row.text(caseNo);
            name(p);
            sex(p);
            id(p);
            date(t.custodyJudgment[c]);
            row.text(CRIMES[(int) Long.remainderUnsigned(Rng.mix(c * 7919L + w.seed), CRIMES.length)]);
            int term = t.custodyTermMonths[c];
            row.text(term <= 6 ? "拘役" : "有期徒刑");
            if (term >= 12) {
                row.putDigits(term / 12).put('年');
            }
            if (term % 12 != 0) {
                row.putDigits(term % 12).put("个月");
            }
            row.end();
            date(t.custodyStart[c]);
            date(t.custodySentenceEnd[c]);
            row.put("judgments/").put(caseNo).put(".pdf").end();
            emit();
        }
    }

    private String prisonName(int c) {
        int p = t.custodyPerson[c];
        if (t.custodyTermMonths[c] < 12) {
            return "吉林市看守所";
        }
        return w.male[p] ? "吉林监狱" : "吉林省女子监狱";
    }

    private void prison() {
        IntList in = channel(Timeline.CH_PRISON_IN);
        for (int i = 0; i < in.size(); i++) {
            int c = in.get(i);
            int p = t.custodyPerson[c];
            begin();
            name(p);
            id(p);
            row.text("入监");
            date(t.custodyAdmission[c]);
            date(t.custodySentenceEnd[c]);
            row.empty().empty().empty();
            row.text(prisonName(c));
            emit();
        }
        IntList outs = channel(Timeline.CH_PRISON_OUT);
        for (int i = 0; i < outs.size(); i++) {
            int c = outs.get(i);
            int p = t.custodyPerson[c];
            String cert = "吉释字〔" + Dates.year(t.custodyRelease[c]) + "〕第" + (10_000 + c) + "号";
            begin();
            name(p);
            id(p);
            row.text("释放");
            date(t.custodyAdmission[c]);
            date(t.custodySentenceEnd[c]);
            date(t.custodyRelease[c]);
            row.text(cert);
            row.put("release_certificates/").putDigits(Dates.year(t.custodyRelease[c])).put('-').putDigits(10_000 + c)
                    .put(".pdf").end();
            row.text(prisonName(c));
            emit();
        }
    }

    // ------------------------------------------------------------------ class 3: proof of life

    private void exitEntry() {
        activity(null, null, false, (p, age) -> age < 18 || age > 80 ? 0 : age >= 50 && age <= 70 ? 0.004 : 0.0025,
                (p, day, r) -> {
                    begin();
                    name(p);
                    id(p);
                    row.dateTime(day, secondOfDay(r), DateStyle.DATETIME);
                    row.text(r.chance(0.5) ? "出境" : "入境");
                    row.text(r.chance(0.7) ? "普通护照" : "往来港澳通行证");
                    row.text(PORTS[r.nextInt(PORTS.length)]);
                    emit();
                });
    }

    private static final String[] EMPLOYEE_SCHEMES = {"企业职工基本养老保险", "职工基本医疗保险", "工伤保险", "失业保险", "生育保险"};

    private void enrollmentChanges() {
        IntList list = channel(Timeline.CH_ENROLLMENT_CHANGE);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            byte kind = t.evKind[e];
            if (kind == Timeline.EV_ENROLLED) {
                begin();
                cleanName(p);
                cleanId(p);
                row.text(w.has(p, World.F_NCMS) ? "新型农村合作医疗" : "城乡居民基本医疗保险");
                row.empty().empty();
                row.text("参保");
                date(t.evDay[e]);
                emit();
                continue;
            }
            int employer = t.evAux[e];
            for (int s = 0; s < EMPLOYEE_SCHEMES.length; s++) {
                begin();
                cleanName(p);
                cleanId(p);
                row.text(s == 0 && w.employers.isPublic(employer) ? "机关事业单位基本养老保险" : EMPLOYEE_SCHEMES[s]);
                row.text(w.employers.creditCode[employer]);
                row.text(w.employers.name[employer]);
                row.text(kind == Timeline.EV_HIRED ? "参保" : "停保");
                date(t.evDay[e]);
                emit();
            }
        }
    }

    private void cards() {
        activity(null, null, false, (p, age) -> age >= 16 && w.has(p, World.F_AGENCY) ? 0.004 : 0, (p, day, r) -> {
            begin();
            name(p);
            id(p);
            row.put((char) ('A' + r.nextInt(26))).putPadded(r.nextInt(100_000_000), 8).end();
            row.text(Careers.BANK_NAMES[r.nextInt(Careers.BANK_NAMES.length)]);
            date(day);
            emit();
        });
    }

    private void settlements() {
        activity(candidates.share4, LAG_ZERO_ONE, true,
                (p, age) -> age < 60 ? 0.08 : age < 70 ? 0.15 : age < 80 ? 0.25 : 0.33, (p, day, r) -> {
                    begin();
                    name(p);
                    id(p);
                    int x = r.nextInt(100);
                    int county = w.map.countyOf(w.communityOn(p, day));
                    if (x < 30) {
                        row.text(PHARMACIES[r.nextInt(PHARMACIES.length)]);
                        row.text("药店购药");
                    } else {
                        boolean local = county >= 4 && r.chance(0.6);
                        row.text(local ? w.map.countyNames[county] + "人民医院" : HOSPITALS[r.nextInt(HOSPITALS.length)]);
                        row.text(x < 88 ? "普通门诊" : x < 95 ? "门诊慢特病" : "住院");
                    }
                    row.dateTime(day, secondOfDay(r), DateStyle.DATETIME);
                    row.cents(1_000 + r.nextInt(x < 95 ? 60_000 : 3_000_000));
                    emit();
                });
    }

    private void allowancePayments() {
        int payday = first + 9;
        String month = w.yearMonth(mi).toString();
        for (int p : candidates.over79) {
            if (!w.has(p, World.F_ALLOWANCE) || !w.livingOn(p, payday) || w.inCustodyOn(p, payday)) {
                continue;
            }
            int age = w.age(p, payday);
            if (age < 80) {
                continue;
            }
            begin();
            name(p);
            id(p);
            row.text(month);
            row.cents(age >= 100 ? 50_000 : age >= 90 ? 20_000 : 10_000);
            date(payday);
            emit();
        }
    }

    private void rail() {
        activity(null, null, false, (p, age) -> age < 6 ? 0 : age < 18 ? 0.015 : age < 70 ? 0.03 : age < 80 ? 0.015 : 0.004,
                (p, day, r) -> {
                    begin();
                    name(p);
                    row.text("居民身份证");
                    id(p);
                    row.dateTime(day, secondOfDay(r), DateStyle.DATETIME);
                    trainNumber(r);
                    boolean leaving = r.chance(0.5);
                    String other = STATIONS[r.nextInt(STATIONS.length)];
                    row.text(leaving ? "吉林" : other);
                    row.text(leaving ? other : "吉林");
                    emit();
                });
        int strangers = (int) (out.rows() / 100);
        Rng r = Rng.of(w.seed, Streams.STRANGER, 1, m);
        for (int i = 0; i < strangers; i++) {
            stranger(r, true);
            row.dateTime(first + r.nextInt(last - first + 1), secondOfDay(r), DateStyle.DATETIME);
            trainNumber(r);
            row.text(STATIONS[r.nextInt(STATIONS.length)]);
            row.text("吉林");
            emit();
        }
    }

    private void trainNumber(Rng r) {
        char kind = "GDKZT".charAt(r.nextInt(5));
        row.put(kind).putDigits(kind == 'G' || kind == 'D' ? 8000 + r.nextInt(1000) : 100 + r.nextInt(2000)).end();
    }

    /** A traveller from elsewhere with a valid ID that matches no resident: department files hold everyone. */
    private void stranger(Rng r, boolean withDocumentType) {
        begin();
        int year = 1945 + r.nextInt(60);
        int birth = Dates.day(year, 1 + r.nextInt(12), 1 + r.nextInt(28));
        NameBook.put(row, NameBook.surname(r, Ethnicity.HAN), NameBook.given(r, r.chance(0.5), year, Ethnicity.HAN));
        row.end();
        if (withDocumentType) {
            row.text("居民身份证");
        }
        int prefix = IdNumbers.pickStrangerPrefix(r);
        long body = (prefix * 100_000_000L + Dates.ymd(birth)) * 1000L + 1 + r.nextInt(999);
        row.putPadded(body, 17).put(IdNumbers.check(body)).end();
    }

    private void flights() {
        activity(null, null, false, (p, age) -> age < 2 ? 0 : age < 18 ? 0.003 : age < 70 ? 0.006 : 0.0015, (p, day, r) -> {
            begin();
            name(p);
            row.text("NI");
            id(p);
            row.dateTime(day, secondOfDay(r), DateStyle.ISO_MINUTE);
            row.put(AIRLINES[r.nextInt(AIRLINES.length)]).putDigits(1000 + r.nextInt(9000)).end();
            boolean leaving = r.chance(0.5);
            String other = AIRPORTS[r.nextInt(AIRPORTS.length)];
            row.text(leaving ? "CGQ" : other);
            row.text(leaving ? other : "CGQ");
            emit();
        });
    }

    private void bank() {
        activity(candidates.share4, null, true,
                (p, age) -> age < 60 ? 0.06 : age < 80 ? 0.10 : age < 90 ? 0.06 : 0.03, (p, day, r) -> {
                    begin();
                    name(p);
                    row.text("居民身份证");
                    id(p);
                    bankRow(p, day, r, r.nextInt(100) < 55 ? "取款" : r.chance(0.5) ? "存款" : "账户查询");
                });
        // Fraud: a relative keeps drawing a dead pensioner's money at the counter with the passbook and ID card.
        Recipients rec = w.recipients;
        Rng r = new Rng();
        for (int i = 0; i < rec.count; i++) {
            if ((rec.fraud[i] & Recipients.FRAUD_DEAD_ACCOUNT_USED) == 0) {
                continue;
            }
            int p = rec.person[i];
            int death = w.death[p];
            if (death >= last) {
                continue;
            }
            r.seed(w.seed, Streams.FEED, p, 10_000 + mi);
            if (!r.chance(0.6)) {
                continue;
            }
            int from = Math.max(first, death + 1);
            int day = from + r.nextInt(last - from + 1);
            begin();
            name(p);
            row.text("居民身份证");
            id(p);
            bankRow(p, day, r, "取款");
        }
    }

    private void bankRow(int p, int day, Rng r, String business) {
        date(day);
        int s = secondOfDay(r);
        row.putPadded(s / 3600, 2).put(':').putPadded(s / 60 % 60, 2).put(':').putPadded(s % 60, 2).end();
        int county = w.map.countyOf(w.communityOn(p, day));
        int bank = r.nextInt(Careers.BANK_NAMES.length);
        row.put(Careers.BANK_NAMES[bank]).put("吉林").put(w.map.countyNames[county]).put("支行").end();
        row.text(business);
        int rec = w.recipient[p];
        long account = rec >= 0 ? w.recipients.bankAccount[rec] : Rng.mix(p * 31L + w.seed) >>> 1;
        row.putPadded(account % 10_000, 4).end();
        emit();
    }

    private void bus() {
        activity(candidates.over64, null, false, (p, age) -> {
            if (age < 65 || !w.has(p, World.F_BUS_CARD) || Dates.month(w.birth[p]) != Dates.month(first)) {
                return 0;
            }
            return 0.85;
        }, (p, day, r) -> {
            begin();
            row.put("0432").putPadded(Long.remainderUnsigned(Rng.mix(p + w.seed * 7), 100_000_000L), 8).end();
            name(p);
            id(p);
            row.text(w.age(p, day) >= 70 ? "敬老卡" : "老年卡");
            date(day);
            row.put(countyName(p, day)).put("公交IC卡服务网点").end();
            emit();
        });
    }

    private static final double[] CHECKUP_SEASON = {0.03, 0.03, 0.03, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.12, 0.04, 0.03};

    private void checkups() {
        double season = CHECKUP_SEASON[Dates.month(first) - 1];
        activity(candidates.over64, null, false, (p, age) -> age >= 65 ? 0.6 * season : 0, (p, day, r) -> {
            begin();
            name(p);
            id(p);
            date(day);
            int community = w.communityOn(p, day);
            row.put(w.map.townshipName[w.map.communityTownship[community]])
                    .put(w.map.communityUrban[community] ? "社区卫生服务中心" : "卫生院").end();
            row.text("老年人健康体检");
            emit();
        });
    }

    private void healthRecords() {
        activity(candidates.over64, LAG_ZERO_ONE, false, (p, age) -> age >= 65 ? 0.18 : 0, (p, day, r) -> {
            begin();
            name(p);
            id(p);
            date(day);
            int x = r.nextInt(100);
            row.text(x < 45 ? "门诊随访" : x < 80 ? "家庭随访" : "电话随访");
            int community = w.communityOn(p, day);
            row.put(w.map.communityName[community]).put("家庭医生团队").end();
            emit();
        });
    }

    private void telecom(int operator) {
        DateStyle style = spec.dates();
        activity(candidates.share4, null, true, (p, age) -> {
            long phone = w.phone[p];
            if (phone <= 0 || Careers.operatorOf(phone) != operator) {
                return 0;
            }
            return age < 70 ? 0.92 : age < 80 ? 0.85 : age < 90 ? 0.65 : 0.4;
        }, (p, day, r) -> telecomRow(p, day, r, style));
        // A phone kept in use by the family after its owner died: activity that proves nothing.
        Rng r = new Rng();
        for (int p : candidates.share4) {
            long phone = w.phone[p];
            if (w.death[p] >= first || w.death[p] < w.t0 || phone <= 0 || Careers.operatorOf(phone) != operator) {
                continue;
            }
            if (Long.remainderUnsigned(Rng.hash(w.seed, Streams.FEED, p, 77), 100) >= 2) {
                continue;
            }
            r.seed(w.seed, Streams.FEED, p, 20_000 + mi);
            if (r.chance(0.7)) {
                telecomRow(p, first + r.nextInt(last - first + 1), r, style);
            }
        }
    }

    private void telecomRow(int p, int day, Rng r, DateStyle style) {
        begin();
        name(p);
        id(p);
        row.putDigits(w.phone[p]).end();
        if (style == DateStyle.ISO) {
            date(day);
        } else {
            row.dateTime(day, secondOfDay(r), style);
        }
        emit();
    }

    // ------------------------------------------------------------------ class 4: images

    private void photos() {
        Recipients r = w.recipients;
        for (int i = 0; i < r.count; i++) {
            int p = r.person[i];
            if (!r.inAgency[i] || !w.has(p, World.F_NO_FACE)) {
                continue;
            }
            begin();
            cleanName(p);
            cleanId(p);
            row.text("png");
            row.text(IdPhoto.base64(w.idBody[p] ^ w.seed, w.male[p]));
            int taken = Dates.day(2012 + (int) (w.idBody[p] % 9), 1 + (int) (w.idBody[p] % 12), 1 + (int) (w.idBody[p] % 28));
            // Cards are issued at 16, or earlier on a parent's application: a child's photo is
            // never dated after the file that carries it.
            int issued = Math.max(taken, Dates.birthday(w.birth[p], 16));
            row.iso(issued <= last ? issued : Math.max(taken, w.birth[p]));
            emit();
        }
    }

    // ------------------------------------------------------------------ REG-11 registry data

    private boolean inRegister(int p, int day) {
        if (w.has(p, World.F_DECEASED_WORKER) || !w.livingOn(p, day)) {
            return false;
        }
        if (w.has(p, World.F_BORN_IN_SIM)) {
            return w.registeredDay[p] <= day;
        }
        // Migrants keep their household registration where it was unless they transferred it.
        return w.localId(p) || Long.remainderUnsigned(Rng.hash(w.seed, Streams.PERSON, p, 5), 10) < 3;
    }

    private void registerRow(int p, int day, String change, int changeDay) {
        begin();
        int h = w.household[p];
        row.putPadded(h + 1L, 9).end();
        name(p);
        cleanId(p);
        sex(p);
        row.text(Ethnicity.NAMES[w.ethnicity[p]]);
        date(w.birth[p]);
        row.text(World.RELATION_NAMES[w.relation[p]]);
        int community = w.communityOn(p, day);
        w.map.putAddress(row, community, w.addressVariant(p, day));
        row.end();
        row.text(w.map.communityCode[community]);
        row.text(change);
        if (changeDay == Dates.NEVER) {
            row.end();
        } else {
            date(changeDay);
        }
        emit();
    }

    private void householdRegister() {
        if (m == 0) {
            int snapshot = first - 1;
            for (int p = 0; p < w.persons; p++) {
                if (inRegister(p, snapshot)) {
                    registerRow(p, snapshot, "在册", Dates.NEVER);
                }
            }
        }
        IntList list = channel(Timeline.CH_POLICE_CHANGE);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            int day = t.evDay[e];
            switch (t.evKind[e]) {
                case Timeline.EV_DEATH -> registerRow(p, day - 1, "死亡注销", day);
                case Timeline.EV_BIRTH_REGISTERED -> registerRow(p, day, "出生登记", day);
                case Timeline.EV_MOVE -> {
                    int h = w.household[p];
                    for (int q = w.hhHead[h]; q < w.persons && w.household[q] == h; q++) {
                        if (w.livingOn(q, day) && !w.has(q, World.F_DECEASED_WORKER)) {
                            registerRow(q, day, "住址变更", day);
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    private void students() {
        int day = first;
        for (int p = 0; p < w.persons; p++) {
            if (!w.has(p, World.F_STUDENT) || !w.livingOn(p, day)) {
                continue;
            }
            int age = w.age(p, day);
            if (age < 6 || age > 22) {
                continue;
            }
            begin();
            row.put('G');
            w.putId(row, p);
            row.end();
            name(p);
            sex(p);
            date(w.birth[p]);
            id(p);
            String county = countyName(p, day);
            long h = Rng.mix(p * 131L + w.seed);
            String stage;
            int grade;
            if (age < 12) {
                row.put(county).put('第').put(Employers.chineseNumber(1 + (int) Long.remainderUnsigned(h, 30))).put("小学校").end();
                stage = "小学";
                grade = age - 5;
            } else if (age < 15) {
                row.put(county).put('第').put(Employers.chineseNumber(1 + (int) Long.remainderUnsigned(h, 20))).put("中学").end();
                stage = "初中";
                grade = age - 11;
            } else if (age < 18) {
                row.put("吉林市第").put(Employers.chineseNumber(1 + (int) Long.remainderUnsigned(h, 12))).put("中学").end();
                stage = "高中";
                grade = age - 14;
            } else {
                row.text(UNIVERSITIES[(int) Long.remainderUnsigned(h, UNIVERSITIES.length)]);
                stage = "大学";
                grade = Math.min(4, age - 17);
            }
            row.text(stage);
            row.put(Employers.chineseNumber(Math.max(1, grade))).put("年级").end();
            emit();
        }
    }

    private void relief() {
        int day = last;
        for (int p = 0; p < w.persons; p++) {
            if (!w.has(p, World.F_RELIEF) || !w.livingOn(p, day) || w.has(p, World.F_DECEASED_WORKER)) {
                continue;
            }
            int h = w.household[p];
            int head = w.hhHead[h];
            int community = w.communityOn(p, day);
            boolean urban = w.map.communityUrban[community];
            begin();
            name(p);
            id(p);
            row.text(w.has(p, World.F_SPECIAL_RELIEF) ? "特困人员供养" : urban ? "城市最低生活保障" : "农村最低生活保障");
            cleanName(head);
            cleanId(head);
            row.text(w.map.townshipName[w.map.communityTownship[community]]);
            row.text(w.map.communityName[community]);
            int size = 0;
            for (int q = head; q < w.persons && w.household[q] == h; q++) {
                if (w.livingOn(q, day) && !w.has(q, World.F_DECEASED_WORKER)) {
                    size++;
                }
            }
            row.num(Math.max(1, size));
            row.cents(urban ? 68_000 + (long) (h % 7) * 1_000 : 46_000 + (long) (h % 5) * 1_000);
            emit();
        }
    }

    private void marriages() {
        IntList list = channel(Timeline.CH_MARRIAGE);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int a = t.evPerson[e];
            int b = t.evAux[e];
            int man = w.male[a] ? a : b;
            int woman = w.male[a] ? b : a;
            begin();
            row.text("结婚登记");
            name(man);
            id(man);
            name(woman);
            id(woman);
            date(t.evDay[e]);
            row.put(countyName(a, t.evDay[e])).put("民政局婚姻登记处").end();
            emit();
        }
    }

    private void adoptions() {
        IntList list = channel(Timeline.CH_ADOPTION);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int child = t.evPerson[e];
            int adopter = t.evAux[e];
            begin();
            name(child);
            id(child);
            date(w.birth[child]);
            name(adopter);
            id(adopter);
            date(t.evDay[e]);
            row.put(countyName(adopter, t.evDay[e])).put("民政局").end();
            emit();
        }
    }

    private void prisoners() {
        for (int c = 0; c < t.custodies; c++) {
            int p = t.custodyPerson[c];
            if (!(t.custodyStart[c] <= last && last < t.custodyRelease[c]) || !w.livingOn(p, last)) {
                continue;
            }
            if (Long.remainderUnsigned(Rng.hash(w.seed, Streams.FEED, c, 31), 100) >= 95) {
                continue;
            }
            begin();
            name(p);
            id(p);
            sex(p);
            row.text(CRIMES[(int) Long.remainderUnsigned(Rng.mix(c * 7919L + w.seed), CRIMES.length)]);
            date(t.custodyStart[c]);
            date(t.custodySentenceEnd[c]);
            row.text(prisonName(c));
            date(last);
            emit();
        }
    }

    private void construction() {
        int day = first + 14;
        Employers e = w.employers;
        for (int p = 0; p < w.persons; p++) {
            if (!w.has(p, World.F_CONSTRUCTION) || !w.livingOn(p, day)) {
                continue;
            }
            int employer = w.employerOn(p, day);
            if (employer < 0 || e.industry[employer] != Employers.CONSTRUCTION) {
                continue;
            }
            long h = Rng.mix(employer * 977L + w.seed + mi / 6);
            begin();
            row.put(w.map.countyNames[e.county[employer]])
                    .put(PROJECTS[(int) Long.remainderUnsigned(h, PROJECTS.length)]).end();
            row.text(e.name[employer]);
            row.text(e.creditCode[employer]);
            name(p);
            id(p);
            row.text(TRADES[(int) Long.remainderUnsigned(Rng.mix(p + w.seed), TRADES.length)]);
            date(Math.max(w.jobStart[p] == Dates.NEVER ? w.prevStart[p] : w.jobStart[p], Dates.plusMonthsFirst(day, -8)));
            emit();
        }
    }

    private void newborns() {
        IntList list = channel(Timeline.CH_NEWBORN);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int child = t.evPerson[e];
            int mother = t.evAux[e];
            int h = w.household[mother];
            int head = w.hhHead[h];
            int father = head >= 0 && head != mother && w.male[head] ? head : -1;
            begin();
            row.put('P').putPadded(220_000_000L + e, 9).end();
            if (rng.chance(0.7)) {
                cleanName(child);
            } else {
                row.end();
            }
            sex(child);
            date(t.evDay[e]);
            int county = w.map.countyOf(w.communityOn(mother, t.evDay[e]));
            row.text(county < 4 ? HOSPITALS[e % 3] : w.map.countyNames[county] + "人民医院");
            name(mother);
            id(mother);
            if (father >= 0) {
                name(father);
                id(father);
            } else {
                row.empty().empty();
            }
            emit();
        }
    }

    private void ncms() {
        int day = first;
        int year = Dates.year(first);
        for (int p = 0; p < w.persons; p++) {
            if (!w.livingOn(p, day) || w.has(p, World.F_DECEASED_WORKER)) {
                continue;
            }
            int community = w.communityOn(p, day);
            boolean listed = w.has(p, World.F_NCMS)
                    || !w.map.communityUrban[community] && Long.remainderUnsigned(Rng.hash(w.seed, Streams.FEED, p, 41), 100) < 2;
            if (!listed) {
                continue;
            }
            begin();
            row.num(year);
            name(p);
            id(p);
            sex(p);
            row.text(w.map.townshipName[w.map.communityTownship[community]]);
            row.text(w.map.communityName[community]);
            row.put(w.map.communityCode[community].substring(6)).putPadded(w.household[p] % 100_000, 5).end();
            emit();
        }
    }

    /** A worker's monthly gross wage in cents, steady for the person and the employer. */
    private long wage(int p, int employer) {
        long h = Rng.mix(p * 0x9E3779B97F4A7C15L + employer + w.seed);
        long base = w.employers.isPublic(employer) ? 420_000 : w.employers.kind[employer] == Employers.INDIVIDUAL ? 240_000
                : 300_000;
        return base + Long.remainderUnsigned(h, 400_000) + (Long.remainderUnsigned(h >>> 20, 100) < 8 ? 600_000 : 0);
    }

    /** Monthly withholding on wages after the 5,000 yuan allowance and 10.5 % employee contributions. */
    static long incomeTax(long wageCents, boolean insured) {
        long taxable = wageCents - (insured ? wageCents * 105 / 1000 : 0) - 500_000;
        if (taxable <= 0) {
            return 0;
        }
        if (taxable <= 300_000) {
            return taxable * 3 / 100;
        }
        if (taxable <= 1_200_000) {
            return taxable * 10 / 100 - 21_000;
        }
        return taxable * 20 / 100 - 141_000;
    }

    private void wages() {
        if (mi < 1) {
            return;
        }
        int e = mi - 1;
        int mid = w.monthFirst[e] + 14;
        String period = w.yearMonth(e).toString();
        for (int p = 0; p < w.persons; p++) {
            if (!w.livingOn(p, mid) || w.inCustodyOn(p, mid)) {
                continue;
            }
            int employer = w.employerOn(p, mid);
            if (employer < 0) {
                continue;
            }
            begin();
            row.text(w.employers.creditCode[employer]);
            row.text(w.employers.name[employer]);
            row.text(period);
            name(p);
            row.text("居民身份证");
            id(p);
            row.text("正常工资薪金");
            long wage = wage(p, employer);
            row.cents(wage);
            row.cents(incomeTax(wage, w.has(p, World.F_INSURED_JOB)));
            emit();
        }
    }

    private void taxPayments() {
        if (mi < 1) {
            return;
        }
        int e = mi - 1;
        int mid = w.monthFirst[e] + 14;
        Employers emp = w.employers;
        long[] withheld = new long[emp.count];
        int[] staff = new int[emp.count];
        for (int p = 0; p < w.persons; p++) {
            if (!w.livingOn(p, mid) || w.inCustodyOn(p, mid)) {
                continue;
            }
            int employer = w.employerOn(p, mid);
            if (employer >= 0) {
                withheld[employer] += incomeTax(wage(p, employer), w.has(p, World.F_INSURED_JOB));
                staff[employer]++;
            }
        }
        String period = w.yearMonth(e).toString();
        int paid = first + 14;
        for (int i = 0; i < emp.count; i++) {
            if (staff[i] == 0) {
                continue;
            }
            if (withheld[i] > 0) {
                taxRow(i, period, "个人所得税", withheld[i], paid);
            }
            if (!emp.isPublic(i)) {
                long vat = staff[i] * (20_000L + Long.remainderUnsigned(Rng.mix(i * 17L + mi + w.seed), 150_000));
                taxRow(i, period, "增值税", vat, paid);
            }
        }
    }

    private void taxRow(int employer, String period, String item, long cents, int paid) {
        begin();
        row.text(w.employers.creditCode[employer]);
        row.text(w.employers.name[employer]);
        row.text(period);
        row.text(item);
        row.cents(cents);
        date(paid);
        emit();
    }

    private void market() {
        Employers e = w.employers;
        for (int i = 0; i < e.count; i++) {
            if (e.kind[i] != Employers.ENTERPRISE && e.kind[i] != Employers.INDIVIDUAL && e.kind[i] != Employers.COOPERATIVE) {
                continue;
            }
            boolean listed = m == 0 ? e.founded[i] <= last : e.founded[i] >= first && e.founded[i] <= last;
            if (!listed) {
                continue;
            }
            begin();
            row.text(e.creditCode[i]);
            row.text(e.name[i]);
            row.text(e.kind[i] == Employers.INDIVIDUAL ? "个体工商户" : e.kind[i] == Employers.COOPERATIVE ? "农民专业合作社"
                    : e.name[i].endsWith("股份有限公司") ? "股份有限公司" : "有限责任公司");
            NameBook.put(row, e.repSurname[i], e.repGiven[i]);
            row.end();
            date(e.founded[i]);
            row.put(w.map.countyNames[e.county[i]]).put("市场监督管理局").end();
            row.put("吉林省吉林市").put(w.map.countyNames[e.county[i]]).put(w.map.townshipName[e.township[i]]).end();
            row.text(e.founded[i] >= first ? "新设" : "存续");
            emit();
        }
    }

    private void organizationCodes() {
        Employers e = w.employers;
        for (int i = 0; i < e.count; i++) {
            String org = e.orgCode[i];
            if (org.startsWith("MA") || e.foundedInSimulation[i]) {
                continue;
            }
            begin();
            row.put(org.substring(0, 8)).put('-').put(org.charAt(8)).end();
            row.text(e.name[i]);
            row.text(switch (e.kind[i]) {
                case Employers.INSTITUTION -> "事业单位";
                case Employers.ORGAN -> "机关";
                case Employers.SOCIAL -> "社会团体";
                default -> "企业法人";
            });
            NameBook.put(row, e.repSurname[i], e.repGiven[i]);
            row.end();
            date(e.founded[i]);
            row.put("吉林省吉林市").put(w.map.countyNames[e.county[i]]).put(w.map.townshipName[e.township[i]]).end();
            emit();
        }
    }

    private void staffing() {
        int day = first;
        Employers e = w.employers;
        for (int p = 0; p < w.persons; p++) {
            if (!w.has(p, World.F_STAFFED) || !w.livingOn(p, day)) {
                continue;
            }
            int employer = w.employerOn(p, day);
            if (employer < 0 || !e.isPublic(employer)) {
                continue;
            }
            begin();
            row.text(e.name[employer]);
            row.text(e.creditCode[employer]);
            row.text(e.kind[employer] == Employers.ORGAN ? "机关" : "事业单位");
            long h = Rng.mix(p + w.seed * 3);
            row.text(e.kind[employer] == Employers.ORGAN ? (Long.remainderUnsigned(h, 10) < 8 ? "行政编制" : "工勤编制")
                    : Long.remainderUnsigned(h, 10) < 9 ? "事业编制" : "工勤编制");
            name(p);
            id(p);
            date(Math.max(w.jobStart[p] == Dates.NEVER ? w.prevStart[p] : w.jobStart[p], e.founded[employer]));
            emit();
        }
    }

    private void enlistments() {
        IntList list = channel(Timeline.CH_ENLISTMENT);
        for (int i = 0; i < list.size(); i++) {
            int e = list.get(i);
            int p = t.evPerson[e];
            begin();
            name(p);
            id(p);
            sex(p);
            date(w.birth[p]);
            date(t.evDay[e]);
            row.put(countyName(p, t.evDay[e])).put("人民武装部").end();
            row.put("吉林省").put(countyName(p, t.evDay[e])).end();
            emit();
        }
    }
}
