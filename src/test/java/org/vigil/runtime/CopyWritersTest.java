package org.vigil.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * What the two COPY writers send is what PostgreSQL stores: texts with the characters COPY's text
 * format escapes and Chinese, dates on both sides of 2000 and at the ends of four-digit years,
 * numbers at the ends of a long, and nulls.
 */
@SpringBootTest
@ActiveProfiles("test")
class CopyWritersTest {

    /** id, text, char(18), date, bigint. */
    static final List<Object[]> ROWS = List.of(
            new Object[] {1L, "abc", "22020219500101001X", LocalDate.of(2026, 3, 5), 0L},
            new Object[] {2L, "守望\t\\\n\r end", "110101194912310012", LocalDate.of(1999, 12, 31), -1L},
            new Object[] {3L, "", "220202195001010016", LocalDate.of(2000, 1, 1), Long.MAX_VALUE},
            new Object[] {4L, null, null, null, Long.MIN_VALUE},
            new Object[] {5L, "吉林市船营区", "22020219500101002X", LocalDate.of(1, 2, 3), 1_234_567_890_123L},
            new Object[] {6L, "x", "220202195001010016", LocalDate.of(9999, 12, 31), -987_654_321L},
            new Object[] {7L, "y", "220202195001010016", LocalDate.of(1900, 1, 1), 10L});

    @Autowired
    DataSource dataSource;

    @Test
    void theTextWriterStoresWhatItWasGiven() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            table(c);
            try (CopyWriter out = CopyWriter.open(c, "copy copy_check (id, t, c, d, n) from stdin")) {
                for (Object[] r : ROWS) {
                    out.number((Long) r[0]).text((String) r[1]).text((String) r[2]).date((LocalDate) r[3]).number((Long) r[4]);
                    out.endRow();
                }
                assertThat(out.finish()).isEqualTo(ROWS.size());
            }
            assertThat(stored(c)).containsExactlyElementsOf(expected());
            c.rollback();
        }
    }

    @Test
    void theBinaryWriterStoresWhatItWasGiven() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            table(c);
            try (BinaryCopyWriter out = BinaryCopyWriter.open(c,
                    "copy copy_check (id, t, c, d, n) from stdin with (format binary)")) {
                for (Object[] r : ROWS) {
                    out.row(5).int8((Long) r[0]).text((String) r[1]).text((String) r[2]).date((LocalDate) r[3])
                            .int8((Long) r[4]);
                }
                assertThat(out.finish()).isEqualTo(ROWS.size());
            }
            assertThat(stored(c)).containsExactlyElementsOf(expected());
            c.rollback();
        }
    }

    private static void table(Connection c) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table copy_check (id bigint, t text, c char(18), d date, n bigint) on commit drop");
        }
    }

    private static List<String> stored(Connection c) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select id, t, c, d::text, n from copy_check order by id")) {
            while (r.next()) {
                out.add(Arrays.asList(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5)).toString());
            }
        }
        return out;
    }

    private static List<String> expected() {
        return ROWS.stream().map(r -> Arrays.asList(r[0], r[1], r[2], r[3] == null ? null : r[3].toString(), r[4])
                .toString()).toList();
    }
}
