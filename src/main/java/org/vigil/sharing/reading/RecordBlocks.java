package org.vigil.sharing.reading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * Cuts a text file into blocks of complete records. Only this finds where records end, so it
 * alone must track quotes; the threads that split the records into cells then work on their
 * blocks independently. Calls must be serialised by the caller; they are cheap next to the
 * splitting, so one lock around them costs little.
 *
 * <p>Record boundaries are found at byte level, eight bytes at a time: in UTF-8, GBK and GB18030
 * no byte of a multi-byte character is a line feed, quote, comma or NUL, so a byte with one of
 * those values is always that character.
 *
 * <p>Quoting follows RFC 4180 as spreadsheet programs read it: a quote opens a quoted field only
 * at the start of a field; inside one, two quotes are a quote and one closes it; a quote anywhere
 * else is an ordinary character.
 */
final class RecordBlocks {

    /** Fresh bytes per block: large enough that claiming a block is rare next to splitting it. */
    static final int BLOCK_BYTES = 4 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LINE_FEEDS = '\n' * ONES;
    private static final long QUOTES = '"' * ONES;
    private static final byte QUOTE = '"';
    private static final byte LINE_FEED = '\n';
    private static final byte CARRIAGE_RETURN = '\r';
    private static final byte COMMA = ',';
    private static final byte NUL = 0;

    private final FileChannel channel;
    private final String file;
    private final boolean quoting;
    private final int maxRecordBytes;
    private final int capacity;
    private final ByteTap tap;
    private List<String> header = List.of();

    private long position;
    private boolean endOfFile;
    private byte[] carry;
    private int carryFrom;
    private int carryTo;
    private long nextRow;
    /** A defect found while scanning, raised once the records before it have been handed out. */
    private Defect defect;

    /**
     * A fatal defect at a row, and the column it is in (-1 for none). Kept as data until it is
     * raised, so that it names the column by the header even when it was found before the
     * header was known (both are in the first block).
     */
    private record Defect(long row, int column, String reason) {
    }

    /**
     * @param quoting   whether quotes can hide line feeds (CSV), or every line feed ends a record (JSON Lines)
     * @param start     the offset of the first record (after a byte-order mark)
     * @param firstRow  the row number of the first record
     * @param tap       shown every byte read, in file order, or {@code null}
     */
    RecordBlocks(FileChannel channel, String file, boolean quoting, ReadLimits limits, long start, long firstRow,
            ByteTap tap) {
        this.channel = channel;
        this.tap = tap;
        this.file = file;
        this.quoting = quoting;
        this.maxRecordBytes = limits.maxLineBytes();
        // room for a whole record of the longest length carried over, plus as much fresh data
        this.capacity = Math.max(BLOCK_BYTES, 2 * (maxRecordBytes + 2));
        this.position = start;
        this.nextRow = firstRow;
    }

    /** Names the columns in later problems. */
    void header(List<String> names) {
        this.header = List.copyOf(names);
    }

    /** The number of threads that can usefully share what is left of the file. */
    int usefulThreads(int wanted) throws IOException {
        long left = channel.size() - position;
        return (int) Math.max(1, Math.min(wanted, left / capacity + 1));
    }

    /**
     * Fills a block with the next complete records.
     *
     * @param reuse a block of the calling thread to fill again, or {@code null}
     * @return the block, or {@code null} when the file is done
     * @throws org.vigil.identity.BadInputException for a defect after the records handed out so far
     */
    Block next(Block reuse) {
        if (defect != null) {
            throw Problems.ofCell(file, defect.row(), defect.column() < 0 ? Problems.NO_COLUMN
                    : Problems.columnName(header, defect.column()), null, defect.reason());
        }
        if (endOfFile && carry == null) {
            return null;
        }
        Block block = reuse != null ? reuse : new Block(capacity);
        byte[] buf = block.buffer;
        int length = 0;
        if (carry != null) {
            length = carryTo - carryFrom;
            System.arraycopy(carry, carryFrom, buf, 0, length);
            carry = null;
        }
        length = fill(buf, length);
        block.clear(nextRow);
        int partial = scan(block, length);
        nextRow += block.count();
        if (partial < length && defect == null) {
            carry = buf;
            carryFrom = partial;
            carryTo = length;
        }
        // no complete record: the end of the file or a defect, which the next call reports
        return block.count() == 0 ? next(block) : block;
    }

