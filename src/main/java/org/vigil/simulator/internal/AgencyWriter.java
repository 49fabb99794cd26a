package org.vigil.simulator.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The agency's own records on the day before the first feed month (REG-1, CERT-1), in Vigil's
 * clean exchange format: UTF-8, a header row, commas, RFC 4180 quoting, ISO dates, two-decimal
 * amounts. The agency knows everyone with an enrollment or a benefit, at the address it recorded
 * at the start of the warm-up; it does not know the never-insured, the employers that never
 * registered, or deaths and imprisonments that nobody reported.
 */
final class AgencyWriter {

    static final String[] COMMUNITIES = {"code", "name", "township_code"};
    static final String[] PERSONS = {"id_number", "name", "gender", "birth_date", "region_code", "address", "phone"};
    static final String[] EMPLOYERS = {"credit_code", "name", "region_code", "registered_on"};
    static final String[] ENROLLMENTS = {"id_number", "scheme", "credit_code", "start_date", "end_date"};
    static final String[] RECIPIENTS = {"id_number", "name", "benefit_kind", "relation", "deceased_worker_id",
        "benefit_start", "monthly_amount", "bank_account", "region_code", "paying_region_code", "employer_credit_code",
        "last_certified", "over_80", "sick", "disabled"};

    private static final int RESIDENT_PENSION_LAUNCH = Dates.day(2011, 7, 1);
    private static final int RESIDENT_MEDICAL_LAUNCH = Dates.day(2008, 1, 1);
    private static final int NCMS_LAUNCH = Dates.day(2005, 1, 1);

    private final World w;
    private final Path root;

    AgencyWriter(World w, Path root) {
        this.w = w;
        this.root = root;
    }

    List<Callable<List<FileRecord>>> tasks() {
        List<Callable<List<FileRecord>>> tasks = new ArrayList<>();
        tasks.add(() -> List.of(communities()));
        tasks.add(() -> List.of(persons()));
        tasks.add(() -> List.of(employers()));
        tasks.add(() -> List.of(enrollments()));
        tasks.add(() -> List.of(recipients()));
        return tasks;
    }

    /** Whether the agency holds a record of this person on the day before the first feed month. */
    boolean known(int p) {
        if (w.has(p, World.F_DECEASED_WORKER) || w.has(p, World.F_KNOWN_DEAD)) {
            return false;
        }
        if (w.has(p, World.F_BORN_IN_SIM)) {
            return w.timeline.enrolledDay[p] < w.startDay;
        }
        return w.has(p, World.F_AGENCY);
    }

    private TableSink open(String name) {
        return new CsvSink(root.resolve("agency").resolve(name), TextEncoding.UTF_8, false);
    }

    private FileRecord done(TableSink sink, String kind) {
        sink.close();
        return FileRecord.of(sink, root.toString(), kind, FileFormat.CSV, TextEncoding.UTF_8, null);
    }

    private FileRecord persons() {
        TableSink out = open("persons.csv");
        out.header(PERSONS);
        Row row = new Row();
        for (int p = 0; p < w.persons; p++) {
            if (!known(p)) {
                continue;
            }
            row.reset();
            w.putId(row.reset(), p);
            row.end();
            w.putName(row, p);
            row.end();
            row.text(w.male[p] ? "M" : "F");
            row.iso(w.birth[p]);
            int day = Math.max(w.t0, w.birth[p]);
            int community = w.communityOn(p, w.t0 > w.birth[p] ? w.t0 : day);
            row.text(w.map.communityCode[community]);
            w.map.putAddress(row, community, w.addressVariant(p, w.t0));
            row.end();
            putPhone(row, w.phone[p]);
            row.end();
            out.write(row);
        }
        return done(out, "agency/persons");
    }

    static void putPhone(Row row, long phone) {
        if (phone > 0) {
            row.putDigits(phone);
        } else if (phone < 0) {
            row.put("0432-").putDigits(-phone);
        }
    }

    /**
     * The city's communities and villages (12-digit codes), which no public division table lists:
     * the agency's own register of them, so that addresses and ledgers can name them.
     */
    private FileRecord communities() {
        TableSink out = open("communities.csv");
        out.header(COMMUNITIES);
        Row row = new Row();
        CityMap m = w.map;
        for (int c = 0; c < m.communities; c++) {
            row.reset();
            row.text(m.communityCode[c]);
            row.text(m.communityName[c]);
            row.text(m.townshipCode[m.communityTownship[c]]);
            out.write(row);
        }
        return done(out, "agency/communities");
    }

    private FileRecord employers() {
        TableSink out = open("employers.csv");
        out.header(EMPLOYERS);
        Row row = new Row();
        Employers e = w.employers;
        for (int i = 0; i < e.count; i++) {
            if (!e.registered[i]) {
                continue;
            }
            row.reset();
            row.text(e.creditCode[i]);
            row.text(e.name[i]);
            row.text(e.countyLevelRegion[i] ? w.map.countyCode(e.county[i]) : w.map.townshipCode[e.township[i]]);
            row.iso(e.registeredOn[i]);
            out.write(row);
        }
        return done(out, "agency/employers");
    }

