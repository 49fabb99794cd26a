package org.vigil.certification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.CertificationPolicy;
import org.vigil.certification.DueBucket;
import org.vigil.certification.LedgerCounts;
import org.vigil.certification.LedgerExport;
import org.vigil.certification.LedgerKind;
import org.vigil.certification.LedgerLine;
import org.vigil.certification.LedgerQuery;
import org.vigil.certification.Ledgers;
import org.vigil.certification.ListExport;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.disclosure.Watermark;
import org.vigil.identity.RegionDirectory;
import org.vigil.registry.CommunityDirectory;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A month's ledger as files for the districts, streets and communities: CSV (UTF-8 with a
 * byte-order mark, for Excel) with a summary file beside it, or one XLSX workbook with the summary
 * sheet first. Lines stream from the database in ledger order and are written as they come. A
 * controlled export (DATA-9) writes the workbook to a stream, watermarked and masked.
 */
@Service
class LedgerFiles implements LedgerExport {

    static final List<String> HEADERS = List.of("区县代码", "区县", "街道代码", "街道（乡镇）", "社区代码", "社区（村）",
            "身份证号", "姓名", "年龄", "待遇类别", "联系电话", "认证期满日", "到期提醒", "列入原因", "需调查",
            "上门服务（高龄、患病、残疾）", "认证不通过原因", "组织认证", "用人单位统一社会信用代码", "核实任务号", "任务状态",
            "核实人员", "核实结果");
    static final List<String> SUMMARY_HEADERS;
    private static final int FLUSH_EVERY = 5_000;

    static {
        List<String> h = new ArrayList<>(List.of("层级", "区划代码", "名称", "合计"));
        for (DueBucket b : DueBucket.values()) {
            h.add(b.chinese());
        }
        SUMMARY_HEADERS = List.copyOf(h);
    }

    private final Ledgers ledgers;
    private final CertificationLists lists;
    private final PolicyBook policies;
    private final CommunityDirectory communities;
    private final Clock clock;

    LedgerFiles(Ledgers ledgers, CertificationLists lists, PolicyBook policies, CommunityDirectory communities,
            Clock clock) {
        this.ledgers = ledgers;
        this.lists = lists;
        this.policies = policies;
        this.communities = communities;
        this.clock = clock;
    }

