package org.vigil.identity;

/**
 * What is wrong and where in a file someone gave Vigil: the file, the row (1 = the first line,
 * usually the header), the column, the offending value and the reason. This is what a rejects
 * file row, a CLI error line and an API problem detail all say.
 */
public record FileProblem(String file, long row, String column, String value, String reason) {

    public static FileProblem of(String file, long row, String column, String value, Rejection rejection) {
        return new FileProblem(file, row, column, value, rejection.code() + " " + rejection.message());
    }

    /** The same problem without the offending value, for what is stored, listed and logged. */
    public FileProblem withoutValue() {
        return new FileProblem(file, row, column, null, reason);
    }

    /** One line, for people. */
    public String describe() {
        StringBuilder sb = new StringBuilder(file);
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (column != null && !column.isEmpty()) {
            sb.append(", column ").append(column);
        }
        if (value != null) {
            sb.append(", value '").append(value).append('\'');
        }
        return sb.append(": ").append(reason).toString();
    }
}
