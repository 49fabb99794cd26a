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

/** {@code registry.person} and its versions in {@code registry.person_version}. */
@Component
class PersonTable implements RecordTable {

    private static final String CURRENT = """
            select id_number, name, gender, birth_date, region_code, address, phone, email
              from registry.person where id = :id""";
    private static final String CURRENT_LOCKED = """
            select id_number, name, gender, birth_date, region_code, address, phone, email
              from registry.person where id = :id for update""";
    private static final String LOADED = """
            select loaded_at, id_number, name, gender, birth_date, region_code, address, phone, email
              from registry.person where id = :id""";

    private static final String BASELINE_VERSION = """
            insert into registry.person_version (person_id, version, valid_from, id_number, name, gender, birth_date,
                   region_code, address, phone, email, recorded_by, reason, change_request_id, changed_fields)
            select p.id, 1, p.loaded_at, p.id_number, p.name, p.gender, p.birth_date, p.region_code, p.address, p.phone,
                   p.email, :by, :reason, null, '{}'
              from registry.person p
             where p.id = :id and not exists (select 1 from registry.person_version v where v.person_id = p.id)""";

    private static final String VERSIONS = """
            select version, valid_from, id_number, name, gender, birth_date, region_code, address, phone, email,
                   recorded_by, reason, change_request_id
              from registry.person_version where person_id = :id order by version""";

    /** The latest version begun by then; version 1 without a load time counts from before records began. */
    private static final String AS_OF = """
            select version, valid_from, id_number, name, gender, birth_date, region_code, address, phone, email,
                   recorded_by, reason, change_request_id
              from registry.person_version
             where person_id = :id and (valid_from is null or valid_from <= :at)
             order by version desc limit 1""";

    private final JdbcClient jdbc;

    PersonTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RecordKind kind() {
        return RecordKind.PERSON;
    }

    @Override
    public ChangeField key() {
        return ChangeField.PERSON_ID_NUMBER;
    }

    @Override
    public Optional<Map<ChangeField, String>> current(long id, boolean lock) {
        return jdbc.sql(lock ? CURRENT_LOCKED : CURRENT).param("id", id).query((rs, n) -> values(rs)).optional();
    }

    @Override
    public Optional<Long> holderOf(String keyValue) {
        return jdbc.sql("select id from registry.person where id_number = :value").param("value", keyValue)
                .query(Long.class).optional();
    }

    @Override
    public int nextVersion(long id) {
        jdbc.sql(BASELINE_VERSION).param("id", id).param("by", RecordVersion.BASELINE)
                .param("reason", JdbcRecordHistory.BASELINE_REASON).update();
        return jdbc.sql("select coalesce(max(version), 0) + 1 from registry.person_version where person_id = :id")
                .param("id", id).query(Integer.class).single();
    }

    @Override
    public void update(long id, Map<ChangeField, String> v) {
        jdbc.sql("""
                update registry.person
                   set id_number = :idNumber, name = :name, gender = :gender, birth_date = :birthDate,
                       region_code = :region, address = :address, phone = :phone, email = :email
                 where id = :id""")
                .param("idNumber", v.get(ChangeField.PERSON_ID_NUMBER)).param("name", v.get(ChangeField.PERSON_NAME))
                .param("gender", v.get(ChangeField.PERSON_GENDER))
                .param("birthDate", LocalDate.parse(v.get(ChangeField.PERSON_BIRTH_DATE)))
                .param("region", v.get(ChangeField.PERSON_REGION)).param("address", v.get(ChangeField.PERSON_ADDRESS))
                .param("phone", v.get(ChangeField.PERSON_PHONE)).param("email", v.get(ChangeField.PERSON_EMAIL))
                .param("id", id).update();
    }

