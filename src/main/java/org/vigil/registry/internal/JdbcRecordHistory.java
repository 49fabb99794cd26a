package org.vigil.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.identity.CreditCode;
import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.EmployerRecord;
import org.vigil.registry.change.FieldChange;
import org.vigil.registry.change.PersonRecord;
import org.vigil.registry.change.RecordHistory;
import org.vigil.registry.change.RecordKind;
import org.vigil.registry.change.RecordVersion;

/**
 * The versions of persons and employers as {@link RecordHistory} shows them: whole records by
 * version, and what each version changed, found by comparing it with the one before.
 */
@Service
class JdbcRecordHistory implements RecordHistory {

    /** Why version 1 exists: nobody changed it; the agency's baseline load brought it (REG-3). */
    static final String BASELINE_REASON = "baseline load / 基线导入";

    private final PersonTable persons;
    private final EmployerTable employers;
    private final Clock clock;

    JdbcRecordHistory(PersonTable persons, EmployerTable employers, Clock clock) {
        this.persons = persons;
        this.employers = employers;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonRecord> person(long id) {
        return latest(persons, id).map(v -> person(id, v));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonRecord> personAsOf(long id, Instant at) {
        return persons.asOf(id, Objects.requireNonNull(at, "at")).map(v -> person(id, v));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PersonRecord> personAsOf(long id, LocalDate date) {
        return personAsOf(id, endOf(date));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RecordVersion> personHistory(long id) {
        return history(persons.versions(id), ChangeField.of(RecordKind.PERSON));
    }

    @Override
    public Optional<Long> personId(ResidentId idNumber) {
        return persons.holderOf(idNumber.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EmployerRecord> employer(long id) {
        return latest(employers, id).map(v -> employer(id, v));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EmployerRecord> employerAsOf(long id, Instant at) {
        return employers.asOf(id, Objects.requireNonNull(at, "at")).map(v -> employer(id, v));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EmployerRecord> employerAsOf(long id, LocalDate date) {
        return employerAsOf(id, endOf(date));
    }

    @Override
    @Transactional(readOnly = true)
    public List<RecordVersion> employerHistory(long id) {
        return history(employers.versions(id), ChangeField.of(RecordKind.EMPLOYER));
    }

    @Override
    public Optional<Long> employerId(CreditCode creditCode) {
        return employers.holderOf(creditCode.value());
    }

    /**
     * The record's values as the table holds them now, numbered as its latest version: the two agree
     * as long as only the change service writes records, and "now" should be the row itself if not.
     */
    private static Optional<RecordTable.StoredVersion> latest(RecordTable table, long id) {
        List<RecordTable.StoredVersion> versions = table.versions(id);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        RecordTable.StoredVersion last = versions.get(versions.size() - 1);
        return table.current(id, false).map(values -> new RecordTable.StoredVersion(last.version(), last.validFrom(),
                values, last.recordedBy(), last.reason(), last.changeRequestId()));
    }

    /** The last instant of the day in the agency's zone: "as it was on a date" includes that day's changes. */
    private Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(clock.getZone()).toInstant().minusNanos(1);
    }

    private static List<RecordVersion> history(List<RecordTable.StoredVersion> versions, List<ChangeField> fields) {
        List<RecordVersion> history = new ArrayList<>(versions.size());
        Map<ChangeField, String> before = null;
        for (RecordTable.StoredVersion v : versions) {
            List<FieldChange> changes = new ArrayList<>();
            if (before != null) {
                for (ChangeField f : fields) {
                    if (!Objects.equals(before.get(f), v.values().get(f))) {
                        changes.add(new FieldChange(f, before.get(f), v.values().get(f)));
                    }
                }
            }
            history.add(new RecordVersion(v.version(), v.validFrom(), v.recordedBy(), v.reason(), v.changeRequestId(),
                    changes));
            before = v.values();
        }
        return history;
    }

    private static PersonRecord person(long id, RecordTable.StoredVersion v) {
        Map<ChangeField, String> f = v.values();
        return new PersonRecord(id, v.version(), v.validFrom(), f.get(ChangeField.PERSON_ID_NUMBER),
                f.get(ChangeField.PERSON_NAME), "M".equals(f.get(ChangeField.PERSON_GENDER)) ? Gender.MALE : Gender.FEMALE,
                LocalDate.parse(f.get(ChangeField.PERSON_BIRTH_DATE)), f.get(ChangeField.PERSON_REGION),
                f.get(ChangeField.PERSON_ADDRESS), f.get(ChangeField.PERSON_PHONE), f.get(ChangeField.PERSON_EMAIL));
    }

    private static EmployerRecord employer(long id, RecordTable.StoredVersion v) {
        Map<ChangeField, String> f = v.values();
        String registered = f.get(ChangeField.EMPLOYER_REGISTERED_ON);
        return new EmployerRecord(id, v.version(), v.validFrom(), f.get(ChangeField.EMPLOYER_CREDIT_CODE),
                f.get(ChangeField.EMPLOYER_NAME), f.get(ChangeField.EMPLOYER_REGION),
                registered == null ? null : LocalDate.parse(registered));
    }
}
