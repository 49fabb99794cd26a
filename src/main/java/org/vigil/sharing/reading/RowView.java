package org.vigil.sharing.reading;

/**
 * One data row, valid only during {@link RowSink#accept(RowView)}: the reader reuses the view
 * and the buffers behind its cells for the next row. Copy with {@link #text(int)} what must be
 * kept.
 */
public interface RowView {

    /**
     * The row number as the department's own tool shows it: for CSV and XLSX the header is row 1
     * and the first data row 2 (a quoted line break does not start a new row); for JSON Lines the
     * line number, the first line being 1.
     */
    long row();

    /**
     * The number of cells in this row, which may differ from the header's (the pipeline reports
     * that). For XLSX, trailing blank cells are not counted beyond the header's width.
     */
    int size();

    /**
     * The cell at {@code index}, trimmed; {@code ""} when it is absent or blank. Cheap: for CSV an
     * ASCII cell is a view of the bytes read, without copying.
     *
     * @throws IndexOutOfBoundsException when {@code index} is negative
     */
    CharSequence cell(int index);

    /** The cell as a string of its own, to keep after the call. */
    default String text(int index) {
        return cell(index).toString();
    }
}
