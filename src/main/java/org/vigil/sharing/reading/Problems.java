package org.vigil.sharing.reading;

import java.util.List;

import org.vigil.identity.BadInputException;
import org.vigil.identity.FileProblem;

/** Builds the exception that refuses a file, with what is wrong and where. */
final class Problems {

    /** The column of a problem that concerns a whole row or the whole file. */
    static final String NO_COLUMN = "";
    /** The row of a problem that concerns the whole file. */
    static final long NO_ROW = 0;
    /** Longest offending value quoted back, in characters: enough to recognise it. */
    private static final int MAX_VALUE_CHARS = 80;

    private Problems() {
    }

    /** A defect of the file as a whole: empty, binary, undetectable, not a workbook… */
    static BadInputException ofFile(String file, String reason) {
        return new BadInputException(List.of(new FileProblem(file, NO_ROW, NO_COLUMN, null, reason)));
    }

    static BadInputException ofRow(String file, long row, String reason) {
        return new BadInputException(List.of(new FileProblem(file, row, NO_COLUMN, null, reason)));
    }

    static BadInputException ofCell(String file, long row, String column, CharSequence value, String reason) {
        return new BadInputException(List.of(new FileProblem(file, row, column, shorten(value), reason)));
    }

    /** The column's header name when it has one, else its 1-based position. */
    static String columnName(List<String> header, int index) {
        if (header != null && index < header.size() && !header.get(index).isEmpty()) {
            return header.get(index);
        }
        return Integer.toString(index + 1);
    }

    static String hex(byte[] bytes, int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }

    private static String shorten(CharSequence value) {
        if (value == null) {
            return null;
        }
        return value.length() <= MAX_VALUE_CHARS ? value.toString() : value.subSequence(0, MAX_VALUE_CHARS) + "…";
    }
}
