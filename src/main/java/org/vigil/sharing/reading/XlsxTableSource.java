package org.vigil.sharing.reading;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.vigil.identity.BadInputException;

/**
 * An XLSX workbook: its first visible sheet, streamed. The parts are found through the package
 * relationships, as Excel does, rather than by conventional names. Reading is sequential (one
 * XML stream), so it happens on the calling thread.
 */
final class XlsxTableSource implements TableSource {

    private static final DetectedFormat FORMAT = new DetectedFormat(FileFormat.XLSX, null);
    private static final String ROOT_RELATIONSHIPS = "_rels/.rels";
    private static final String DEFAULT_WORKBOOK = "xl/workbook.xml";
    private static final String RELATIONSHIPS_FOLDER = "_rels/";
    private static final String RELATIONSHIPS_SUFFIX = ".rels";
    private static final String OFFICE_DOCUMENT = "/officeDocument";
    private static final String WORKSHEET = "/worksheet";
    private static final String SHARED_STRINGS = "/sharedStrings";
    private static final String STYLES = "/styles";
    private static final String RELATIONSHIP = "Relationship";
    private static final String RELATIONSHIP_ID = "Id";
    private static final String RELATIONSHIP_TYPE = "Type";
    private static final String RELATIONSHIP_TARGET = "Target";
    private static final String TARGET_MODE = "TargetMode";
    private static final String EXTERNAL = "External";
    private static final String WORKBOOK_PROPERTIES = "workbookPr";
    private static final String DATE_1904 = "date1904";
    private static final String SHEET = "sheet";
    private static final String SHEET_STATE = "state";
    private static final String VISIBLE = "visible";
    private static final String SHEET_RELATIONSHIP = "id";
    private static final String XML_TRUE = "true";
    private static final String XML_ONE = "1";
    private static final String SEPARATOR = "/";
    private static final String PARENT = "..";
    private static final String CURRENT = ".";

    private final XlsxPackage pkg;
    private final String file;
    private final String sheetPart;
    private final ReadLimits limits;
    private final InputStream sheetStream;
    private final XMLStreamReader sheetXml;
    private final SheetReader sheet;
    private final MutableRow row = new MutableRow();
    private final List<String> header;
    private final long headerRow;
    private boolean consumed;

    private XlsxTableSource(XlsxPackage pkg, String file, String sheetPart, ReadLimits limits, InputStream sheetStream,
            XMLStreamReader sheetXml, SheetReader sheet) throws XMLStreamException {
        this.pkg = pkg;
        this.file = file;
        this.sheetPart = sheetPart;
        this.limits = limits;
        this.sheetStream = sheetStream;
        this.sheetXml = sheetXml;
        this.sheet = sheet;
        List<String> names = null;
        while (names == null && sheet.next(row)) {
            if (!row.isBlank()) {
                row.truncate(row.lastNonBlank() + 1);
                names = row.texts();
            }
        }
        if (names == null) {
            throw Problems.ofFile(file, "the workbook's first sheet has no header row: it is empty");
        }
        this.header = names;
        this.headerRow = row.row();
        sheet.header(names);
    }

    static TableSource open(Path path, String file, ReadLimits limits) {
        XlsxPackage pkg = XlsxPackage.open(path, file, limits);
        String part = ROOT_RELATIONSHIPS;
        try {
            String workbook = officeDocument(pkg);
            if (!pkg.has(workbook)) {
                throw Problems.ofFile(file, "not an XLSX workbook: it has no workbook part " + workbook);
            }
            part = relationshipsOf(workbook);
            Map<String, Relationship> relationships = relationships(pkg, part, folderOf(workbook));
            part = workbook;
            Workbook book = workbook(pkg, workbook);
            if (book.firstSheet() == null) {
                throw Problems.ofFile(file, "the workbook has no visible sheet");
            }
            Relationship sheetRelationship = relationships.get(book.firstSheet());
            if (sheetRelationship == null || !sheetRelationship.type().endsWith(WORKSHEET)) {
                throw Problems.ofFile(file, "the workbook's first visible sheet is not a worksheet (a chart sheet?)");
            }
            CellStyles styles = CellStyles.NONE;
            SharedStrings strings = SharedStrings.NONE;
            for (Relationship relationship : relationships.values()) {
                part = relationship.target();
                if (relationship.type().endsWith(STYLES) && pkg.has(part)) {
                    try (InputStream in = pkg.open(part)) {
                        styles = CellStyles.read(Xml.reader(in));
                    }
                }
                else if (relationship.type().endsWith(SHARED_STRINGS) && pkg.has(part)) {
                    try (InputStream in = pkg.open(part)) {
                        strings = SharedStrings.read(Xml.reader(in), file, limits);
                    }
                }
            }
            part = sheetRelationship.target();
            InputStream in = pkg.open(part);
            XMLStreamReader xml = Xml.reader(in);
            SheetReader sheet = new SheetReader(xml, file, limits, strings, styles, book.date1904());
            return new XlsxTableSource(pkg, file, part, limits, in, xml, sheet);
        }
        catch (XMLStreamException e) {
            RuntimeException failure = damaged(file, part, Problems.NO_ROW, e);
            closeAfterFailure(pkg, failure);
            throw failure;
        }
        catch (IOException e) {
            RuntimeException failure = new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
            closeAfterFailure(pkg, failure);
            throw failure;
        }
        catch (RuntimeException e) {
            closeAfterFailure(pkg, e);
            throw e;
        }
    }

