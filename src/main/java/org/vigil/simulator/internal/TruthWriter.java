package org.vigil.simulator.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The ground truth Vigil's decisions are scored against: everyone who lived in the city and what
 * happened to them, which department reported what and when, the employers and people who should
 * be insured and are not (REG-4), the fraud cases, and each recipient's true state at the end of
 * every feed month. Clean UTF-8 CSV like the agency's files.
 */
final class TruthWriter {

    static final String[] RESIDENTS = {"person_no", "id_number", "name", "gender", "birth_date", "ethnicity", "household_no",
        "relation_to_head", "region_code", "address", "phone", "career", "employer_credit_code", "insured_at_job",
        "schemes", "in_agency", "benefit_kind", "disabled_since", "born_in_simulation", "birth_registered_on",
        "death_date"};
    static final String[] HOUSEHOLDS = {"household_no", "kind", "region_code", "address", "head_id_number", "moved_on",
        "new_region_code"};
    static final String[] EMPLOYERS = {"credit_code", "organization_code", "name", "kind", "industry", "region_code",
        "founded_on", "si_registered", "si_registered_on", "employees_at_start", "insured_employees_at_start",
        "founded_in_simulation"};
    static final String[] DEATHS = {"id_number", "name", "death_date", "age", "benefit_kind", "in_agency", "reported_by",
        "first_report_month", "unreported", "single_source", "known_before_start", "fraud"};
    static final String[] CUSTODY = {"id_number", "name", "custody_start", "judgment_date", "sentence_end", "released_on",
        "term_months", "court_reports", "prison_reports", "benefit_kind", "known_before_start", "fraud"};
    static final String[] EVENTS = {"event_month", "event_date", "event", "id_number", "name", "detail", "region_code"};
    static final String[] GAPS = {"gap", "subject", "name", "employer_credit_code", "since", "detail"};
    static final String[] FRAUD = {"case_no", "fraud", "id_number", "name", "benefit_kind", "since", "detail"};
    static final String[] MONTHLY = {"id_number", "name", "benefit_kind", "relation", "deceased_worker_id", "in_agency",
        "alive", "death_date", "in_custody", "custody_since", "eligible", "reason", "reason_since", "region_code", "over_80",
        "disabled", "fraud"};

    private final World w;
    private final Path root;

    TruthWriter(World w, Path root) {
        this.w = w;
        this.root = root;
    }

    List<Callable<List<FileRecord>>> tasks() {
        List<Callable<List<FileRecord>>> tasks = new ArrayList<>();
        tasks.add(() -> List.of(residents()));
        tasks.add(() -> List.of(households(), employers()));
        tasks.add(() -> List.of(deaths(), custody(), fraud()));
        tasks.add(() -> List.of(events(), gaps()));
        for (int m = 0; m < w.months; m++) {
            int month = m;
            tasks.add(() -> List.of(monthly(month)));
        }
        return tasks;
    }

    private TableSink open(String path) {
        return new CsvSink(root.resolve(path), TextEncoding.UTF_8, false);
    }

    private FileRecord done(TableSink sink, String kind) {
        sink.close();
        return FileRecord.of(sink, root.toString(), kind, FileFormat.CSV, TextEncoding.UTF_8, null);
    }

    private String benefitKind(int p) {
        int r = w.recipient[p];
        return r < 0 ? null : Recipients.KIND_NAMES[w.recipients.kind[r]];
    }

