package org.vigil.sharing.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/** Test helper: reads a whole delivery file into plain rows, checking the per-sink order on the way. */
final class Rows {

    /** A row as the tests compare it: its number and its cells as strings. */
    record Row(long number, List<String> cells) {
        static Row of(long number, String... cells) {
            return new Row(number, List.of(cells));
        }
    }

    private Rows() {
    }

    static List<Row> read(Path file) {
        return read(file, 1, ReadLimits.standard());
    }

    static List<Row> read(Path file, int threads) {
        return read(file, threads, ReadLimits.standard());
    }

    static List<Row> read(Path file, int threads, ReadLimits limits) {
        try (TableSource source = DeliveryFiles.open(file, file.getFileName().toString(), limits)) {
            return readAll(source, threads);
        }
    }

    /** Every row of the source, in file order; each sink must have seen its rows in file order, and finished. */
    static List<Row> readAll(TableSource source, int threads) {
        List<List<Row>> perSink = Collections.synchronizedList(new ArrayList<>());
        List<Boolean> finished = Collections.synchronizedList(new ArrayList<>());
        long count = source.read(threads, () -> {
            List<Row> mine = new ArrayList<>();
            perSink.add(mine);
            return new RowSink() {
                @Override
                public void accept(RowView row) {
                    mine.add(copy(row));
                }

                @Override
                public void finish() {
                    finished.add(true);
                }
            };
        });
        assertThat(perSink.size()).isBetween(1, threads);
        assertThat(finished).hasSameSizeAs(perSink);
        List<Row> all = new ArrayList<>();
        for (List<Row> rows : perSink) {
            assertThat(rows).isSortedAccordingTo(Comparator.comparingLong(Row::number));
            all.addAll(rows);
        }
        all.sort(Comparator.comparingLong(Row::number));
        assertThat(all).hasSize((int) count);
        return all;
    }

    static Row copy(RowView row) {
        List<String> cells = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            cells.add(row.text(i));
        }
        return new Row(row.row(), List.copyOf(cells));
    }
}