    private FileRecord enrollments() {
        TableSink out = open("enrollments.csv");
        out.header(ENROLLMENTS);
        Row row = new Row();
        Rng rng = new Rng();
        Employers e = w.employers;
        int before = w.startDay;
        for (int p = 0; p < w.persons; p++) {
            if (!known(p)) {
                continue;
            }
            rng.seed(w.seed, Streams.CAREER, p, 7);
            int prev = w.prevEmployer[p];
            if (prev >= 0 && w.has(p, World.F_PREV_INSURED) && e.registered[prev] && w.prevStart[p] < before) {
                int start = Math.max(w.prevStart[p] + rng.nextInt(60), e.registeredOn[prev]);
                int end = w.prevEnd[p];
                if (start < end && start < before) {
                    boolean retired = w.retireDay[p] == end;
                    employeeSchemes(out, row, p, e.creditCode[prev], start, end < before ? end : Dates.NEVER, retired);
                }
            }
            int cur = w.employer[p];
            if (cur >= 0 && w.has(p, World.F_INSURED_JOB) && w.jobStart[p] < before) {
                int start = Math.max(w.jobStart[p] + rng.nextInt(60), e.registeredOn[cur]);
                int end = w.jobEnd[p] < before ? w.jobEnd[p] : Dates.NEVER;
                if (start < before && start < end) {
                    employeeSchemes(out, row, p, e.creditCode[cur], start, end, false);
                }
            }
            int sixteen = Dates.birthday(w.birth[p], 16);
            if (w.has(p, World.F_RES_PENSION)) {
                int start = Math.max(sixteen, RESIDENT_PENSION_LAUNCH) + rng.nextInt(900);
                int r = w.recipient[p];
                if (r >= 0 && w.recipients.kind[r] == Recipients.RESIDENT_PENSION) {
                    start = Math.min(start, w.recipients.start[r] - 1);
                }
                if (start < before) {
                    enrollment(out, row, p, "RESIDENT_PENSION", null, start, Dates.NEVER);
                }
            }
            boolean urbanMedical = w.has(p, World.F_RES_MEDICAL);
            if (urbanMedical || w.has(p, World.F_NCMS)) {
                int start;
                if (w.has(p, World.F_BORN_IN_SIM)) {
                    start = w.timeline.enrolledDay[p];
                } else {
                    int launch = urbanMedical ? RESIDENT_MEDICAL_LAUNCH : NCMS_LAUNCH;
                    start = Math.max(w.birth[p] + rng.nextInt(120), launch + rng.nextInt(700));
                }
                if (start < before) {
                    enrollment(out, row, p, urbanMedical ? "RESIDENT_MEDICAL" : "NCMS", null, start, Dates.NEVER);
                }
            }
        }
        return done(out, "agency/enrollments");
    }

    private void employeeSchemes(TableSink out, Row row, int p, String credit, int start, int end, boolean retired) {
        enrollment(out, row, p, "EMPLOYEE_PENSION", credit, start, end);
        enrollment(out, row, p, "EMPLOYEE_MEDICAL", credit, start, retired ? Dates.NEVER : end);
        enrollment(out, row, p, "WORK_INJURY", credit, start, end);
        enrollment(out, row, p, "UNEMPLOYMENT", credit, start, end);
        enrollment(out, row, p, "MATERNITY", credit, start, end);
    }

    private void enrollment(TableSink out, Row row, int p, String scheme, String credit, int start, int end) {
        row.reset();
        w.putId(row, p);
        row.end();
        row.text(scheme);
        row.text(credit);
        row.iso(start);
        row.iso(end);
        out.write(row);
    }

    private FileRecord recipients() {
        TableSink out = open("recipients.csv");
        out.header(RECIPIENTS);
        Row row = new Row();
        Recipients r = w.recipients;
        int dayBefore = w.startDay - 1;
        for (int i = 0; i < r.count; i++) {
            if (!r.inAgency[i]) {
                continue;
            }
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
            row.iso(r.start[i]);
            row.cents(r.amountCents[i]);
            row.num(r.bankAccount[i]);
            row.text(w.map.communityCode[w.communityOn(p, w.t0)]);
            row.text(w.map.countyCode(r.payingCounty[i]));
            row.text(r.employer[i] >= 0 ? w.employers.creditCode[r.employer[i]] : null);
            row.iso(r.lastCertified[i]);
            row.bool(w.age(p, dayBefore) >= 80);
            row.bool(w.has(p, World.F_SICK));
            row.bool(w.disabledOn(p, dayBefore));
            out.write(row);
        }
        return done(out, "agency/recipients");
    }
}