    private FileRecord residents() {
        TableSink out = open("truth/residents.csv");
        out.header(RESIDENTS);
        Row row = new Row();
        AgencyWriter agency = new AgencyWriter(w, root);
        int dayBefore = w.startDay - 1;
        for (int p = 0; p < w.persons; p++) {
            row.reset();
            row.num(p);
            w.putId(row, p);
            row.end();
            w.putName(row, p);
            row.end();
            row.text(w.male[p] ? "M" : "F");
            row.iso(w.birth[p]);
            row.text(Ethnicity.NAMES[w.ethnicity[p]]);
            row.num(w.household[p]);
            row.text(w.has(p, World.F_DECEASED_WORKER) ? "已故职工" : World.RELATION_NAMES[w.relation[p]]);
            int day = Math.max(w.t0, w.birth[p]);
            int community = w.communityOn(p, day);
            row.text(w.map.communityCode[community]);
            w.map.putAddress(row, community, w.addressVariant(p, day));
            row.end();
            AgencyWriter.putPhone(row, w.phone[p]);
            row.end();
            row.text(World.CAREER_NAMES[w.career[p]]);
            int employer = w.employerOn(p, dayBefore);
            row.text(employer >= 0 ? w.employers.creditCode[employer] : null);
            row.bool(employer >= 0 && w.has(p, World.F_INSURED_JOB));
            putSchemes(row, p);
            row.bool(agency.known(p));
            row.text(benefitKind(p));
            row.iso(w.disabledDay[p]);
            row.bool(w.has(p, World.F_BORN_IN_SIM));
            int registered = w.registeredDay[p];
            row.iso(registered == Integer.MIN_VALUE ? Dates.NEVER : registered);
            row.iso(w.death[p]);
            out.write(row);
        }
        return done(out, "truth/residents");
    }

    private void putSchemes(Row row, int p) {
        int start = row.openLength();
        if (w.has(p, World.F_INSURED_JOB) && w.employer[p] >= 0 || w.has(p, World.F_RETIREE_MEDICAL)) {
            row.put("EMPLOYEE_MEDICAL;");
        }
        if (w.has(p, World.F_INSURED_JOB) && w.employer[p] >= 0) {
            row.put("EMPLOYEE_PENSION;WORK_INJURY;UNEMPLOYMENT;MATERNITY;");
        }
        if (w.has(p, World.F_RES_PENSION)) {
            row.put("RESIDENT_PENSION;");
        }
        if (w.has(p, World.F_RES_MEDICAL)) {
            row.put("RESIDENT_MEDICAL;");
        }
        if (w.has(p, World.F_NCMS)) {
            row.put("NCMS;");
        }
        if (row.openLength() > start) {
            row.trim(1);
        }
        row.end();
    }

    private FileRecord households() {
        TableSink out = open("truth/households.csv");
        out.header(HOUSEHOLDS);
        Row row = new Row();
        for (int h = 0; h < w.households; h++) {
            row.reset();
            row.num(h);
            row.text(PopulationBuilder.KIND_NAMES[w.hhKind[h]]);
            row.text(w.map.communityCode[w.hhCommunity[h]]);
            w.map.putAddress(row, w.hhCommunity[h], h);
            row.end();
            if (w.hhHead[h] >= 0) {
                w.putId(row, w.hhHead[h]);
            }
            row.end();
            row.iso(w.hhMoveDay[h]);
            row.text(w.hhMoveDay[h] == Dates.NEVER ? null : w.map.communityCode[w.hhNewCommunity[h]]);
            out.write(row);
        }
        return done(out, "truth/households");
    }

    private FileRecord employers() {
        TableSink out = open("truth/employers.csv");
        out.header(EMPLOYERS);
        Row row = new Row();
        Employers e = w.employers;
        for (int i = 0; i < e.count; i++) {
            row.reset();
            row.text(e.creditCode[i]);
            row.text(e.orgCode[i]);
            row.text(e.name[i]);
            row.text(Employers.KIND_NAMES[e.kind[i]]);
            row.text(e.industry[i] >= 0 ? Employers.INDUSTRIES[e.industry[i]] : null);
            row.text(w.map.townshipCode[e.township[i]]);
            row.iso(e.founded[i]);
            row.bool(e.registered[i]);
            row.iso(e.registeredOn[i]);
            row.num(e.employeesAtStart[i]);
            row.num(e.insuredAtStart[i]);
            row.bool(e.foundedInSimulation[i]);
            out.write(row);
        }
        return done(out, "truth/employers");
    }

    /** Reports per event, as "source@yyyy-MM" joined by semicolons, in channel order. */
    private String[] reportsByEvent(int[] channels, boolean custody) {
        Timeline t = w.timeline;
        StringBuilder[] sb = new StringBuilder[custody ? t.custodies : t.events];
        for (int ch : channels) {
            for (int m = 0; m < w.totalMonths(); m++) {
                IntList list = t.reports[ch][m];
                for (int i = 0; i < list.size(); i++) {
                    int item = list.get(i);
                    if (sb[item] == null) {
                        sb[item] = new StringBuilder();
                    } else {
                        sb[item].append(';');
                    }
                    sb[item].append(Timeline.CHANNEL_SOURCES[ch]).append('@').append(w.yearMonth(m));
                }
            }
        }
        String[] out = new String[sb.length];
        for (int i = 0; i < sb.length; i++) {
            out[i] = sb[i] == null ? null : sb[i].toString();
        }
        return out;
    }

