package org.vigil.registry.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.RecordKind;

/**
 * One kind of basic-data record as the change service sees it: its current values by field, its
 * versions, and the one unique field (ID number, credit code) other tables follow. The two
 * implementations hold their own fixed SQL, so no statement is ever put together from field names.
 */
interface RecordTable {

    RecordKind kind();

    /** The field no two records may share, which the enrollments refer to. */
    ChangeField key();

    /** The current values, the record's row locked until the transaction ends when {@code lock}. */
    Optional<Map<ChangeField, String>> current(long id, boolean lock);

    /** The record that holds this value of {@link #key()} now. */
    Optional<Long> holderOf(String keyValue);

    /**
     * Writes version 1, the record as the baseline load left it, in one insert … select when the
     * record has no version yet, and returns the number the next version takes. Call with the
     * record locked, so two changes of one record cannot take the same number.
     */
    int nextVersion(long id);

    /** Overwrites every field with {@code values}, in one fixed statement. */
    void update(long id, Map<ChangeField, String> values);

    /** Appends one version: the record as it now is, who, why, which request, which fields changed. */
    void appendVersion(long id, int version, Instant validFrom, Map<ChangeField, String> values, String recordedBy,
            String reason, long changeRequestId, List<ChangeField> changed);

    /** Points the registry's enrollments at a record's new ID number or credit code. */
    void followKey(String oldValue, String newValue);

    /** Every version oldest first, version 1 implied from the current row when none is stored yet. */
    List<StoredVersion> versions(long id);

    /** The version in force at that moment; empty before the record was loaded, or for no such record. */
    Optional<StoredVersion> asOf(long id, Instant at);

    /**
     * A version as stored: the whole record, and who made it, why and from which request.
     *
     * @param validFrom null for a version 1 loaded before load times were recorded
     * @param changeRequestId null for version 1
     */
    record StoredVersion(int version, Instant validFrom, Map<ChangeField, String> values, String recordedBy,
            String reason, Long changeRequestId) {
    }
}
