package org.vigil.sharing.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.vigil.identity.BadInputException;

/**
 * Runs the reading threads of a text file: each in turn takes the next block of records under a
 * lock (so blocks, and the rows of each sink, go in file order), then splits it and feeds its
 * own sink outside the lock. The calling thread is one of them.
 *
 * <p>When a thread fails, no more blocks are handed out, the threads finish the blocks they hold
 * (an earlier block may hold an earlier defect) and the failure earliest in the file is thrown.
 */
final class ParallelReading {

    private static final String THREAD_NAME = "vigil-read-";

    private final RecordBlocks blocks;
    private final Supplier<RecordParser> parsers;
    private final Supplier<RowSink> sinks;
    private final String file;
    private final long lastRow;
    private final long maxRows;
    private final Object lock = new Object();
    private final AtomicLong delivered = new AtomicLong();
    /** The failure earliest in the file so far; guarded by {@link #lock}. */
    private Throwable failure;
    private long failureRow = Long.MAX_VALUE;

    private ParallelReading(RecordBlocks blocks, Supplier<RecordParser> parsers, Supplier<RowSink> sinks, String file,
            long lastRow, long maxRows) {
        this.blocks = blocks;
        this.parsers = parsers;
        this.sinks = sinks;
        this.file = file;
        this.lastRow = lastRow;
        this.maxRows = maxRows;
    }

    /**
     * Reads the rest of the file with up to {@code threads} threads.
     *
     * @param pending a block read already whose remaining records come first, or {@code null}
     * @param lastRow the highest row number allowed, {@code maxRows} after the last row before the data
     * @return the number of rows delivered
     */
    static long run(String file, RecordBlocks blocks, Block pending, int threads, Supplier<RecordParser> parsers,
            Supplier<RowSink> sinks, long lastRow, long maxRows) {
        ParallelReading reading = new ParallelReading(blocks, parsers, sinks, file, lastRow, maxRows);
        return reading.run(pending, threads);
    }

    private long run(Block pending, int threads) {
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < threads; i++) {
            Thread thread = new Thread(() -> work(null), THREAD_NAME + i);
            thread.setDaemon(true);
            helpers.add(thread);
        }
        // the calling thread takes the pending block, so its rows are the first rows of the file
        helpers.forEach(Thread::start);
        work(pending);
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                }
                catch (InterruptedException e) {
                    interrupted = true;
                    fail(new CancellationException("reading was interrupted"), -1);
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
        }
        return delivered.get();
    }

    private void work(Block pending) {
        long row = -1;
        try {
            RecordParser parser = parsers.get();
            RowSink sink = sinks.get();
            Block block = pending;
            boolean first = pending != null;
            long rows = 0;
            while (true) {
                if (!first) {
                    synchronized (lock) {
                        block = failure == null ? blocks.next(block) : null;
                    }
                }
                first = false;
                if (block == null) {
                    break;
                }
                byte[] buf = block.buffer;
                for (int i = block.first(); i < block.count(); i++) {
                    row = block.rowOf(i);
                    if (row > lastRow) {
                        throw Problems.ofRow(file, row, "more rows than the limit of " + maxRows + " data rows");
                    }
                    MutableRow parsed = parser.parse(buf, block.startOf(i), block.endOf(i), block.quoted(i), row);
                    if (!parsed.isBlank()) {
                        sink.accept(parsed);
                        rows++;
                    }
                }
                row = -1;
            }
            delivered.addAndGet(rows);
            synchronized (lock) {
                if (failure != null) {
                    return;
                }
            }
            sink.finish();
        }
        catch (BadInputException e) {
            fail(e, e.problems().isEmpty() ? row : e.problems().get(0).row());
        }
        catch (RuntimeException | Error e) {
            fail(e, row);
        }
    }

    /** Keeps the failure earliest in the file; one without a row (an I/O error, an interrupt) comes first. */
    private void fail(Throwable e, long row) {
        long at = row < 0 ? -1 : row;
        synchronized (lock) {
            if (failure == null || at < failureRow) {
                failure = e;
                failureRow = at;
            }
        }
    }
}
