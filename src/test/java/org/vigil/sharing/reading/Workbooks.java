package org.vigil.sharing.reading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Test helper: workbooks written part by part, for what fastexcel does not write (cached formula
 * values, ISO date cells, rich text, the 1904 date system) and for damaged or hostile archives.
 */
final class Workbooks {

    static final String SHEET = "xl/worksheets/sheet1.xml";
    static final String SHARED_STRINGS = "xl/sharedStrings.xml";
    static final String STYLES = "xl/styles.xml";
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Workbooks() {
    }

    /** The parts of a minimal one-sheet workbook around the given sheet data, shared strings and styles. */
    static Map<String, byte[]> parts(String sheetData, String sharedStrings, String styles, boolean date1904) {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"));
        parts.put("_rels/.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>"));
        parts.put("xl/workbook.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + RELATIONSHIPS + "\">"
                + "<workbookPr date1904=\"" + date1904 + "\"/>"
                + "<sheets><sheet name=\"hidden\" sheetId=\"2\" state=\"hidden\" r:id=\"rId9\"/>"
                + "<sheet name=\"数据\" sheetId=\"1\" r:id=\"rId3\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + RELATIONSHIPS + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + RELATIONSHIPS + "/styles\" Target=\"/xl/styles.xml\"/>"
                + "<Relationship Id=\"rId3\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/../worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId9\" Type=\"" + RELATIONSHIPS + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "</Relationships>"));
        parts.put(SHARED_STRINGS, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"" + MAIN + "\">" + sharedStrings
                + "</sst>"));
        parts.put(STYLES, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"" + MAIN + "\">" + styles
                + "</styleSheet>"));
        parts.put(SHEET, utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\">"
                + "<sheetPr><pageSetUpPr fitToPage=\"false\"/></sheetPr><sheetData>" + sheetData + "</sheetData>"
                + "<mergeCells count=\"0\"/></worksheet>"));
        parts.put("xl/worksheets/sheet2.xml", utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN
                + "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>hidden</t></is></c></row></sheetData></worksheet>"));
        return parts;
    }

    static Path zip(Path file, Map<String, byte[]> parts) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