    private FileRecord deaths() {
        TableSink out = open("truth/deaths.csv");
        out.header(DEATHS);
        Row row = new Row();
        Timeline t = w.timeline;
        String[] reported = reportsByEvent(Timeline.DEATH_CHANNELS, false);
        int[] firstMonth = firstMonths(Timeline.DEATH_CHANNELS, t.events);
        AgencyWriter agency = new AgencyWriter(w, root);
        for (int e = 0; e < t.events; e++) {
            if (t.evKind[e] != Timeline.EV_DEATH) {
                continue;
            }
            int p = t.evPerson[e];
            row.reset();
            w.putId(row, p);
            row.end();
            w.putName(row, p);
            row.end();
            row.iso(t.evDay[e]);
            row.num(w.age(p, t.evDay[e]));
            row.text(benefitKind(p));
            row.bool(agency.known(p) || w.has(p, World.F_KNOWN_DEAD));
            row.text(reported[e]);
            row.text(firstMonth[e] == Integer.MAX_VALUE ? null : w.yearMonth(firstMonth[e]).toString());
            row.bool(t.evAux[e] == Timeline.DEATH_UNREPORTED);
            row.bool(t.evAux[e] == Timeline.DEATH_SINGLE_SOURCE);
            row.bool(w.has(p, World.F_KNOWN_DEAD));
            putFraud(row, p);
            out.write(row);
        }
        return done(out, "truth/deaths");
    }

    private int[] firstMonths(int[] channels, int size) {
        Timeline t = w.timeline;
        int[] first = new int[size];
        java.util.Arrays.fill(first, Integer.MAX_VALUE);
        for (int ch : channels) {
            for (int m = 0; m < w.totalMonths(); m++) {
                IntList list = t.reports[ch][m];
                for (int i = 0; i < list.size(); i++) {
                    int item = list.get(i);
                    first[item] = Math.min(first[item], m);
                }
            }
        }
        return first;
    }

    private void putFraud(Row row, int p) {
        int r = w.recipient[p];
        int start = row.openLength();
        if (r >= 0) {
            int f = w.recipients.fraud[r];
            for (int b = 0; b < Recipients.FRAUD_NAMES.length; b++) {
                if ((f & (1 << b)) != 0) {
                    row.put(Recipients.FRAUD_NAMES[b]).put(';');
                }
            }
        }
        if (row.openLength() > start) {
            row.trim(1);
        }
        row.end();
    }

    private FileRecord custody() {
        TableSink out = open("truth/custody.csv");
        out.header(CUSTODY);
        Row row = new Row();
        Timeline t = w.timeline;
        String[] court = reportsByEvent(new int[] {Timeline.CH_COURT}, true);
        String[] prison = reportsByEvent(new int[] {Timeline.CH_PRISON_IN, Timeline.CH_PRISON_OUT}, true);
        for (int c = 0; c < t.custodies; c++) {
            int p = t.custodyPerson[c];
            row.reset();
            w.putId(row, p);
            row.end();
            w.putName(row, p);
            row.end();
            row.iso(t.custodyStart[c]);
            row.iso(t.custodyJudgment[c]);
            row.iso(t.custodySentenceEnd[c]);
            row.iso(t.custodyRelease[c] <= w.endDay ? t.custodyRelease[c] : Dates.NEVER);
            row.num(t.custodyTermMonths[c]);
            row.text(court[c]);
            row.text(prison[c]);
            row.text(benefitKind(p));
            row.bool(w.has(p, World.F_KNOWN_IN_CUSTODY));
            putFraud(row, p);
            out.write(row);
        }
        return done(out, "truth/custody");
    }