    @Override
    public DetectedFormat format() {
        return FORMAT;
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public long headerRow() {
        return headerRow;
    }

    @Override
    public long read(int threads, Supplier<RowSink> sinks) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        Objects.requireNonNull(sinks, "sinks");
        if (consumed) {
            throw new IllegalStateException("the rows were read already");
        }
        consumed = true;
        RowSink sink = sinks.get();
        long lastRow = headerRow + limits.maxRows();
        int width = header.size();
        long delivered = 0;
        try {
            while (sheet.next(row)) {
                if (row.row() > lastRow) {
                    throw Problems.ofRow(file, row.row(), "more rows than the limit of " + limits.maxRows() + " data rows");
                }
                if (row.isBlank()) {
                    continue;
                }
                // blank cells at the end are not missing data in a spreadsheet; text beyond the header is extra
                row.truncate(row.lastNonBlank() + 1);
                row.widen(width);
                sink.accept(row);
                delivered++;
            }
        }
        catch (XMLStreamException e) {
            throw damaged(file, sheetPart, sheet.rowNumber(), e);
        }
        sink.finish();
        return delivered;
    }

    @Override
    public void close() {
        try {
            sheetXml.close();
            sheetStream.close();
        }
        catch (XMLStreamException | IOException e) {
            throw new IllegalStateException("could not close " + file + ": " + e.getMessage(), e);
        }
        finally {
            pkg.close();
        }
    }

    /** A part's XML could not be parsed; a limit hit while inflating it is reported as itself. */
    private static RuntimeException damaged(String file, String part, long row, XMLStreamException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof BadInputException limit) {
                return limit;
            }
        }
        String reason = "the XLSX part " + part + " is damaged: " + e.getMessage();
        return row > 0 ? Problems.ofRow(file, row, reason) : Problems.ofFile(file, reason);
    }

    private record Relationship(String type, String target) {
    }

    private record Workbook(String firstSheet, boolean date1904) {
    }

    /** The workbook part, named by the package's root relationships. */
    private static String officeDocument(XlsxPackage pkg) throws XMLStreamException, IOException {
        if (!pkg.has(ROOT_RELATIONSHIPS)) {
            return DEFAULT_WORKBOOK;
        }
        for (Relationship relationship : relationships(pkg, ROOT_RELATIONSHIPS, "").values()) {
            if (relationship.type().endsWith(OFFICE_DOCUMENT)) {
                return relationship.target();
            }
        }
        return DEFAULT_WORKBOOK;
    }

    private static Map<String, Relationship> relationships(XlsxPackage pkg, String part, String folder)
            throws XMLStreamException, IOException {
        Map<String, Relationship> relationships = new HashMap<>();
        try (InputStream in = pkg.open(part)) {
            XMLStreamReader r = Xml.reader(in);
            while (Xml.nextStart(r)) {
                if (RELATIONSHIP.equals(r.getLocalName()) && !EXTERNAL.equals(Xml.attribute(r, TARGET_MODE))) {
                    String id = Xml.attribute(r, RELATIONSHIP_ID);
                    String type = Xml.attribute(r, RELATIONSHIP_TYPE);
                    String target = Xml.attribute(r, RELATIONSHIP_TARGET);
                    if (id != null && type != null && target != null) {
                        relationships.put(id, new Relationship(type, resolve(folder, target)));
                    }
                }
            }
        }
        return relationships;
    }

    private static Workbook workbook(XlsxPackage pkg, String part) throws XMLStreamException, IOException {
        boolean date1904 = false;
        String firstSheet = null;
        try (InputStream in = pkg.open(part)) {
            XMLStreamReader r = Xml.reader(in);
            while (Xml.nextStart(r)) {
                String name = r.getLocalName();
                if (WORKBOOK_PROPERTIES.equals(name)) {
                    String flag = Xml.attribute(r, DATE_1904);
                    date1904 = XML_TRUE.equals(flag) || XML_ONE.equals(flag);
                }
                else if (SHEET.equals(name) && firstSheet == null) {
                    String state = Xml.attribute(r, SHEET_STATE);
                    if (state == null || VISIBLE.equals(state)) {
                        firstSheet = Xml.attribute(r, SHEET_RELATIONSHIP);
                    }
                }
            }
        }
        return new Workbook(firstSheet, date1904);
    }

    private static String relationshipsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + RELATIONSHIPS_FOLDER + part.substring(slash + 1) + RELATIONSHIPS_SUFFIX;
    }

    private static String folderOf(String part) {
        return part.substring(0, part.lastIndexOf('/') + 1);
    }

    /** A relationship target as a part name: relative to the source's folder unless absolute, dot segments resolved. */
    private static String resolve(String folder, String target) {
        String path = target.startsWith(SEPARATOR) ? target.substring(1) : folder + target;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split(SEPARATOR)) {
            if (PARENT.equals(segment)) {
                segments.pollLast();
            }
            else if (!segment.isEmpty() && !CURRENT.equals(segment)) {
                segments.addLast(segment);
            }
        }
        return String.join(SEPARATOR, segments);
    }

    private static void closeAfterFailure(XlsxPackage pkg, RuntimeException failure) {
        try {
            pkg.close();
        }
        catch (UncheckedIOException e) {
            failure.addSuppressed(e);
        }
    }
}