    @Override
    public long write(LedgerQuery query, Watermark mark, boolean masked, OutputStream out) {
        VerificationRun run = lists.run(query.month()).orElseThrow(() -> new IllegalStateException(
                "month " + query.month() + " has not been verified / 该月尚未核验"));
        ListFiles.Names names = new ListFiles.Names(RegionDirectory.standard().withDivisions(communities.communities()));
        try {
            return xlsx(run, query, names, RunPolicy.of(policies, run), out,
                    new FileMarks(Objects.requireNonNull(mark, "mark"), masked, clock));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write the ledger: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Path> export(YearMonth month, LedgerKind kind, ListExport.Format format, Path folder,
            Optional<String> district, Watermark mark, boolean masked) {
        FileMarks marks = mark == null && !masked ? FileMarks.NONE : new FileMarks(mark, masked, clock);
        VerificationRun run = lists.run(month).orElseThrow(() -> new IllegalStateException(
                "month " + month + " has not been verified / 该月尚未核验"));
        LedgerQuery query = district.isPresent() ? LedgerQuery.of(month, kind).inDistrict(district.get())
                : LedgerQuery.of(month, kind);
        ListFiles.Names names = new ListFiles.Names(RegionDirectory.standard().withDivisions(communities.communities()));
        CertificationPolicy policy = RunPolicy.of(policies, run);
        String base = "ledger-" + kind.code() + "-" + month + district.map(d -> "-" + d).orElse("");
        try {
            Files.createDirectories(folder);
            if (format == ListExport.Format.CSV) {
                Path ledger = folder.resolve(base + ".csv");
                Path summary = folder.resolve(base + "-summary.csv");
                try (CsvWriter w = open(ledger)) {
                    marks.stamp(w);
                    w.writeRecord(HEADERS);
                    ledgers.forEach(query, line -> w.writeRecord(row(line, names, policy, marks)));
                }
                try (CsvWriter w = open(summary)) {
                    marks.stamp(w);
                    w.writeRecord(SUMMARY_HEADERS);
                    summary(query, names).forEach(w::writeRecord);
                }
                return List.of(ledger, summary);
            }
            Path file = folder.resolve(base + ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                xlsx(run, query, names, policy, out, marks);
            }
            return List.of(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write the ledger into " + folder + ": " + e.getMessage(), e);
        }
    }

    /** A CSV writer that owns its file. */
    private static CsvWriter open(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return CsvWriter.builder().build(out);
    }

    /** The workbook into the stream, which stays open; the lines written. */
    private long xlsx(VerificationRun run, LedgerQuery query, ListFiles.Names names, CertificationPolicy policy,
            OutputStream out, FileMarks marks) throws IOException {
        Workbook workbook = new Workbook(out, "Vigil", "1.0");
        marks.properties(workbook);
        ListFiles.summarySheet(workbook, run.month() + " " + query.kind().chinese() + "（核验基准日 / as of " + run.asOf()
                + "，政策版本 / policy " + run.policyVersion() + "）", SUMMARY_HEADERS, summary(query, names), marks);
        Sheets sheets = new Sheets(workbook, query.kind().chinese(), marks);
        long[] written = new long[1];
        ledgers.forEach(query, line -> {
            sheets.add(row(line, names, policy, marks));
            written[0]++;
        });
        sheets.finish();
        workbook.finish();
        return written[0];
    }

    /** The ledger's sheet, continued in a second one past the rows a sheet allows. */
    private static final class Sheets {

        private final Workbook workbook;
        private final String name;
        private final FileMarks marks;
        private Worksheet sheet;
        private int part;
        private int row;

        Sheets(Workbook workbook, String name, FileMarks marks) {
            this.workbook = workbook;
            this.name = name;
            this.marks = marks;
            next();
        }

        void add(List<String> values) {
            if (row > ListFiles.SHEET_ROWS) {
                close();
                next();
            }
            for (int c = 0; c < values.size(); c++) {
                sheet.value(row, c, values.get(c));
            }
            row++;
            if (row % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        void finish() {
            close();
        }

        private void next() {
            part++;
            sheet = workbook.newWorksheet(part == 1 ? name : name + "（" + part + "）");
            marks.stamp(sheet);
            ListFiles.header(sheet, marks.top(), HEADERS);
            row = marks.top() + 1;
        }

        private void close() {
            try {
                sheet.finish();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }


    /** The counts at district, street and community level, each district followed by its streets and communities. */
    private List<List<String>> summary(LedgerQuery query, ListFiles.Names names) {
        List<List<String>> rows = new ArrayList<>();
        List<LedgerCounts> districts = ledgers.counts(query, CertificationLists.Level.DISTRICT);
        List<LedgerCounts> streets = ledgers.counts(query, CertificationLists.Level.STREET);
        List<LedgerCounts> places = ledgers.counts(query, CertificationLists.Level.COMMUNITY);
        long[] total = new long[DueBucket.values().length];
        for (LedgerCounts d : districts) {
            rows.add(summaryRow("区县", d, names));
            for (LedgerCounts s : streets) {
                if (s.region().length() == 9 && s.region().startsWith(d.region())) {
                    rows.add(summaryRow("街道（乡镇）", s, names));
                    for (LedgerCounts c : places) {
                        if (c.region().length() == 12 && c.region().startsWith(s.region())) {
                            rows.add(summaryRow("社区（村）", c, names));
                        }
                    }
                }
            }
            for (DueBucket b : DueBucket.values()) {
                total[b.ordinal()] += d.count(b);
            }
        }
        Map<DueBucket, Long> all = new EnumMap<>(DueBucket.class);
        for (DueBucket b : DueBucket.values()) {
            all.put(b, total[b.ordinal()]);
        }
        rows.add(summaryRow("合计", new LedgerCounts("", all), names));
        return rows;
    }

    private static List<String> summaryRow(String level, LedgerCounts c, ListFiles.Names names) {
        List<String> row = new ArrayList<>(SUMMARY_HEADERS.size());
        row.add(level);
        row.add(c.region());
        row.add(c.region().isEmpty() ? "" : names.of(c.region()));
        row.add(Long.toString(c.total()));
        for (DueBucket b : DueBucket.values()) {
            row.add(Long.toString(c.count(b)));
        }
        return row;
    }

    static List<String> row(LedgerLine l, ListFiles.Names names, CertificationPolicy policy, FileMarks marks) {
        List<String> row = new ArrayList<>(HEADERS.size());
        row.add(l.jurisdiction().district());
        row.add(names.of(l.jurisdiction().district()));
        row.add(text(l.jurisdiction().street()));
        row.add(l.jurisdiction().street() == null ? "" : names.of(l.jurisdiction().street()));
        row.add(text(l.jurisdiction().community()));
        row.add(l.jurisdiction().community() == null ? "" : names.of(l.jurisdiction().community()));
        row.add(marks.id(l.idNumber()));
        row.add(marks.name(l.name()));
        row.add(Integer.toString(l.age()));
        row.add(l.benefit().chinese());
        row.add(text(marks.phone(l.phone())));
        row.add(date(l.periodEnd()));
        row.add(l.bucket().chinese());
        row.add(l.reasons().stream().map(r -> r.code().chinese()).collect(Collectors.joining("；")));
        row.add(l.investigate() ? "是" : "");
        row.add(homeVisit(l, policy));
        row.add(text(l.failureReason()));
        row.add(l.jurisdiction().organisedBy().chinese());
        row.add(text(l.jurisdiction().employerCreditCode()));
        row.add(l.task() == null ? "" : Long.toString(l.task().id()));
        row.add(l.task() == null ? "" : l.task().status().chinese());
        row.add(l.task() == null ? "" : text(l.task().assignedTo()));
        row.add(l.task() == null || l.task().result() == null ? "" : l.task().result().chinese());
        return row;
    }

    /** Why the recipient is on the home-visit ledger, in the words of 第二十三条. */
    static String homeVisit(LedgerLine l, CertificationPolicy policy) {
        List<String> why = new ArrayList<>(3);
        if (l.overEighty() || l.age() >= policy.homeVisitAge()) {
            why.add("高龄（" + l.age() + "岁）");
        }
        if (l.sick()) {
            why.add("患病");
        }
        if (l.disabled()) {
            why.add("残疾");
        }
        return String.join("、", why);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
