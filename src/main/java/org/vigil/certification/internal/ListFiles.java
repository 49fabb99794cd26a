package org.vigil.certification.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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
import org.vigil.certification.Decision;
import org.vigil.certification.EligibilityStatus;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.EvidenceRule;
import org.vigil.certification.ListCounts;
import org.vigil.certification.ListEntry;
import org.vigil.certification.ListExport;
import org.vigil.certification.ListQuery;
import org.vigil.certification.PolicyBook;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.disclosure.Watermark;
import org.vigil.identity.Region;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.registry.CommunityDirectory;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * The month's lists as files for the districts, streets and communities: CSV (UTF-8 with a
 * byte-order mark, so that Excel shows the Chinese) one file per list and a summary, or one XLSX
 * workbook with a summary sheet and a sheet per list. Entries stream from the database in list
 * order and are written as they come; an XLSX sheet is flushed every few thousand rows and a list
 * longer than a sheet allows goes on in a second sheet. A controlled export (DATA-9) writes the
 * same workbook to a stream with a watermark on every sheet and personal data masked unless the
 * request allowed it in full.
 */
@Service
class ListFiles implements ListExport {

    static final List<String> HEADERS = List.of("区县代码", "区县", "街道代码", "街道（乡镇）", "社区代码", "社区（村）",
            "身份证号", "姓名", "待遇类别", "月待遇金额（元）", "名单", "原因", "依据条款", "证据类别", "证据日期",
            "丧失资格日期", "本次认证日期", "认证期满日", "到期提醒", "需调查", "列入依据", "组织认证", "用人单位统一社会信用代码",
            "证据来源（提供单位/数据项#批次:行）");
    static final List<String> SUMMARY_HEADERS = List.of("层级", "区划代码", "名称", EligibilityStatus.QUALIFIED.chinese(),
            EligibilityStatus.DISQUALIFIED.chinese(), EligibilityStatus.TO_BE_VERIFIED.chinese(), "合计");
    static final String SUMMARY = "汇总";
    /** Rows per sheet, below the format's 1,048,576, leaving room for the header. */
    static final int SHEET_ROWS = 1_000_000;
    private static final int FLUSH_EVERY = 5_000;

    private final CertificationLists lists;
    private final PolicyBook policies;
    private final CommunityDirectory communities;
    private final Clock clock;

    ListFiles(CertificationLists lists, PolicyBook policies, CommunityDirectory communities, Clock clock) {
        this.lists = lists;
        this.policies = policies;
        this.communities = communities;
        this.clock = clock;
    }

    @Override
    public long write(ListQuery query, Watermark mark, boolean masked, OutputStream out) {
        VerificationRun run = lists.run(query.month()).orElseThrow(() -> new IllegalStateException(
                "month " + query.month() + " has not been verified / 该月尚未核验"));
        Names names = new Names(RegionDirectory.standard().withDivisions(communities.communities()));
        try {
            return xlsx(run, query, names, RunPolicy.of(policies, run), out,
                    new FileMarks(Objects.requireNonNull(mark, "mark"), masked, clock));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write the lists: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Path> export(YearMonth month, Format format, Path folder, Optional<String> district, Watermark mark,
            boolean masked) {
        FileMarks marks = mark == null && !masked ? FileMarks.NONE : new FileMarks(mark, masked, clock);
        VerificationRun run = lists.run(month).orElseThrow(() -> new IllegalStateException(
                "month " + month + " has not been verified / 该月尚未核验"));
        ListQuery query = district.isPresent() ? ListQuery.all(month).inDistrict(district.get()) : ListQuery.all(month);
        Names names = new Names(RegionDirectory.standard().withDivisions(communities.communities()));
        CertificationPolicy policy = policies.versions().stream().filter(p -> p.version().equals(run.policyVersion()))
                .findFirst().orElseGet(() -> policies.inForceOn(run.asOf()));
        String base = "certification-" + month + district.map(d -> "-" + d).orElse("");
        try {
            Files.createDirectories(folder);
            return format == Format.CSV ? csv(run, query, names, policy, folder, base, marks)
                    : List.of(xlsx(run, query, names, policy, folder.resolve(base + ".xlsx"), marks));
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write the lists into " + folder + ": " + e.getMessage(), e);
        }
    }

    private List<Path> csv(VerificationRun run, ListQuery query, Names names, CertificationPolicy policy, Path folder,
            String base, FileMarks marks) throws IOException {
        Map<EligibilityStatus, Path> files = new EnumMap<>(EligibilityStatus.class);
        Map<EligibilityStatus, CsvWriter> writers = new EnumMap<>(EligibilityStatus.class);
        List<Path> written = new ArrayList<>();
        try {
            for (EligibilityStatus s : EligibilityStatus.values()) {
                Path file = folder.resolve(base + "-" + s.name().toLowerCase().replace('_', '-') + ".csv");
                files.put(s, file);
                CsvWriter w = open(file);
                writers.put(s, w);
                marks.stamp(w);
                w.writeRecord(HEADERS);
            }
            lists.forEach(query, e -> writers.get(e.status()).writeRecord(row(e, names, policy, marks)));
        }
        finally {
            for (CsvWriter w : writers.values()) {
                w.close();
            }
        }
        written.addAll(files.values());
        Path summary = folder.resolve(base + "-summary.csv");
        CsvWriter w = open(summary);
        try {
            marks.stamp(w);
            w.writeRecord(SUMMARY_HEADERS);
            for (List<String> row : summary(query, names)) {
                w.writeRecord(row);
            }
        }
        finally {
            w.close();
        }
        written.add(summary);
        return written;
    }

    /** A CSV writer that owns its file: closing it closes the file. */
    private static CsvWriter open(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        return CsvWriter.builder().build(out);
    }

    private Path xlsx(VerificationRun run, ListQuery query, Names names, CertificationPolicy policy, Path file,
            FileMarks marks) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            xlsx(run, query, names, policy, out, marks);
        }
        return file;
    }

