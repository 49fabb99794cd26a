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
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Service;
import org.vigil.certification.EvidenceRef;
import org.vigil.certification.InstructionExport;
import org.vigil.certification.InstructionKind;
import org.vigil.certification.InstructionOrigin;
import org.vigil.certification.InstructionQuery;
import org.vigil.certification.ListExport;
import org.vigil.certification.MonthlyAmount;
import org.vigil.certification.PaymentInstruction;
import org.vigil.certification.ReasonWords;
import org.vigil.certification.SuspensionBatch;
import org.vigil.certification.SuspensionBatches;
import org.vigil.identity.RegionDirectory;
import org.vigil.registry.CommunityDirectory;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * A month's instructions as one file for the benefit payment system: a row per instruction with
 * who, what (suspend or restore), from which month, why (reason, article, evidence rows) and the
 * money (amount, back pay, overpayment). CSV carries a byte-order mark so Excel shows the Chinese.
 * The file is written under a temporary name and renamed when complete, so the payment system
 * never picks up half a file.
 */
@Service
class InstructionFiles implements InstructionExport {

    static final List<String> HEADERS = List.of("批次月份", "指令", "指令来源", "区县代码", "区县", "街道代码", "社区代码",
            "身份证号", "姓名", "待遇类别", "月待遇金额（元）", "原因", "依据条款", "说明", "丧失资格日期", "认证期满日",
            "暂停/恢复起始月份", "原暂停起始月份", "不予补发期间", "补发月份", "补发金额（元）", "视同已发放至", "多发月份",
            "多发金额（元）", "状态", "审批人/经办人", "下发时间", "证据来源（提供单位/数据项#批次:行）");
    /** Columns holding yuan amounts, written as numbers into a workbook. */
    private static final Set<Integer> MONEY = Set.of(10, 20, 23);

    private final SuspensionBatches batches;
    private final CommunityDirectory communities;
    private final Clock clock;

    InstructionFiles(SuspensionBatches batches, CommunityDirectory communities, Clock clock) {
        this.batches = batches;
        this.communities = communities;
        this.clock = clock;
    }

    @Override
    public List<String> headers() {
        return HEADERS;
    }

    @Override
    public Path export(InstructionQuery query, ListExport.Format format, Path folder) {
        List<PaymentInstruction> rows = batches.instructions(query);
        Map<String, String> approvers = new HashMap<>();
        batches.batch(query.month()).ifPresent(b -> b.districts().forEach(d -> {
            if (d.approvedBy() != null) {
                approvers.put(d.district(), d.approvedBy());
            }
        }));
        ListFiles.Names names = new ListFiles.Names(RegionDirectory.standard().withDivisions(communities.communities()));
        String base = "suspensions-" + query.month() + query.district().map(d -> "-" + d).orElse("")
                + query.status().map(s -> "-" + s.name().toLowerCase(Locale.ROOT)).orElse("")
                + query.kind().map(k -> "-" + k.name().toLowerCase(Locale.ROOT)).orElse("");
        Path file = folder.resolve(base + (format == ListExport.Format.CSV ? ".csv" : ".xlsx"));
        Path partial = folder.resolve(file.getFileName() + ".partial");
        try {
            Files.createDirectories(folder);
            List<List<String>> lines = new ArrayList<>(rows.size());
            for (PaymentInstruction i : rows) {
                lines.add(row(i, names, approvers, clock.getZone()));
            }
            if (format == ListExport.Format.CSV) {
                csv(lines, partial);
            }
            else {
                xlsx(query.month(), batches.batch(query.month()), lines, partial);
            }
            Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not write the instructions into " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void csv(List<List<String>> lines, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            CsvWriter w = CsvWriter.builder().build(out);
            w.writeRecord(HEADERS);
            for (List<String> line : lines) {
                w.writeRecord(line);
            }
            w.flush();
        }
    }

    private void xlsx(YearMonth month, java.util.Optional<SuspensionBatch> batch, List<List<String>> lines, Path file)
            throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook workbook = new Workbook(out, "Vigil", "1.0");
            Worksheet sheet = workbook.newWorksheet("暂停恢复指令");
            String title = month + " 待遇暂停、恢复发放指令 / suspension and restoration instructions"
                    + batch.map(b -> "（生效月份 effective " + b.effectiveMonth() + "，下发期限 release by " + b.releaseBy()
                            + "，" + b.status().chinese() + " " + b.status().english() + "）").orElse("")
                    + "，导出时间 exported " + LocalDateTime.now(clock).withNano(0);
            sheet.value(0, 0, title);
            sheet.style(0, 0).bold().set();
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.value(1, c, HEADERS.get(c));
                sheet.style(1, c).bold().set();
            }
            int r = 2;
            for (List<String> line : lines) {
                for (int c = 0; c < line.size(); c++) {
                    String v = line.get(c);
                    if (MONEY.contains(c) && !v.isEmpty()) {
                        sheet.value(r, c, new BigDecimal(v));
                    }
                    else {
                        sheet.value(r, c, v);
                    }
                }
                r++;
            }
            sheet.finish();
            workbook.finish();
        }
    }

    static List<String> row(PaymentInstruction i, ListFiles.Names names, Map<String, String> approvers,
            java.time.ZoneId zone) {
        List<String> row = new ArrayList<>(HEADERS.size());
        boolean suspend = i.kind() == InstructionKind.SUSPEND;
        row.add(i.month().toString());
        row.add(i.kind().chinese());
        row.add(i.origin() == InstructionOrigin.BATCH ? "月度批次" : "经办人决定");
        row.add(i.district());
        row.add(names.of(i.district()));
        row.add(text(i.street()));
        row.add(text(i.community()));
        row.add(i.idNumber());
        row.add(text(i.name()));
        row.add(i.benefit().chinese());
        row.add(i.monthlyAmount().toString());
        row.add(i.reasonCode() == null ? "" : i.reasonCode().chinese() + " / " + ReasonWords.english(i.reasonCode()));
        row.add(suspend ? "第二十五条；" + i.reasonCode().article() : "第二十六条");
        row.add(text(i.reasonText()) + (suspend || i.suspendedFor() == null ? ""
                : "（原暂停原因：" + i.suspendedFor().chinese() + "）"));
        row.add(i.lossFrom() == null ? "" : i.lossFrom().toString());
        row.add(i.periodEnd() == null ? "" : i.periodEnd().toString());
        row.add(i.effectiveMonth().toString());
        row.add(i.suspendedFrom() == null ? "" : i.suspendedFrom().toString());
        row.add(i.notOwedFrom() == null ? "" : i.notOwedFrom() + "至" + i.notOwedTo());
        row.add(months(i.backPay()));
        row.add(suspend ? "" : i.backPayTotal().toString());
        row.add(i.lastPaid() == null ? "" : i.lastPaid().toString());
        row.add(months(i.overpaid()));
        row.add(suspend ? i.overpaidTotal().toString() : "");
        row.add(i.status().chinese());
        row.add(i.officer() != null ? i.officer() : approvers.getOrDefault(i.district(), ""));
        row.add(i.releasedAt() == null ? "" : LocalDateTime.ofInstant(i.releasedAt(), zone)
                .withNano(0).toString());
        row.add(i.evidence().stream().map(EvidenceRef::toString).collect(Collectors.joining("; ")));
        return row;
    }

    private static String months(List<MonthlyAmount> amounts) {
        return amounts.stream().map(a -> a.month() + ":" + a.amount()).collect(Collectors.joining("; "));
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
