package org.vigil.registry.internal;

import java.time.Clock;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.IdKeyTable;
import org.vigil.identity.IdKeys;
import org.vigil.registry.PersonDirectory;
import org.vigil.registry.PersonIndex;

/**
 * Builds the person index from {@code registry.person} in one pass.
 *
 * <p>The query streams: PostgreSQL's driver fetches {@value #FETCH_SIZE} rows at a time only
 * inside a transaction with a fetch size set; without both it would hold all million rows as
 * driver objects before the first reached us. The template is this class's own, because the fetch
 * size is a setting of the template and the shared one must keep the driver's default.
 */
@Service
class JdbcPersonDirectory implements PersonDirectory {

    static final int FETCH_SIZE = 10_000;

    /**
     * Every field as the number the index keeps, computed by the database so that no String or
     * LocalDate is made per row for them: the ID packed as {@link IdKeys} packs it (the first 17
     * digits times 11 plus the check character, X as 10), the sex as a boolean, the birth date as
     * days since 1970-01-01, the community code as a number. Only the name comes as text.
     */
    private static final String PERSONS = """
            select left(id_number, 17)::bigint * 11
                       + case right(id_number, 1) when 'X' then 10 else right(id_number, 1)::int end as id_key,
                   name, gender = 'M' as male, birth_date - date '1970-01-01' as birth_day,
                   region_code::bigint as region
            from registry.person""";

    private static final Logger log = LoggerFactory.getLogger(JdbcPersonDirectory.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    JdbcPersonDirectory(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public PersonIndex snapshot() {
        Instant takenAt = clock.instant();
        long start = System.nanoTime();
        PersonIndexBuilder builder = new PersonIndexBuilder();
        jdbc.query(PERSONS, rs -> {
            builder.add(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4), rs.getLong(5));
        });
        long read = System.nanoTime();
        InMemoryPersonIndex index = builder.build(takenAt);
        long built = System.nanoTime();
        // A snapshot takes seconds at city scale; the split tells whether the database or the names cost them.
        log.info("Person index: {} persons, {} distinct names; read in {} ms, indexed in {} ms", index.size(),
                builder.distinctNames(), (read - start) / 1_000_000, (built - read) / 1_000_000);
        return index;
    }
}
