package org.vigil.sharing.reading;

/**
 * Receives the data rows one reading thread produces. Each thread has its own sink, so a sink
 * needs no locking; it sees its rows in file order.
 */
public interface RowSink {

    /** One data row; the view and its cells are valid only during this call. */
    void accept(RowView row);

    /**
     * Called once, on the sink's thread, after its last row, when reading has succeeded so far.
     * Not called when reading fails: the rows seen must then be discarded.
     */
    default void finish() {
    }
}