    @Override
    public void appendVersion(long id, int version, Instant validFrom, Map<ChangeField, String> v, String recordedBy,
            String reason, long changeRequestId, List<ChangeField> changed) {
        jdbc.sql("""
                insert into registry.person_version (person_id, version, valid_from, id_number, name, gender, birth_date,
                       region_code, address, phone, email, recorded_by, reason, change_request_id, changed_fields)
                values (:id, :version, :validFrom, :idNumber, :name, :gender, :birthDate, :region, :address, :phone,
                        :email, :by, :reason, :request, string_to_array(:changed, ','))""")
                .param("id", id).param("version", version).param("validFrom", Timestamp.from(validFrom))
                .param("idNumber", v.get(ChangeField.PERSON_ID_NUMBER)).param("name", v.get(ChangeField.PERSON_NAME))
                .param("gender", v.get(ChangeField.PERSON_GENDER))
                .param("birthDate", LocalDate.parse(v.get(ChangeField.PERSON_BIRTH_DATE)))
                .param("region", v.get(ChangeField.PERSON_REGION)).param("address", v.get(ChangeField.PERSON_ADDRESS))
                .param("phone", v.get(ChangeField.PERSON_PHONE)).param("email", v.get(ChangeField.PERSON_EMAIL))
                .param("by", recordedBy).param("reason", reason).param("request", changeRequestId)
                .param("changed", String.join(",", changed.stream().map(Enum::name).toList())).update();
    }

    @Override
    public void followKey(String oldValue, String newValue) {
        jdbc.sql("update registry.enrollment set id_number = :new where id_number = :old")
                .param("new", newValue).param("old", oldValue).update();
    }

    @Override
    public List<StoredVersion> versions(long id) {
        List<StoredVersion> stored = jdbc.sql(VERSIONS).param("id", id)
                .query((rs, n) -> version(rs)).list();
        if (!stored.isEmpty()) {
            return stored;
        }
        return implied(id, null).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<StoredVersion> asOf(long id, Instant at) {
        Optional<StoredVersion> stored = jdbc.sql(AS_OF)
                .param("id", id).param("at", Timestamp.from(at)).query((rs, n) -> version(rs)).optional();
        if (stored.isPresent()) {
            return stored;
        }
        boolean versioned = jdbc.sql("select exists (select 1 from registry.person_version where person_id = :id)")
                .param("id", id).query(Boolean.class).single();
        // versions that all begin later mean the record did not exist yet; none at all mean it is at version 1
        return versioned ? Optional.empty() : implied(id, at);
    }

    /** Version 1 read from the record itself, which no change has touched yet; only if loaded by {@code at}. */
    private Optional<StoredVersion> implied(long id, Instant at) {
        return jdbc.sql(LOADED).param("id", id)
                .query((rs, n) -> new StoredVersion(1, instant(rs, "loaded_at"), values(rs),
                        RecordVersion.BASELINE, JdbcRecordHistory.BASELINE_REASON, null))
                .optional()
                .filter(v -> at == null || v.validFrom() == null || !v.validFrom().isAfter(at));
    }

    private static StoredVersion version(ResultSet rs) throws SQLException {
        long request = rs.getLong("change_request_id");
        Long requestId = rs.wasNull() ? null : request;
        return new StoredVersion(rs.getInt("version"), instant(rs, "valid_from"), values(rs), rs.getString("recorded_by"),
                rs.getString("reason"), requestId);
    }

    private static Map<ChangeField, String> values(ResultSet rs) throws SQLException {
        Map<ChangeField, String> v = new EnumMap<>(ChangeField.class);
        v.put(ChangeField.PERSON_ID_NUMBER, rs.getString("id_number"));
        v.put(ChangeField.PERSON_NAME, rs.getString("name"));
        v.put(ChangeField.PERSON_GENDER, rs.getString("gender"));
        v.put(ChangeField.PERSON_BIRTH_DATE, rs.getObject("birth_date", LocalDate.class).toString());
        v.put(ChangeField.PERSON_REGION, rs.getString("region_code"));
        v.put(ChangeField.PERSON_ADDRESS, rs.getString("address"));
        v.put(ChangeField.PERSON_PHONE, rs.getString("phone"));
        v.put(ChangeField.PERSON_EMAIL, rs.getString("email"));
        return v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
