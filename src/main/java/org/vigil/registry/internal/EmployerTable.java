package org.vigil.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.RecordKind;
import org.vigil.registry.change.RecordVersion;

/** {@code registry.employer} and its versions in {@code registry.employer_version}. */
@Component
class EmployerTable implements RecordTable {

    private static final String CURRENT = """
            select credit_code, name, region_code, registered_on from registry.employer where id = :id""";
    private static final String CURRENT_LOCKED = """
            select credit_code, name, region_code, registered_on from registry.employer where id = :id for update""";
    private static final String LOADED = """
            select loaded_at, credit_code, name, region_code, registered_on from registry.employer where id = :id""";

    private static final String BASELINE_VERSION = """
            insert into registry.employer_version (employer_id, version, valid_from, credit_code, name, region_code,
                   registered_on, recorded_by, reason, change_request_id, changed_fields)
            select e.id, 1, e.loaded_at, e.credit_code, e.name, e.region_code, e.registered_on, :by, :reason, null, '{}'
              from registry.employer e
             where e.id = :id and not exists (select 1 from registry.employer_version v where v.employer_id = e.id)""";

    private static final String VERSIONS = """
            select version, valid_from, credit_code, name, region_code, registered_on, recorded_by, reason,
                   change_request_id
              from registry.employer_version where employer_id = :id order by version""";

    /** The latest version begun by then; version 1 without a load time counts from before records began. */
    private static final String AS_OF = """
            select version, valid_from, credit_code, name, region_code, registered_on, recorded_by, reason,
                   change_request_id
              from registry.employer_version
             where employer_id = :id and (valid_from is null or valid_from <= :at)
             order by version desc limit 1""";

    private final JdbcClient jdbc;

    EmployerTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.EMPLOYER;
    }

    @Override
    public ChangeField key() {
        return ChangeField.EMPLOYER_CREDIT_CODE;
    }

    @Override
    public Optional<Map<ChangeField, String>> current(long id, boolean lock) {
        return jdbc.sql(lock ? CURRENT_LOCKED : CURRENT).param("id", id).query((rs, n) -> values(rs)).optional();
    }

    @Override
    public Optional<Long> holderOf(String keyValue) {
        return jdbc.sql("select id from registry.employer where credit_code = :value").param("value", keyValue)
                .query(Long.class).optional();
    }

    @Override
    public int nextVersion(long id) {
        jdbc.sql(BASELINE_VERSION).param("id", id).param("by", RecordVersion.BASELINE)
                .param("reason", JdbcRecordHistory.BASELINE_REASON).update();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from registry.employer_version where employer_id = :id")
                .param("id", id).query(Integer.class).single();
    }

    @Override
    public void update(long id, Map<ChangeField, String> v) {
        jdbc.sql("""
                update registry.employer
                   set credit_code = :creditCode, name = :name, region_code = :region, registered_on = :registeredOn
                 where id = :id""")
                .param("creditCode", v.get(ChangeField.EMPLOYER_CREDIT_CODE)).param("name", v.get(ChangeField.EMPLOYER_NAME))
                .param("region", v.get(ChangeField.EMPLOYER_REGION))
                .param("registeredOn", date(v.get(ChangeField.EMPLOYER_REGISTERED_ON)), java.sql.Types.DATE)
                .param("id", id).update();
    }

    @Override
    public void appendVersion(long id, int version, Instant validFrom, Map<ChangeField, String> v, String recordedBy,
            String reason, long changeRequestId, List<ChangeField> changed) {
        jdbc.sql("""
                insert into registry.employer_version (employer_id, version, valid_from, credit_code, name, region_code,
                       registered_on, recorded_by, reason, change_request_id, changed_fields)
                values (:id, :version, :validFrom, :creditCode, :name, :region, :registeredOn, :by, :reason, :request,
                        string_to_array(:changed, ','))""")
                .param("id", id).param("version", version).param("validFrom", Timestamp.from(validFrom))
                .param("creditCode", v.get(ChangeField.EMPLOYER_CREDIT_CODE)).param("name", v.get(ChangeField.EMPLOYER_NAME))
                .param("region", v.get(ChangeField.EMPLOYER_REGION))
                .param("registeredOn", date(v.get(ChangeField.EMPLOYER_REGISTERED_ON)), java.sql.Types.DATE)
                .param("by", recordedBy).param("reason", reason).param("request", changeRequestId)
                .param("changed", String.join(",", changed.stream().map(Enum::name).toList())).update();
    }

    @Override
    public void followKey(String oldValue, String newValue) {
        jdbc.sql("update registry.enrollment set credit_code = :new where credit_code = :old")
                .param("new", newValue).param("old", oldValue).update();
    }

    @Override
    public List<StoredVersion> versions(long id) {
        List<StoredVersion> stored = jdbc.sql(VERSIONS).param("id", id).query((rs, n) -> version(rs)).list();
        if (!stored.isEmpty()) {
            return stored;
        }
        return implied(id, null).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<StoredVersion> asOf(long id, Instant at) {
        Optional<StoredVersion> stored = jdbc.sql(AS_OF).param("id", id).param("at", Timestamp.from(at))
                .query((rs, n) -> version(rs)).optional();
        if (stored.isPresent()) {
            return stored;
        }
        boolean versioned = jdbc.sql("select exists (select 1 from registry.employer_version where employer_id = :id)")
                .param("id", id).query(Boolean.class).single();
        // versions that all begin later mean the record did not exist yet; none at all mean it is at version 1
        return versioned ? Optional.empty() : implied(id, at);
    }

    /** Version 1 read from the record itself, which no change has touched yet; only if loaded by {@code at}. */
    private Optional<StoredVersion> implied(long id, Instant at) {
        return jdbc.sql(LOADED).param("id", id)
                .query((rs, n) -> new StoredVersion(1, PersonTable.instant(rs, "loaded_at"), values(rs),
                        RecordVersion.BASELINE, JdbcRecordHistory.BASELINE_REASON, null))
                .optional()
                .filter(v -> at == null || v.validFrom() == null || !v.validFrom().isAfter(at));
    }

    private static StoredVersion version(ResultSet rs) throws SQLException {
        long request = rs.getLong("change_request_id");
        Long requestId = rs.wasNull() ? null : request;
        return new StoredVersion(rs.getInt("version"), PersonTable.instant(rs, "valid_from"), values(rs),
                rs.getString("recorded_by"), rs.getString("reason"), requestId);
    }

    private static Map<ChangeField, String> values(ResultSet rs) throws SQLException {
        Map<ChangeField, String> v = new EnumMap<>(ChangeField.class);
        v.put(ChangeField.EMPLOYER_CREDIT_CODE, rs.getString("credit_code"));
        v.put(ChangeField.EMPLOYER_NAME, rs.getString("name"));
        v.put(ChangeField.EMPLOYER_REGION, rs.getString("region_code"));
        LocalDate registered = rs.getObject("registered_on", LocalDate.class);
        v.put(ChangeField.EMPLOYER_REGISTERED_ON, registered == null ? null : registered.toString());
        return v;
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }
}