    /** The workbook into the stream, which stays open; the entries written, not counting headers and summary. */
    private long xlsx(VerificationRun run, ListQuery query, Names names, CertificationPolicy policy, OutputStream out,
            FileMarks marks) throws IOException {
        Workbook workbook = new Workbook(out, "Vigil", "1.0");
        marks.properties(workbook);
        summarySheet(workbook, run.month() + " 待遇领取资格认证名单 / certification lists（核验基准日 / as of " + run.asOf()
                + "，政策版本 / policy " + run.policyVersion() + "）", SUMMARY_HEADERS, summary(query, names), marks);
        SheetWriter sheets = new SheetWriter(workbook, marks);
        long[] written = new long[1];
        lists.forEach(query, e -> {
            sheets.add(e.status(), row(e, names, policy, marks));
            written[0]++;
        });
        sheets.finishAll();
        workbook.finish();
        return written[0];
    }

    /** Writes entries into the sheet of their list, opening each list's sheet when its first entry comes. */
    private static final class SheetWriter {

        private final Workbook workbook;
        private final FileMarks marks;
        private final Map<EligibilityStatus, Worksheet> open = new EnumMap<>(EligibilityStatus.class);
        private final Map<EligibilityStatus, Integer> rows = new EnumMap<>(EligibilityStatus.class);
        private final Map<EligibilityStatus, Integer> parts = new EnumMap<>(EligibilityStatus.class);

        SheetWriter(Workbook workbook, FileMarks marks) {
            this.workbook = workbook;
            this.marks = marks;
        }

        void add(EligibilityStatus list, List<String> values) {
            for (EligibilityStatus earlier : EligibilityStatus.values()) {
                if (earlier == list) {
                    break;
                }
                // entries come list by list, so an earlier list is complete once a later one begins
                finish(earlier);
                empty(earlier);
            }
            Worksheet sheet = open.get(list);
            int row = rows.getOrDefault(list, 0);
            if (sheet == null || row > SHEET_ROWS) {
                finish(list);
                int part = parts.merge(list, 1, Integer::sum);
                sheet = workbook.newWorksheet(part == 1 ? list.chinese() : list.chinese() + "（" + part + "）");
                marks.stamp(sheet);
                header(sheet, marks.top(), HEADERS);
                open.put(list, sheet);
                row = marks.top() + 1;
            }
            for (int c = 0; c < values.size(); c++) {
                String v = values.get(c);
                if (c == 9 && !v.isEmpty()) {
                    sheet.value(row, c, new BigDecimal(v));
                }
                else {
                    sheet.value(row, c, v);
                }
            }
            rows.put(list, row + 1);
            if (row % FLUSH_EVERY == 0) {
                flush(sheet);
            }
        }

        void finishAll() {
            for (EligibilityStatus s : EligibilityStatus.values()) {
                finish(s);
                empty(s);
            }
        }

        /** An empty list still gets its sheet, in its place, so every workbook has the same shape. */
        private void empty(EligibilityStatus list) {
            if (!parts.containsKey(list)) {
                parts.put(list, 1);
                Worksheet sheet = workbook.newWorksheet(list.chinese());
                marks.stamp(sheet);
                header(sheet, marks.top(), HEADERS);
                close(sheet);
            }
        }

        private void finish(EligibilityStatus list) {
            Worksheet sheet = open.remove(list);
            if (sheet != null) {
                close(sheet);
            }
        }

