package org.vigil.registry.internal;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.CreditCode;
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
import org.vigil.runtime.CsvCopy;

/**
 * The registry's PostgreSQL side. Loads COPY into a temporary table and then insert what is
 * new, so validation, the insert and the idempotence check all sit in one transaction.
 */
@Service
class JdbcRegistry implements RegistryBaseline, RegistryStatistics, CommunityDirectory {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcRegistry(DataSource dataSource, JdbcClient jdbc, Clock clock) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.clock = clock;
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
                create temporary table person_load (id_number char(18), name text, gender char(1), birth_date date,
                    region_code varchar(12), address text, phone text) on commit drop""").update();
        long read = CsvCopy.copy(dataSource, csv, "copy person_load from stdin", (row, out) -> {
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
                out.text(id.value()).text(name).text(gender).date(birth).text(region.value())
                        .text(row.text("address")).text(row.text("phone")).endRow();
            }
        }, "id_number", "name", "gender", "birth_date", "region_code");
        // one constant for every row: when the record's version 1 begins (ADR 0029), at no cost per row
        long added = jdbc.sql("""
                insert into registry.person (id_number, name, gender, birth_date, region_code, address, phone, loaded_at)
                select id_number, name, gender, birth_date, region_code, address, phone, :loadedAt from person_load
                on conflict (id_number) do nothing""").param("loadedAt", Timestamp.from(clock.instant())).update();
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
                create temporary table enrollment_load (id_number char(18), scheme text, credit_code char(18),
                    start_date date, end_date date) on commit drop""").update();
        long read = CsvCopy.copy(dataSource, csv, "copy enrollment_load from stdin", (row, out) -> {
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
                out.text(id.value()).text(scheme.name()).text(employer == null ? null : employer.value())
                        .date(start).date(end).endRow();
            }
        }, "id_number", "scheme", "credit_code", "start_date", "end_date");
        long added = jdbc.sql("""
                insert into registry.enrollment (id_number, scheme, credit_code, start_date, end_date)
                select id_number, scheme, credit_code, start_date, end_date from enrollment_load
                on conflict (id_number, scheme, coalesce(credit_code, ''), start_date) do nothing""").update();
        return new LoadReport(csv.getFileName().toString(), read, added, read - added);
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
