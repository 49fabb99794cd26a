package org.vigil.sharing.reading;

import java.util.Arrays;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A workbook's shared-string table, held compactly: the texts side by side in large character
 * pages, located by one long and one int each, instead of a String object apiece. Cells are
 * views of the pages. The count and the total size are capped, against shared-string floods.
 */
final class SharedStrings {

    private static final String TABLE = "sst";
    private static final String ITEM = "si";
    private static final String DIGITS = "\\d{1,18}";
    private static final String TEXT = "t";
    private static final String PHONETIC_RUN = "rPh";
    private static final String UNIQUE_COUNT = "uniqueCount";
    private static final int PAGE_CHARS = 1 << 20;
    private static final int INITIAL_STRINGS = 1 << 12;

    private char[][] pages = new char[4][];
    private int pageCount;
    private int pageUsed = PAGE_CHARS;
    /** Page number in the high half, offset in the low half. */
    private long[] locations = new long[INITIAL_STRINGS];
    private int[] lengths = new int[INITIAL_STRINGS];
    private int count;
    private long totalChars;

    static final SharedStrings NONE = new SharedStrings();

    private SharedStrings() {
    }

    /**
     * Reads the table from its part.
     *
     * @throws org.vigil.identity.BadInputException when it passes a limit
     */
    static SharedStrings read(XMLStreamReader r, String file, ReadLimits limits) throws XMLStreamException {
        SharedStrings table = new SharedStrings();
        TextBuffer text = new TextBuffer(limits.maxLineBytes());
        while (Xml.nextStart(r)) {
            String name = r.getLocalName();
            if (ITEM.equals(name)) {
                if (table.count == limits.maxSharedStrings()) {
                    throw flood(file, "more than the limit of " + limits.maxSharedStrings() + " strings");
                }
                text.clear();
                readItem(r, text, file, limits);
                table.add(text);
                if (table.totalChars > limits.maxSharedStringChars()) {
                    throw flood(file, "more than the limit of " + limits.maxSharedStringChars() + " characters");
                }
            }
            else if (TABLE.equals(name)) {
                // the announced count is only a hint, but a flood announced is refused before it is read
                String announced = Xml.attribute(r, UNIQUE_COUNT);
                if (announced != null && announced.matches(DIGITS) && Long.parseLong(announced) > limits.maxSharedStrings()) {
                    throw flood(file, announced + " strings by its own count, more than the limit of " + limits.maxSharedStrings());
                }
            }
        }
        return table;
    }

    int size() {
        return count;
    }

    /** Makes cell {@code column} of the row a view of string {@code index}, trimmed. */
    void put(int index, MutableRow row, int column) {
        long location = locations[index];
        int offset = (int) location;
        row.setChars(column, pages[(int) (location >>> 32)], offset, offset + lengths[index]);
    }

    /** The text of a rich-text item: its runs' texts, without the phonetic guides above the characters. */
    private static void readItem(XMLStreamReader r, TextBuffer text, String file, ReadLimits limits) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = r.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (PHONETIC_RUN.equals(name)) {
                    Xml.skip(r);
                }
                else if (TEXT.equals(name)) {
                    if (!Xml.readText(r, text)) {
                        throw flood(file, "a string longer than the limit of " + limits.maxLineBytes() + " characters");
                    }
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

    private void add(TextBuffer text) {
        int length = text.length();
        if (pageUsed + length > currentPageSize()) {
            newPage(Math.max(PAGE_CHARS, length));
        }
        if (count == locations.length) {
            locations = Arrays.copyOf(locations, count * 2);
            lengths = Arrays.copyOf(lengths, count * 2);
        }
        System.arraycopy(text.array(), 0, pages[pageCount - 1], pageUsed, length);
        locations[count] = ((long) (pageCount - 1) << 32) | pageUsed;
        lengths[count] = length;
        count++;
        pageUsed += length;
        totalChars += length;
    }

    private int currentPageSize() {
        return pageCount == 0 ? 0 : pages[pageCount - 1].length;
    }

    private void newPage(int size) {
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        pages[pageCount++] = new char[size];
        pageUsed = 0;
    }

    private static RuntimeException flood(String file, String detail) {
        return Problems.ofFile(file, "the XLSX shared-string table holds " + detail);
    }
}