        private static void flush(Worksheet sheet) {
            try {
                sheet.flush();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void close(Worksheet sheet) {
            try {
                sheet.finish();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * The summary sheet both exports open with: a title, the headers, then one row per district,
     * street and community, the counts from the fourth column on written as numbers.
     */
    static void summarySheet(Workbook workbook, String title, List<String> headers, List<List<String>> rows)
            throws IOException {
        summarySheet(workbook, title, headers, rows, FileMarks.NONE);
    }

    /** The summary sheet below the watermark's row, when the export has one. */
    static void summarySheet(Workbook workbook, String title, List<String> headers, List<List<String>> rows,
            FileMarks marks) throws IOException {
        Worksheet summary = workbook.newWorksheet(SUMMARY);
        marks.stamp(summary);
        int top = marks.top();
        summary.value(top, 0, title);
        summary.style(top, 0).bold().set();
        header(summary, top + 1, headers);
        int r = top + 2;
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                if (c >= 3) {
                    summary.value(r, c, Long.parseLong(row.get(c)));
                }
                else {
                    summary.value(r, c, row.get(c));
                }
            }
            r++;
        }
        summary.finish();
    }

    static void header(Worksheet sheet, int row, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(row, c, headers.get(c));
            sheet.style(row, c).bold().set();
        }
    }

    /** The counts at district, street and community level, each district followed by its streets and communities. */
    private List<List<String>> summary(ListQuery query, Names names) {
        List<List<String>> rows = new ArrayList<>();
        List<ListCounts> districts = lists.counts(query, CertificationLists.Level.DISTRICT);
        List<ListCounts> streets = lists.counts(query, CertificationLists.Level.STREET);
        List<ListCounts> places = lists.counts(query, CertificationLists.Level.COMMUNITY);
        long[] total = new long[3];
        for (ListCounts d : districts) {
            rows.add(summaryRow("区县", d, names));
            for (ListCounts s : streets) {
                if (s.region().length() == 9 && s.region().startsWith(d.region())) {
                    rows.add(summaryRow("街道（乡镇）", s, names));
                    for (ListCounts c : places) {
                        if (c.region().length() == 12 && c.region().startsWith(s.region())) {
                            rows.add(summaryRow("社区（村）", c, names));
                        }
                    }
                }
            }
            total[0] += d.qualified();
            total[1] += d.disqualified();
            total[2] += d.toBeVerified();
        }
        rows.add(summaryRow("合计", new ListCounts("", total[0], total[1], total[2]), names));
        return rows;
    }

    private static List<String> summaryRow(String level, ListCounts c, Names names) {
        return List.of(level, c.region(), c.region().isEmpty() ? "" : names.of(c.region()), Long.toString(c.qualified()),
                Long.toString(c.disqualified()), Long.toString(c.toBeVerified()), Long.toString(c.total()));
    }

    static List<String> row(ListEntry e, Names names, CertificationPolicy policy, FileMarks marks) {
        Decision d = e.decision();
        Decision.Reason reason = d.reason();
        List<String> row = new ArrayList<>(HEADERS.size());
        row.add(e.jurisdiction().district());
        row.add(names.of(e.jurisdiction().district()));
        row.add(text(e.jurisdiction().street()));
        row.add(e.jurisdiction().street() == null ? "" : names.of(e.jurisdiction().street()));
        row.add(text(e.jurisdiction().community()));
        row.add(e.jurisdiction().community() == null ? "" : names.of(e.jurisdiction().community()));
        row.add(marks.id(e.idNumber()));
        row.add(marks.name(e.name()));
        row.add(e.benefit().chinese());
        row.add(e.monthlyAmount() == null ? "" : e.monthlyAmount().toString());
        row.add(d.status().chinese());
        row.add(d.reasons().stream().map(r -> r.code().chinese()).collect(Collectors.joining("；")));
        row.add(reason.code().article());
        row.add(reason.evidenceKind() == null ? ""
                : policy.rule(reason.evidenceKind()).map(EvidenceRule::title).orElse(reason.evidenceKind()));
        row.add(date(reason.date()));
        row.add(date(d.lossFrom()));
        row.add(date(d.certifiedOn()));
        row.add(date(d.periodEnd()));
        row.add(d.bucket() == null ? "" : d.bucket().chinese());
        row.add(d.investigate() ? "是" : "");
        row.add(e.jurisdiction().basis().chinese());
        row.add(e.jurisdiction().organisedBy().chinese());
        row.add(text(e.jurisdiction().employerCreditCode()));
        row.add(d.evidence().stream().map(EvidenceRef::toString).collect(Collectors.joining("; ")));
        return row;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    /** Division names, looked up once per code. */
    static final class Names {

        private final RegionDirectory directory;
        private final Map<String, String> cache = new HashMap<>();

        Names(RegionDirectory directory) {
            this.directory = directory;
        }

        String of(String code) {
            return cache.computeIfAbsent(code, c -> RegionCode.parse(c).toOptional().flatMap(directory::find)
                    .map(Region::name).orElse(""));
        }
    }
}
