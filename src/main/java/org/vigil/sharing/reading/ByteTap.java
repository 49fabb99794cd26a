package org.vigil.sharing.reading;

/**
 * Sees the bytes of a text delivery (CSV, JSON Lines) as they are read for parsing, so that the
 * raw-file store can hash and keep exactly the bytes the rows came from without reading the file
 * a second time. Calls are serialised by the reader (one at a time, each after the previous one
 * returned), and positions never go back; they may skip ahead (a byte-order mark is not read for
 * parsing) and may stop short of the end (reading stops at a fatal defect), so the tap's owner
 * reads what it was not shown itself.
 *
 * <p>A tap that throws fails the reading with its exception.
 */
@FunctionalInterface
public interface ByteTap {

    /** {@code length} bytes of {@code buffer} from {@code offset}, which are the file's bytes from {@code position}. */
    void bytes(long position, byte[] buffer, int offset, int length);
}
