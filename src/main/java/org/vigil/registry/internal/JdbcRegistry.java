package org.vigil.registry.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.CreditCode;
import org.vigil.identity.IdKeys;
import org.vigil.identity.Region;
import org.vigil.identity.RegionCode;
import org.vigil.identity.RegionDirectory;
import org.vigil.identity.RegionLevel;
import org.vigil.identity.ResidentId;
import org.vigil.registry.CommunityDirectory;
import org.vigil.registry.LoadReport;
import org.vigil.registry.RegistryBaseline;
import org.vigil.registry.RegistryStatistics;
import org.vigil.registry.Scheme;
import org.vigil.runtime.CopyWriter;
import org.vigil.runtime.CsvCopy;
import org.vigil.runtime.CsvTable;
import org.vigil.vault.PersonVault;

/**
 * The registry's PostgreSQL side. Loads COPY into a temporary table and then insert what is
 * new, so validation, the insert and the idempotence check all sit in one transaction. Persons
 * arrive with ID numbers and leave them in the vault: the tables get person numbers and sealed
 * names and contacts (DATA-15).
 */
@Service
class JdbcRegistry implements RegistryBaseline, RegistryStatistics, CommunityDirectory {

    private static final Logger log = LoggerFactory.getLogger(JdbcRegistry.class);

    /** Rows per vault round trip and per parallel sealing. */
    static final int BLOCK = 10_000;
    private static final HexFormat HEX = HexFormat.of();

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PersonalValues personal;
    private final PersonVault vault;

