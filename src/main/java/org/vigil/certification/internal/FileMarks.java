package org.vigil.certification.internal;

import java.time.Clock;

import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.vigil.governance.disclosure.Watermark;
import org.vigil.identity.PersonName;
import org.vigil.identity.PhoneNumber;
import org.vigil.identity.ResidentId;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * What a controlled export adds to a workbook (DATA-9): the watermark on the first row of every
 * sheet, in every page's header and footer and in the file's properties; and the ID numbers, names
 * and phones masked unless the approved request asked for them in full. {@link #NONE} leaves a
 * workbook as the command line has always written it.
 */
final class FileMarks {

    /** No watermark, nothing masked: the files of {@code export} without a watermark, as tests and tools write them. */
    static final FileMarks NONE = new FileMarks(null, false, Clock.systemUTC());
    /** The footer's reminder that an exported file stays inside the agency (DATA-10: results for internal use only). */
    static final String INTERNAL_USE = "内部资料 仅限本单位工作使用 不得外传";

    private final Watermark mark;
    private final boolean masked;
    private final Clock clock;

    FileMarks(Watermark mark, boolean masked, Clock clock) {
        this.mark = mark;
        this.masked = masked;
        this.clock = clock;
    }

    /** The first row a sheet's own content may use: below the watermark when there is one. */
    int top() {
        return mark == null ? 0 : 1;
    }

    /** Writes the watermark on the sheet's first row and into its page header and footer. */
    void stamp(Worksheet sheet) {
        if (mark == null) {
            return;
        }
        sheet.value(0, 0, mark.text());
        sheet.style(0, 0).bold().fontColor("C00000").set();
        // '&' starts a field code in a header or footer; doubled it prints as itself
        String shortText = mark.shortText().replace("&", "&&");
        sheet.header(shortText, Position.CENTER);
        sheet.footer(INTERNAL_USE + " " + shortText, Position.CENTER);
    }

    /**
     * Writes the watermark as a CSV file's first line, above its headers: a CSV has no page header
     * or properties, so its first line is the only place a reader cannot miss.
     */
    void stamp(CsvWriter csv) {
        if (mark != null) {
            csv.writeRecord(mark.text());
        }
    }

    /** Writes the watermark into the workbook's core and custom properties. */
    void properties(Workbook workbook) {
        if (mark == null) {
            return;
        }
        workbook.properties().setTitle("导出编号 " + mark.number()).setSubject(mark.text()).setKeywords(mark.number())
                .setDescription(INTERNAL_USE).setCategory("受控导出");
        mark.properties().forEach((k, v) -> workbook.properties().setTextProperty(k, v));
    }

    String id(String idNumber) {
        if (!masked || idNumber == null) {
            return idNumber;
        }
        return ResidentId.parse(idNumber, clock).toOptional().map(ResidentId::masked).orElse("******");
    }

    String name(String name) {
        if (!masked || name == null) {
            return name;
        }
        return PersonName.parse(name).toOptional().map(PersonName::masked).orElse("*");
    }

    String phone(String phone) {
        if (!masked || phone == null) {
            return phone;
        }
        return PhoneNumber.parse(phone).toOptional().map(PhoneNumber::masked).orElse("****");
    }
}
