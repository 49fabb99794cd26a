package org.vigil.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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

/**
 * {@code registry.person} and its versions in {@code registry.person_version}. The rows hold the
 * person's vault number and sealed values (DATA-15); this class opens them into the clear values the
 * change service compares and seals what it writes, so the service above works on text as before.
 */
@Component
class PersonTable implements RecordTable {

    /** Where {@code registry.person_version}'s sealed columns live. */
    static final String VERSION_NAME = "registry.person_version.name";
    static final String VERSION_ADDRESS = "registry.person_version.address";
    static final String VERSION_PHONE = "registry.person_version.phone";
    static final String VERSION_EMAIL = "registry.person_version.email";

    private static final String CURRENT = """
            select person, name, gender, birth_date, region_code, address, phone, email
              from registry.person where id = :id""";
    private static final String CURRENT_LOCKED = """
            select person, name, gender, birth_date, region_code, address, phone, email
              from registry.person where id = :id for update""";
    private static final String LOADED = """
            select loaded_at, person, name, gender, birth_date, region_code, address, phone, email
              from registry.person where id = :id""";

    private static final String VERSIONS = """
            select version, valid_from, person, name, gender, birth_date, region_code, address, phone, email,
                   recorded_by, reason, change_request_id
              from registry.person_version where person_id = :id order by version""";

    /** The latest version begun by then; version 1 without a load time counts from before records began. */
    private static final String AS_OF = """
            select version, valid_from, person, name, gender, birth_date, region_code, address, phone, email,
                   recorded_by, reason, change_request_id
              from registry.person_version
             where person_id = :id and (valid_from is null or valid_from <= :at)
             order by version desc limit 1""";

    private final JdbcClient jdbc;
    private final PersonalValues personal;

    PersonTable(JdbcClient jdbc, PersonalValues personal) {
        this.jdbc = jdbc;
        this.personal = personal;
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
        return jdbc.sql(lock ? CURRENT_LOCKED : CURRENT).param("id", id).query((rs, n) -> values(rs, false)).optional();
    }