    private FileRecord events() {
        TableSink out = open("truth/events.csv");
        out.header(EVENTS);
        Row row = new Row();
        Timeline t = w.timeline;
        for (int e = 0; e < t.events; e++) {
            int p = t.evPerson[e];
            int day = t.evDay[e];
            row.reset();
            row.putDigits(Dates.year(day)).put('-').putPadded(Dates.month(day), 2).end();
            row.iso(day);
            row.text(Timeline.EVENT_NAMES[t.evKind[e]]);
            w.putId(row, p);
            row.end();
            w.putName(row, p);
            row.end();
            detail(row, e);
            row.text(w.map.communityCode[w.communityOn(p, Math.max(day - 1, w.birth[p]))]);
            out.write(row);
        }
        return done(out, "truth/events");
    }

    private void detail(Row row, int e) {
        Timeline t = w.timeline;
        int aux = t.evAux[e];
        int p = t.evPerson[e];
        switch (t.evKind[e]) {
            case Timeline.EV_DEATH -> row.put(aux == Timeline.DEATH_UNREPORTED ? "unreported"
                    : aux == Timeline.DEATH_SINGLE_SOURCE ? "single source" : "");
            case Timeline.EV_BIRTH -> {
                row.put("mother ");
                w.putId(row, aux);
            }
            case Timeline.EV_CUSTODY -> row.put("term ").putDigits(t.custodyTermMonths[aux]).put(" months, ends ")
                    .put(Dates.date(t.custodySentenceEnd[aux]).toString());
            case Timeline.EV_RELEASE -> row.put("in custody since ").put(Dates.date(t.custodyStart[aux]).toString());
            case Timeline.EV_ADOPTION -> {
                row.put("adopted by ");
                w.putId(row, aux);
            }
            case Timeline.EV_MARRIAGE -> {
                row.put("married ");
                w.putId(row, aux);
            }
            case Timeline.EV_HIRED -> row.put("employer ").put(w.employers.creditCode[aux])
                    .put(w.has(p, World.F_INSURED_JOB) ? " insured" : " not insured");
            case Timeline.EV_LEFT_JOB -> row.put("employer ").put(w.employers.creditCode[aux]);
            case Timeline.EV_MOVE -> row.put("household moved to ").put(w.map.communityCode[aux]);
            case Timeline.EV_AGE_LIMIT -> row.put("dependent turned 18");
            default -> {
            }
        }
        int r = w.recipient[p];
        if (r >= 0 && w.recipients.lossDay[r] == t.evDay[e] && w.recipients.lossReason[r] != Recipients.LOSS_NONE) {
            row.put(row.openLength() > 0 ? "; " : "").put("dependent loses eligibility: ")
                    .put(Recipients.LOSS_NAMES[w.recipients.lossReason[r]]);
        }
        row.end();
    }

    private FileRecord gaps() {
        TableSink out = open("truth/gaps.csv");
        out.header(GAPS);
        Row row = new Row();
        Employers e = w.employers;
        int dayBefore = w.startDay - 1;
        for (int i = 0; i < e.count; i++) {
            if (!e.registered[i] && e.employeesAtStart[i] > 0) {
                row.reset();
                row.text("EMPLOYER_NOT_REGISTERED");
                row.text(e.creditCode[i]);
                row.text(e.name[i]);
                row.text(e.creditCode[i]);
                row.iso(e.founded[i]);
                row.put("employees at start: ").putDigits(e.employeesAtStart[i]).end();
                out.write(row);
            }
        }
        AgencyWriter agency = new AgencyWriter(w, root);
        for (int p = 0; p < w.persons; p++) {
            if (w.has(p, World.F_DECEASED_WORKER) || !w.livingOn(p, dayBefore) && !w.has(p, World.F_BORN_IN_SIM)) {
                continue;
            }
            int employer = w.employerOn(p, dayBefore);
            if (employer >= 0 && !w.has(p, World.F_INSURED_JOB) && w.jobStart[p] <= dayBefore) {
                gap(out, row, "EMPLOYEE_NOT_INSURED", p, employer, w.jobStart[p],
                        e.registered[employer] ? "wages paid, no employee insurance" : "employer never registered");
            } else if (w.employer[p] >= 0 && w.jobStart[p] > dayBefore && !w.has(p, World.F_INSURED_JOB)
                    && w.jobStart[p] <= w.endDay) {
                gap(out, row, "HIRED_NOT_INSURED", p, w.employer[p], w.jobStart[p], "hired during the feed months");
            }
            boolean newborn = w.has(p, World.F_BORN_IN_SIM) || w.age(p, dayBefore) == 0;
            boolean medical = w.has(p, World.F_RES_MEDICAL) || w.has(p, World.F_NCMS);
            if (newborn && !medical && w.livingOn(p, Math.min(w.endDay, w.birth[p] + 90))) {
                gap(out, row, "NEWBORN_NOT_ENROLLED", p, -1, w.birth[p], "no medical insurance after birth");
            } else if (!newborn && w.livingOn(p, dayBefore) && !agency.known(p) && employer < 0) {
                gap(out, row, "NOT_ENROLLED", p, -1, Dates.NEVER, "in no scheme");
            }
        }
        return done(out, "truth/gaps");
    }

