package org.vigil.sharing.reading;

import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the rows of a worksheet part into a {@link MutableRow}: cell references place cells in
 * their columns, shared strings become views of the table, numbers and dates become text. Formulas
 * are never evaluated: a formula cell gives the value Excel cached, or {@code =} and the formula
 * when there is none.
 */
final class SheetReader {

    private static final String ROW = "row";
    private static final String CELL = "c";
    private static final String VALUE = "v";
    private static final String FORMULA = "f";
    private static final String INLINE_STRING = "is";
    private static final String TEXT = "t";
    private static final String PHONETIC_RUN = "rPh";
    private static final String REFERENCE = "r";
    private static final String TYPE = "t";
    private static final String STYLE = "s";
    /** Elements whose children are read; every other element outside a row is skipped whole. */
    private static final String WORKSHEET = "worksheet";
    private static final String SHEET_DATA = "sheetData";

    private static final String TYPE_SHARED_STRING = "s";
    private static final String TYPE_INLINE_STRING = "inlineStr";
    private static final String TYPE_FORMULA_STRING = "str";
    private static final String TYPE_BOOLEAN = "b";
    private static final String TYPE_ERROR = "e";
    private static final String TYPE_ISO_DATE = "d";
    private static final String TRUE = "TRUE";
    private static final String FALSE = "FALSE";
    private static final char FORMULA_MARK = '=';
    private static final int LETTERS = 26;

    private final XMLStreamReader xml;
    private final String file;
    private final int maxColumns;
    private final int maxLineChars;
    private final SharedStrings strings;
    private final CellStyles styles;
    private final boolean date1904;
    private final TextBuffer value;
    private final TextBuffer formula;
    private final TextBuffer inline;
    private final TextBuffer rowText;
    private long rowNumber;
    private List<String> header = List.of();

    SheetReader(XMLStreamReader xml, String file, ReadLimits limits, SharedStrings strings, CellStyles styles, boolean date1904) {
        this.xml = xml;
        this.file = file;
        this.maxColumns = limits.maxColumns();
        this.maxLineChars = limits.maxLineBytes();
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
        this.value = new TextBuffer(maxLineChars);
        this.formula = new TextBuffer(maxLineChars);
        this.inline = new TextBuffer(maxLineChars);
        this.rowText = new TextBuffer(maxLineChars);
    }

    /** Names the columns in problems. */
    void header(List<String> names) {
        this.header = List.copyOf(names);
    }

    /** The number of the row read last, or 0 before the first. */
    long rowNumber() {
        return rowNumber;
    }

    /**
     * Reads the next row element.
     *
     * @return {@code false} at the end of the sheet
     */
    boolean next(MutableRow row) throws XMLStreamException {
        while (Xml.nextStart(xml)) {
            String name = xml.getLocalName();
            if (ROW.equals(name)) {
                readRow(row);
                return true;
            }
            if (!WORKSHEET.equals(name) && !SHEET_DATA.equals(name)) {
                Xml.skip(xml);
            }
        }
        return false;
    }