    @Override
    public Optional<Long> holderOf(String keyValue) {
        Optional<Long> number = personal.find(keyValue);
        if (number.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("select id from registry.person where person = :person").param("person", number.get())
                .query(Long.class).optional();
    }

    @Override
    public int nextVersion(long id) {
        boolean versioned = jdbc.sql("select exists (select 1 from registry.person_version where person_id = :id)")
                .param("id", id).query(Boolean.class).single();
        if (!versioned) {
            // version 1 is the row as the load left it, sealed again for the history's own places
            StoredVersion loaded = implied(id, null).orElseThrow(() -> new IllegalStateException("no person " + id));
            insertVersion(id, 1, loaded.validFrom(), loaded.values(), RecordVersion.BASELINE,
                    JdbcRecordHistory.BASELINE_REASON, null, List.of());
        }
        return jdbc.sql("select coalesce(max(version), 0) + 1 from registry.person_version where person_id = :id")
                .param("id", id).query(Integer.class).single();
    }

    @Override
    public void update(long id, Map<ChangeField, String> v) {
        long person = personal.numberOf(v.get(ChangeField.PERSON_ID_NUMBER));
        jdbc.sql("""
                update registry.person
                   set person = :person, name = :name, gender = :gender, birth_date = :birthDate,
                       region_code = :region, address = :address, phone = :phone, email = :email
                 where id = :id""")
                .param("person", person)
                .param("name", personal.seal(PersonalValues.PERSON_NAME, person, v.get(ChangeField.PERSON_NAME)))
                .param("gender", v.get(ChangeField.PERSON_GENDER))
                .param("birthDate", LocalDate.parse(v.get(ChangeField.PERSON_BIRTH_DATE)))
                .param("region", v.get(ChangeField.PERSON_REGION))
                .param("address", sealed(PersonalValues.PERSON_ADDRESS, person, v.get(ChangeField.PERSON_ADDRESS)),
                        Types.BINARY)
                .param("phone", sealed(PersonalValues.PERSON_PHONE, person, v.get(ChangeField.PERSON_PHONE)), Types.BINARY)
                .param("email", sealed(PersonalValues.PERSON_EMAIL, person, v.get(ChangeField.PERSON_EMAIL)), Types.BINARY)
                .param("id", id).update();
    }

    @Override
    public void appendVersion(long id, int version, Instant validFrom, Map<ChangeField, String> v, String recordedBy,
            String reason, long changeRequestId, List<ChangeField> changed) {
        insertVersion(id, version, validFrom, v, recordedBy, reason, changeRequestId, changed);
    }

    private void insertVersion(long id, int version, Instant validFrom, Map<ChangeField, String> v, String recordedBy,
            String reason, Long changeRequestId, List<ChangeField> changed) {
        long person = personal.numberOf(v.get(ChangeField.PERSON_ID_NUMBER));
        jdbc.sql("""
                insert into registry.person_version (person_id, version, valid_from, person, name, gender, birth_date,
                       region_code, address, phone, email, recorded_by, reason, change_request_id, changed_fields)
                values (:id, :version, :validFrom, :person, :name, :gender, :birthDate, :region, :address, :phone,
                        :email, :by, :reason, :request, string_to_array(:changed, ','))""")
                .param("id", id).param("version", version)
                .param("validFrom", validFrom == null ? null : Timestamp.from(validFrom), Types.TIMESTAMP)
                .param("person", person)
                .param("name", personal.seal(VERSION_NAME, person, v.get(ChangeField.PERSON_NAME)))
                .param("gender", v.get(ChangeField.PERSON_GENDER))
                .param("birthDate", LocalDate.parse(v.get(ChangeField.PERSON_BIRTH_DATE)))
                .param("region", v.get(ChangeField.PERSON_REGION))
                .param("address", sealed(VERSION_ADDRESS, person, v.get(ChangeField.PERSON_ADDRESS)), Types.BINARY)
                .param("phone", sealed(VERSION_PHONE, person, v.get(ChangeField.PERSON_PHONE)), Types.BINARY)
                .param("email", sealed(VERSION_EMAIL, person, v.get(ChangeField.PERSON_EMAIL)), Types.BINARY)
                .param("by", recordedBy).param("reason", reason).param("request", changeRequestId, Types.BIGINT)
                .param("changed", String.join(",", changed.stream().map(Enum::name).toList())).update();
    }

    private byte[] sealed(String place, long person, String text) {
        return personal.seal(place, person, text);
    }

    @Override
    public void followKey(String oldValue, String newValue) {
        long from = personal.numberOf(oldValue);
        long to = personal.numberOf(newValue);
        jdbc.sql("update registry.enrollment set person = :new where person = :old")
                .param("new", to).param("old", from).update();
    }

    @Override
    public List<StoredVersion> versions(long id) {
        List<StoredVersion> stored = jdbc.sql(VERSIONS).param("id", id)
                .query((rs, n) -> version(rs, true)).list();
        if (!stored.isEmpty()) {
            return stored;
        }
        return implied(id, null).map(List::of).orElse(List.of());
    }

    @Override
    public Optional<StoredVersion> asOf(long id, Instant at) {
        Optional<StoredVersion> stored = jdbc.sql(AS_OF)
                .param("id", id).param("at", Timestamp.from(at)).query((rs, n) -> version(rs, true)).optional();
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
                .query((rs, n) -> new StoredVersion(1, instant(rs, "loaded_at"), values(rs, false),
                        RecordVersion.BASELINE, JdbcRecordHistory.BASELINE_REASON, null))
                .optional()
                .filter(v -> at == null || v.validFrom() == null || !v.validFrom().isAfter(at));
    }

    private StoredVersion version(ResultSet rs, boolean history) throws SQLException {
        long request = rs.getLong("change_request_id");
        Long requestId = rs.wasNull() ? null : request;
        return new StoredVersion(rs.getInt("version"), instant(rs, "valid_from"), values(rs, history),
                rs.getString("recorded_by"), rs.getString("reason"), requestId);
    }

    /** A row's values opened: from {@code registry.person}, or from its history when {@code history}. */
    private Map<ChangeField, String> values(ResultSet rs, boolean history) throws SQLException {
        long person = rs.getLong("person");
        Map<ChangeField, String> v = new EnumMap<>(ChangeField.class);
        v.put(ChangeField.PERSON_ID_NUMBER, personal.idNumber(person));
        v.put(ChangeField.PERSON_NAME, personal.open(history ? VERSION_NAME : PersonalValues.PERSON_NAME, person,
                rs.getBytes("name")));
        v.put(ChangeField.PERSON_GENDER, rs.getString("gender"));
        v.put(ChangeField.PERSON_BIRTH_DATE, rs.getObject("birth_date", LocalDate.class).toString());
        v.put(ChangeField.PERSON_REGION, rs.getString("region_code"));
        v.put(ChangeField.PERSON_ADDRESS, personal.open(history ? VERSION_ADDRESS : PersonalValues.PERSON_ADDRESS, person,
                rs.getBytes("address")));
        v.put(ChangeField.PERSON_PHONE, personal.open(history ? VERSION_PHONE : PersonalValues.PERSON_PHONE, person,
                rs.getBytes("phone")));
        v.put(ChangeField.PERSON_EMAIL, personal.open(history ? VERSION_EMAIL : PersonalValues.PERSON_EMAIL, person,
                rs.getBytes("email")));
        return v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