    private void gap(TableSink out, Row row, String kind, int p, int employer, int since, String detail) {
        row.reset();
        row.text(kind);
        w.putId(row, p);
        row.end();
        w.putName(row, p);
        row.end();
        row.text(employer >= 0 ? w.employers.creditCode[employer] : null);
        row.iso(since);
        row.text(detail);
        out.write(row);
    }

    private FileRecord fraud() {
        TableSink out = open("truth/fraud.csv");
        out.header(FRAUD);
        Row row = new Row();
        Recipients r = w.recipients;
        int caseNo = 0;
        for (int i = 0; i < r.count; i++) {
            if (r.fraud[i] == 0) {
                continue;
            }
            int p = r.person[i];
            for (int b = 0; b < Recipients.FRAUD_NAMES.length; b++) {
                int bit = 1 << b;
                if ((r.fraud[i] & bit) == 0) {
                    continue;
                }
                row.reset();
                row.num(++caseNo);
                row.text(Recipients.FRAUD_NAMES[b]);
                w.putId(row, p);
                row.end();
                w.putName(row, p);
                row.end();
                row.text(Recipients.KIND_NAMES[r.kind[i]]);
                row.iso(r.fraudSince[i]);
                row.text(switch (bit) {
                    case Recipients.FRAUD_DEATH_UNREPORTED -> "died before the feed months; no department reports the death";
                    case Recipients.FRAUD_DEATH_SINGLE_SOURCE -> "exactly one department reports the death";
                    case Recipients.FRAUD_DEAD_ACCOUNT_USED -> "bank counter transactions on the account after the death";
                    default -> "in custody since before the feed months; the court's notice never reached the agency";
                });
                out.write(row);
            }
        }
        return done(out, "truth/fraud");
    }

    private FileRecord monthly(int m) {
        int mi = m + World.WARMUP_MONTHS;
        int end = w.monthLast[mi];
        String month = w.yearMonth(mi).toString();
        TableSink out = open("truth/" + month + "/recipients.csv");
        out.header(MONTHLY);
        Row row = new Row();
        Recipients r = w.recipients;
        Timeline t = w.timeline;
        for (int i = 0; i < r.count; i++) {
            int p = r.person[i];
            row.reset();
            w.putId(row, p);
            row.end();
            w.putName(row, p);
            row.end();
            row.text(Recipients.KIND_NAMES[r.kind[i]]);
            row.text(r.relation[i] >= 0 ? Recipients.RELATION_NAMES[r.relation[i]] : null);
            if (r.worker[i] >= 0) {
                w.putId(row, r.worker[i]);
            }
            row.end();
            row.bool(r.inAgency[i]);
            boolean alive = w.aliveOn(p, end);
            row.bool(alive);
            row.iso(alive ? Dates.NEVER : w.death[p]);
            boolean custody = alive && w.inCustodyOn(p, end);
            row.bool(custody);
            row.iso(custody ? t.custodyStart[w.custody[p]] : Dates.NEVER);
            String reason = null;
            int since = Dates.NEVER;
            if (!alive) {
                reason = "DEATH";
                since = w.death[p];
            } else if (custody) {
                reason = "CUSTODY";
                since = t.custodyStart[w.custody[p]];
            } else if (r.lossDay[i] <= end) {
                reason = Recipients.LOSS_NAMES[r.lossReason[i]];
                since = r.lossDay[i];
            }
            row.bool(reason == null);
            row.text(reason);
            row.iso(since);
            row.text(w.map.communityCode[w.communityOn(p, end)]);
            row.bool(w.age(p, end) >= 80);
            row.bool(w.disabledOn(p, end));
            putFraud(row, p);
            out.write(row);
        }
        return done(out, "truth/recipients");
    }
}