    private void readRow(MutableRow row) throws XMLStreamException {
        String reference = Xml.attribute(xml, REFERENCE);
        rowNumber = reference == null ? rowNumber + 1 : rowNumber(reference);
        row.reset(rowNumber, 0);
        rowText.clear();
        int column = -1;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (CELL.equals(xml.getLocalName())) {
                    column = readCell(row, column);
                }
                else {
                    Xml.skip(xml);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            }
        }
    }

    /** Reads a cell element into its column; returns that column. */
    private int readCell(MutableRow row, int previousColumn) throws XMLStreamException {
        String reference = Xml.attribute(xml, REFERENCE);
        String type = Xml.attribute(xml, TYPE);
        String style = Xml.attribute(xml, STYLE);
        int column = reference == null ? previousColumn + 1 : column(reference, previousColumn);
        if (column >= maxColumns) {
            throw Problems.ofCell(file, rowNumber, Problems.columnName(header, column), null,
                    "a cell beyond the limit of " + maxColumns + " columns");
        }
        value.clear();
        formula.clear();
        inline.clear();
        boolean hasValue = false;
        boolean hasFormula = false;
        boolean hasInline = false;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (VALUE.equals(name)) {
                    hasValue = true;
                    require(Xml.readText(xml, value), column);
                }
                else if (FORMULA.equals(name)) {
                    hasFormula = true;
                    require(Xml.readText(xml, formula), column);
                }
                else if (INLINE_STRING.equals(name)) {
                    hasInline = true;
                    readInline(column);
                }
                else {
                    Xml.skip(xml);
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        row.widen(column + 1);
        if (TYPE_SHARED_STRING.equals(type) && hasValue) {
            strings.put(sharedStringIndex(column), row, column);
            return column;
        }
        int from = rowText.length();
        boolean fits;
        if (hasInline) {
            fits = rowText.append(inline.array(), 0, inline.length());
        }
        else if (!hasValue) {
            fits = !hasFormula || rowText.append(FORMULA_MARK) && rowText.append(formula.array(), 0, formula.length());
        }
        else if (type == null || type.isEmpty()) {
            byte kind = styles.kind(styleIndex(style));
            fits = kind == NumberFormats.NUMBER ? ExcelValues.appendNumber(value, rowText)
                    : ExcelValues.appendDate(value, kind, date1904, rowText);
        }
        else {
            fits = switch (type) {
                case TYPE_BOOLEAN -> rowText.append(value.length() == 1 && value.array()[0] == '1' ? TRUE : FALSE);
                case TYPE_ISO_DATE -> ExcelValues.appendIsoDate(value, rowText);
                case TYPE_INLINE_STRING, TYPE_FORMULA_STRING, TYPE_ERROR -> rowText.append(value.array(), 0, value.length());
                default -> {
                    byte kind = styles.kind(styleIndex(style));
                    yield kind == NumberFormats.NUMBER ? ExcelValues.appendNumber(value, rowText)
                            : ExcelValues.appendDate(value, kind, date1904, rowText);
                }
            };
        }
        require(fits, column);
        row.setChars(column, rowText.array(), from, rowText.length());
        return column;
    }

    /** The text of an inline string: its runs, without phonetic guides. */
    private void readInline(int column) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (PHONETIC_RUN.equals(name)) {
                    Xml.skip(xml);
                }
                else if (TEXT.equals(name)) {
                    require(Xml.readText(xml, inline), column);
                }
                else {
                    depth++;
                }
            }
            else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private int sharedStringIndex(int column) {
        long index = digits(value);
        if (index < 0 || index >= strings.size()) {
            throw Problems.ofCell(file, rowNumber, Problems.columnName(header, column), value.toString(),
                    "the cell refers to shared string " + value + ", and the table has " + strings.size());
        }
        return (int) index;
    }

    private void require(boolean fits, int column) {
        if (!fits) {
            throw Problems.ofCell(file, rowNumber, Problems.columnName(header, column), null,
                    "the row's text is longer than the limit of " + maxLineChars + " characters");
        }
    }

    private long rowNumber(String reference) {
        long number = digits(reference);
        if (number <= 0) {
            throw Problems.ofRow(file, rowNumber + 1, "a row element with the malformed number '" + reference + "'");
        }
        return number;
    }

    /** The column of a reference such as {@code AB12}: its letters in base 26. */
    private int column(String reference, int previousColumn) {
        int column = 0;
        int i = 0;
        while (i < reference.length()) {
            char c = reference.charAt(i);
            int letter = c >= 'A' && c <= 'Z' ? c - 'A' + 1 : c >= 'a' && c <= 'z' ? c - 'a' + 1 : 0;
            if (letter == 0) {
                break;
            }
            column = column * LETTERS + letter;
            if (column > maxColumns) {
                return maxColumns;
            }
            i++;
        }
        return i == 0 ? previousColumn + 1 : column - 1;
    }

    private static int styleIndex(String style) {
        if (style == null) {
            return 0;
        }
        long index = digits(style);
        return index < 0 || index > Integer.MAX_VALUE ? -1 : (int) index;
    }

    /** The non-negative decimal number the text spells, or -1 when it is not one (or too long). */
    private static long digits(CharSequence text) {
        int length = text.length();
        if (length == 0 || length > 18) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < length; i++) {
            char d = text.charAt(i);
            if (d < '0' || d > '9') {
                return -1;
            }
            n = n * 10 + (d - '0');
        }
        return n;
    }
}