    private int fill(byte[] buf, int from) {
        int length = from;
        try {
            while (length < buf.length && !endOfFile) {
                int n = channel.read(ByteBuffer.wrap(buf, length, buf.length - length), position);
                if (n < 0) {
                    endOfFile = true;
                }
                else {
                    if (tap != null && n > 0) {
                        // under the caller's lock, so the tap sees the blocks in file order
                        tap.bytes(position, buf, length, n);
                    }
                    length += n;
                    position += n;
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        return length;
    }

    /**
     * Records the complete records of the first {@code length} bytes of {@code buf} in the block, up to a defect if
     * there is one.
     *
     * @return where the incomplete record at the end starts ({@code length} when there is none)
     */
    private int scan(Block block, int length) {
        byte[] buf = block.buffer;
        int recordStart = 0;
        boolean inQuotes = false;
        boolean quoteSeen = false;
        int p = 0;
        while (true) {
            p = inQuotes ? findQuoteOrNul(buf, p, length) : quoting ? findLineQuoteOrNul(buf, p, length) : findLineOrNul(buf, p, length);
            if (p == length) {
                break;
            }
            byte b = buf[p];
            if (b == LINE_FEED) {
                if (!endRecord(block, recordStart, p, quoteSeen)) {
                    return recordStart;
                }
                recordStart = p + 1;
                quoteSeen = false;
                p++;
            }
            else if (b == NUL) {
                defect(block, columnAt(buf, recordStart, p), "binary data: a NUL byte");
                return recordStart;
            }
            else if (inQuotes) {
                if (p + 1 < length) {
                    // a doubled quote stands for one; a single one closes the field
                    inQuotes = buf[p + 1] == QUOTE;
                    p += inQuotes ? 2 : 1;
                }
                else if (endOfFile) {
                    inQuotes = false;
                    p++;
                }
                else {
                    // whether this quote is doubled shows in the next block: the record is rescanned there
                    break;
                }
            }
            else {
                quoteSeen = true;
                inQuotes = p == recordStart || buf[p - 1] == COMMA;
                p++;
            }
        }
        if (!endOfFile) {
            if (length - recordStart > maxRecordBytes + 1) {
                defect(block, -1, tooLong(length - recordStart, true));
            }
            return recordStart;
        }
        if (inQuotes) {
            defect(block, columnAt(buf, recordStart, length), "a quoted field is not closed before the end of the file");
            return recordStart;
        }
        if (recordStart < length) {
            endRecord(block, recordStart, length, quoteSeen);
        }
        return length;
    }

    /** Adds a record, or records a defect and returns {@code false} when it is too long. */
    private boolean endRecord(Block block, int start, int end, boolean quoted) {
        int bytes = end - start;
        if (bytes > 0 && block.buffer[end - 1] == CARRIAGE_RETURN) {
            bytes--;
        }
        if (bytes > maxRecordBytes) {
            defect(block, -1, tooLong(bytes, false));
            return false;
        }
        block.add(end, quoted);
        return true;
    }

    /** Notes a defect in the record after the block's complete ones; nothing after it is read. */
    private void defect(Block block, int column, String reason) {
        defect = new Defect(nextRow + block.count(), column, reason);
        carry = null;
        endOfFile = true;
    }

    private String tooLong(int bytes, boolean partial) {
        return "the " + (quoting ? "record" : "line") + " is longer than the limit of " + maxRecordBytes + " bytes ("
                + (partial ? "more than " : "") + bytes + " bytes read)";
    }

    /** The column a byte offset falls in, counting commas outside quotes from the record start; -1 for JSON Lines. */
    private int columnAt(byte[] buf, int recordStart, int offset) {
        if (!quoting) {
            return -1;
        }
        int column = 0;
        boolean inQuotes = false;
        int p = recordStart;
        while (p < offset) {
            byte b = buf[p];
            if (b == QUOTE && inQuotes && p + 1 < offset && buf[p + 1] == QUOTE) {
                p++;
            }
            else if (b == QUOTE) {
                inQuotes = !inQuotes && (p == recordStart || buf[p - 1] == COMMA);
            }
            else if (b == COMMA && !inQuotes) {
                column++;
            }
            p++;
        }
        return column;
    }

    private static long zeroBytes(long word) {
        return (word - ONES) & ~word & HIGHS;
    }

    /** The offset of the first line feed, quote or NUL in {@code buf} from {@code p} up to, not including, {@code end}, or {@code end}. */
    private static int findLineQuoteOrNul(byte[] buf, int p, int end) {
        int i = p;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i);
            // the lowest flagged byte is exact in each mask, so it is in their union too
            long hits = zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word ^ QUOTES) | zeroBytes(word);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte b = buf[i];
            if (b == LINE_FEED || b == QUOTE || b == NUL) {
                return i;
            }
        }
        return end;
    }

    private static int findQuoteOrNul(byte[] buf, int p, int end) {
        int i = p;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i);
            long hits = zeroBytes(word ^ QUOTES) | zeroBytes(word);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte b = buf[i];
            if (b == QUOTE || b == NUL) {
                return i;
            }
        }
        return end;
    }

    private static int findLineOrNul(byte[] buf, int p, int end) {
        int i = p;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long word = (long) LONGS.get(buf, i);
            long hits = zeroBytes(word ^ LINE_FEEDS) | zeroBytes(word);
            if (hits != 0) {
                return i + (Long.numberOfTrailingZeros(hits) >>> 3);
            }
        }
        for (; i < end; i++) {
            byte b = buf[i];
            if (b == LINE_FEED || b == NUL) {
                return i;
            }
        }
        return end;
    }
}
