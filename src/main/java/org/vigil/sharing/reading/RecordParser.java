package org.vigil.sharing.reading;

/** Turns one record of a text file into a row; one instance per reading thread. */
interface RecordParser {

    /**
     * Parses {@code buf} from {@code start} up to, not including, {@code end}, the record without its line feed (a carriage return before it
     * is still there).
     *
     * @param quoted whether the record holds a quote character somewhere
     * @return the row, valid until the next call
     * @throws org.vigil.identity.BadInputException for a defect in the record
     */
    MutableRow parse(byte[] buf, int start, int end, boolean quoted, long row);
}
