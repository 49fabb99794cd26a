package org.vigil.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.registry.PersonDirectory;
import org.vigil.registry.PersonIndex;
import org.vigil.vault.PersonVault;

/**
 * Builds the person index from {@code registry.person} in one pass.
 *
 * <p>The query streams: PostgreSQL's driver fetches {@value #FETCH_SIZE} rows at a time only
 * inside a transaction with a fetch size set; without both it would hold all million rows as
 * driver objects before the first reached us. The template is this class's own, because the fetch
 * size is a setting of the template and the shared one must keep the driver's default.
 *
 * <p>Rows name persons by vault number and hold their names sealed (DATA-15): each fetched block's
 * names are opened on every core, and its numbers become ID keys through the vault's map, which the
 * process's first snapshot fills in one pass ({@link PersonVault#preload}); later snapshots open
 * only the persons added since.
 */
@Service
class JdbcPersonDirectory implements PersonDirectory {

    static final int FETCH_SIZE = 10_000;

    /**
     * Every field but the name as the number the index keeps, computed by the database so that no
     * String or LocalDate is made per row for them: the sex as a boolean, the birth date as days
     * since 1970-01-01, the community code as a number.
     */
    private static final String PERSONS = """
            select person, name, gender = 'M' as male, birth_date - date '1970-01-01' as birth_day,
                   region_code::bigint as region
            from registry.person""";

    private static final Logger log = LoggerFactory.getLogger(JdbcPersonDirectory.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final PersonalValues personal;
    private final AtomicBoolean preloaded = new AtomicBoolean();

    JdbcPersonDirectory(DataSource dataSource, Clock clock, PersonalValues personal) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.clock = clock;
        this.personal = personal;
    }

    @Override
    @Transactional(readOnly = true)
    public PersonIndex snapshot() {
        Instant takenAt = clock.instant();
        long start = System.nanoTime();
        if (preloaded.compareAndSet(false, true)) {
            personal.vault().preload();
        }
        long vaultOpened = System.nanoTime();
        PersonIndexBuilder builder = new PersonIndexBuilder();
        Rows rows = new Rows(builder);
        jdbc.query(PERSONS, rs -> {
            rows.add(rs.getLong(1), rs.getBytes(2), rs.getBoolean(3), rs.getInt(4), rs.getLong(5));
        });
        rows.flush();
        long read = System.nanoTime();
        InMemoryPersonIndex index = builder.build(takenAt);
        long built = System.nanoTime();
        // A snapshot takes seconds at city scale; the split tells whether the vault, the database and
        // the names' opening, or the names' indexing cost them.
        log.info("Person index: {} persons, {} distinct names; vault preloaded in {} ms, read and opened in {} ms,"
                + " indexed in {} ms", index.size(), builder.distinctNames(), (vaultOpened - start) / 1_000_000,
                (read - vaultOpened) / 1_000_000, (built - read) / 1_000_000);
        return index;
    }

    /** One fetched block of rows, opened together before they go to the builder. */
    private final class Rows {

        private final PersonIndexBuilder builder;
        private final long[] numbers = new long[FETCH_SIZE];
        private final long[] idKeys = new long[FETCH_SIZE];
        private final byte[][] sealedNames = new byte[FETCH_SIZE][];
        private final String[] names = new String[FETCH_SIZE];
        private final boolean[] males = new boolean[FETCH_SIZE];
        private final int[] birthDays = new int[FETCH_SIZE];
        private final long[] regions = new long[FETCH_SIZE];
        private int size;

        Rows(PersonIndexBuilder builder) {
            this.builder = builder;
        }

        void add(long person, byte[] name, boolean male, int birthDay, long region) {
            numbers[size] = person;
            sealedNames[size] = name;
            males[size] = male;
            birthDays[size] = birthDay;
            regions[size] = region;
            if (++size == FETCH_SIZE) {
                flush();
            }
        }

        void flush() {
            if (size == 0) {
                return;
            }
            personal.vault().idKeysOf(numbers, size, idKeys);
            IntStream.range(0, size).parallel()
                    .forEach(i -> names[i] = personal.open(PersonalValues.PERSON_NAME, numbers[i], sealedNames[i]));
            for (int i = 0; i < size; i++) {
                builder.add(numbers[i], idKeys[i], names[i], males[i], birthDays[i], regions[i]);
                sealedNames[i] = null;
                names[i] = null;
            }
            size = 0;
        }
    }
}