    JdbcRegistry(DataSource dataSource, JdbcClient jdbc, Clock clock, PersonalValues personal) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
        this.personal = personal;
        this.vault = personal.vault();
    }

    @Override
    @Transactional
    public LoadReport loadCommunities(Path csv) {
        RegionDirectory directory = RegionDirectory.standard();
        jdbc.sql("""
                create temporary table community_load (code varchar(12), name text, township_code varchar(9))
                    on commit drop""").update();
        long read = CsvCopy.copy(dataSource, csv, "copy community_load from stdin", (row, out) -> {
            RegionCode code = row.parsed("code", true, RegionCode::parse);
            String name = row.requiredText("name");
            RegionCode township = row.parsed("township_code", true, RegionCode::parse);
            if (code != null && code.level() != RegionLevel.VILLAGE) {
                row.problem("code", code.value(), "not a 12-digit community or village code");
            }
            if (township != null && township.level() != RegionLevel.TOWNSHIP) {
                row.problem("township_code", township.value(), "not a 9-digit street or town code");
            } else if (township != null && directory.find(township).isEmpty()) {
                row.problem("township_code", township.value(), "no such street or town in the division table");
            }
            if (row.clean() && !code.value().startsWith(township.value())) {
                row.problem("code", code.value(), "does not lie in street or town " + township.value());
            }
            if (row.clean()) {
                out.text(code.value()).text(name).text(township.value()).endRow();
            }
        }, "code", "name", "township_code");
        long added = jdbc.sql("""
                insert into registry.community (code, name, township_code)
                select code, name, township_code from community_load
                on conflict (code) do nothing""").update();
        return new LoadReport(csv.getFileName().toString(), read, added, read - added);
    }

    @Override
    @Transactional
    public LoadReport loadPersons(Path csv) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                create temporary table person_load (person bigint, name bytea, gender char(1), birth_date date,
                    region_code varchar(12), address bytea, phone bytea) on commit drop""").update();
        PersonBlock persons = new PersonBlock();
        long read = copyInBlocks(csv, "copy person_load from stdin", persons, (row, block) -> {
            ResidentId id = row.parsed("id_number", true, v -> ResidentId.parse(v, today));
            String name = row.requiredText("name");
            String gender = row.requiredText("gender");
            if (gender != null && !gender.equals("M") && !gender.equals("F")) {
                row.problem("gender", gender, "expected M or F");
            }
            LocalDate birth = row.date("birth_date", true);
            if (id != null && birth != null && !id.birthDate().equals(birth)) {
                row.problem("birth_date", birth.toString(), "differs from the birth date in the ID number " + id.birthDate());
            }
            RegionCode region = row.parsed("region_code", true, RegionCode::parse);
            if (row.clean()) {
                block.add(IdKeys.of(id), name, gender, birth, region.value(), row.text("address"), row.text("phone"));
            }
        }, "id_number", "name", "gender", "birth_date", "region_code");
        long copied = System.nanoTime();
        // one constant for every row: when the record's version 1 begins (ADR 0029), at no cost per row
        long added = jdbc.sql("""
                insert into registry.person (person, name, gender, birth_date, region_code, address, phone, loaded_at)
                select person, name, gender, birth_date, region_code, address, phone, :loadedAt from person_load
                on conflict (person) do nothing""").param("loadedAt", Timestamp.from(clock.instant())).update();
        // the load takes tens of seconds at city scale: the split says whether the vault, the sealing or the database costs them
        log.info("Persons of {}: {} read, {} added; vault numbers {} ms, sealing and COPY {} ms, insert {} ms",
                csv.getFileName(), read, added, persons.inVault / 1_000_000, persons.inCopy / 1_000_000,
                (System.nanoTime() - copied) / 1_000_000);
        return new LoadReport(csv.getFileName().toString(), read, added, read - added);
    }

    @Override
    @Transactional
    public LoadReport loadEmployers(Path csv) {
        jdbc.sql("""
                create temporary table employer_load (credit_code char(18), name text, region_code varchar(12),
                    registered_on date) on commit drop""").update();
        long read = CsvCopy.copy(dataSource, csv, "copy employer_load from stdin", (row, out) -> {
            CreditCode code = row.parsed("credit_code", true, CreditCode::parse);
            String name = row.requiredText("name");
            RegionCode region = row.parsed("region_code", true, RegionCode::parse);
            LocalDate registered = row.date("registered_on", false);
            if (row.clean()) {
                out.text(code.value()).text(name).text(region.value()).date(registered).endRow();
            }
        }, "credit_code", "name", "region_code");
        long added = jdbc.sql("""
                insert into registry.employer (credit_code, name, region_code, registered_on, loaded_at)
                select credit_code, name, region_code, registered_on, :loadedAt from employer_load
                on conflict (credit_code) do nothing""").param("loadedAt", Timestamp.from(clock.instant())).update();
        return new LoadReport(csv.getFileName().toString(), read, added, read - added);
    }

    @Override
    @Transactional
    public LoadReport loadEnrollments(Path csv) {
        LocalDate today = LocalDate.now(clock);
        jdbc.sql("""
                create temporary table enrollment_load (person bigint, scheme text, credit_code char(18),
                    start_date date, end_date date) on commit drop""").update();
        long read = copyInBlocks(csv, "copy enrollment_load from stdin", new EnrollmentBlock(), (row, block) -> {
            ResidentId id = row.parsed("id_number", true, v -> ResidentId.parse(v, today));
            Scheme scheme = row.choice("scheme", Scheme.class, true);
            CreditCode employer = row.parsed("credit_code", false, CreditCode::parse);
            LocalDate start = row.date("start_date", true);
            LocalDate end = row.date("end_date", false);
            if (start != null && end != null && end.isBefore(start)) {
                row.problem("end_date", end.toString(), "before the start date " + start);
            }
            if (scheme != null && scheme.employeeScheme() && employer == null && row.clean()) {
                row.problem("credit_code", null, "an employee scheme needs the employer's credit code");
            }
            if (row.clean()) {
                block.add(IdKeys.of(id), scheme.name(), employer == null ? null : employer.value(), start, end);
            }
        }, "id_number", "scheme", "credit_code", "start_date", "end_date");
        long added = jdbc.sql("""
                insert into registry.enrollment (person, scheme, credit_code, start_date, end_date)
                select person, scheme, credit_code, start_date, end_date from enrollment_load
                on conflict (person, scheme, coalesce(credit_code, ''), start_date) do nothing""").update();
        return new LoadReport(csv.getFileName().toString(), read, added, read - added);
    }

    /** Validates one row and, when it is clean, adds it to the block. */
    @FunctionalInterface
    private interface BlockRow<B extends Block> {
        void accept(CsvTable.Row row, B block) throws Exception;
    }

    /**
     * Clean rows waiting for their person numbers: the vault gives numbers for a block at a time
     * (one round trip, and the new ones recorded together), and sealing then runs on every core.
     * Each block is its own COPY: the vault looks numbers up on the transaction's connection, which
     * an open COPY would hold.
     */
    private abstract class Block {

        final long[] idKeys = new long[BLOCK];
        final long[] numbers = new long[BLOCK];
        int size;
        Connection connection;
        String copyStatement;
        /** Nanoseconds in the vault and in sealing and copying, for the log. */
        long inVault;
        long inCopy;

        boolean full() {
            return size == BLOCK;
        }

        void flush() throws SQLException {
            if (size == 0) {
                return;
            }
            long start = System.nanoTime();
            vault.numbersOf(idKeys, size, numbers);
            long numbered = System.nanoTime();
            try (CopyWriter out = CopyWriter.open(connection, copyStatement)) {
                write(out);
                out.finish();
            }
            inVault += numbered - start;
            inCopy += System.nanoTime() - numbered;
            size = 0;
        }

        abstract void write(CopyWriter out) throws SQLException;
    }

    private final class PersonBlock extends Block {

        private final String[] names = new String[BLOCK];
        private final String[] genders = new String[BLOCK];
        private final LocalDate[] births = new LocalDate[BLOCK];
        private final String[] regions = new String[BLOCK];
        private final String[] addresses = new String[BLOCK];
        private final String[] phones = new String[BLOCK];
        private final byte[][] sealedNames = new byte[BLOCK][];
        private final byte[][] sealedAddresses = new byte[BLOCK][];
        private final byte[][] sealedPhones = new byte[BLOCK][];

        void add(long idKey, String name, String gender, LocalDate birth, String region, String address, String phone) {
            idKeys[size] = idKey;
            names[size] = name;
            genders[size] = gender;
            births[size] = birth;
            regions[size] = region;
            addresses[size] = address;
            phones[size] = phone;
            size++;
        }

        @Override
        void write(CopyWriter out) throws SQLException {
            IntStream.range(0, size).parallel().forEach(i -> {
                long person = numbers[i];
                sealedNames[i] = personal.seal(PersonalValues.PERSON_NAME, person, names[i]);
                sealedAddresses[i] = personal.seal(PersonalValues.PERSON_ADDRESS, person, addresses[i]);
                sealedPhones[i] = personal.seal(PersonalValues.PERSON_PHONE, person, phones[i]);
            });
            for (int i = 0; i < size; i++) {
                out.number(numbers[i]).text(bytea(sealedNames[i])).text(genders[i]).date(births[i]).text(regions[i])
                        .text(bytea(sealedAddresses[i])).text(bytea(sealedPhones[i])).endRow();
            }
        }
    }

    private final class EnrollmentBlock extends Block {

        private final String[] schemes = new String[BLOCK];
        private final String[] employers = new String[BLOCK];
        private final LocalDate[] starts = new LocalDate[BLOCK];
        private final LocalDate[] ends = new LocalDate[BLOCK];

        void add(long idKey, String scheme, String employer, LocalDate start, LocalDate end) {
            idKeys[size] = idKey;
            schemes[size] = scheme;
            employers[size] = employer;
            starts[size] = start;
            ends[size] = end;
            size++;
        }

        @Override
        void write(CopyWriter out) throws SQLException {
            for (int i = 0; i < size; i++) {
                out.number(numbers[i]).text(schemes[i]).text(employers[i]).date(starts[i]).date(ends[i]).endRow();
            }
        }
    }

    /**
     * As {@link CsvCopy#copy}, with the clean rows gathered in blocks before they go to the COPY.
     * Once a row has a problem nothing more is sent, nor recorded in the vault: the load fails at the
     * end of the file, and the rows sent before roll back with it (ID numbers recorded for earlier
     * blocks stay in the vault, sealed and named by nobody).
     */
    private <B extends Block> long copyInBlocks(Path csv, String copyStatement, B block, BlockRow<B> handler,
            String... requiredColumns) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            block.connection = connection;
            block.copyStatement = copyStatement;
            boolean[] failed = {false};
            long read = CsvTable.of(csv, requiredColumns).forEachRow(row -> {
                handler.accept(row, block);
                failed[0] |= !row.clean();
                if (failed[0]) {
                    block.size = 0;
                }
                else if (block.full()) {
                    block.flush();
                }
            });
            block.flush();
            return read;
        }
        catch (SQLException e) {
            throw new IllegalStateException("could not load " + csv.getFileName() + ": " + e.getMessage(), e);
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** A bytea value as COPY's text format takes it: hex, after the escaped backslash. */
    private static String bytea(byte[] value) {
        return value == null ? null : "\\x" + HEX.formatHex(value);
    }

    @Override
    public List<Region> communities() {
        return jdbc.sql("select code, name from registry.community order by code")
                .query((rs, n) -> new Region(RegionCode.parse(rs.getString(1)).orElseThrow(), rs.getString(2))).list();
    }

    @Override
    public Map<String, Long> communitiesByDistrict() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select substr(code, 1, 6) as district, count(*) as n from registry.community group by 1 order by 1")
                .query(rs -> {
                    counts.put(rs.getString("district"), rs.getLong("n"));
                });
        return counts;
    }

    @Override
    public Map<String, Long> personsByDistrict() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select substr(region_code, 1, 6) as district, count(*) as n from registry.person group by 1 order by 1")
                .query(rs -> {
                    counts.put(rs.getString("district"), rs.getLong("n"));
                });
        return counts;
    }
}
