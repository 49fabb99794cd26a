package org.vigil.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.vigil.governance.SealedValues;
import org.vigil.governance.StaffRole;
import org.vigil.registry.change.ChangeActor;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeItem;
import org.vigil.registry.change.ChangeRequest;
import org.vigil.registry.change.ChangeStatus;
import org.vigil.registry.change.ChangeStep;
import org.vigil.registry.change.CheckingDepartment;
import org.vigil.registry.change.CrossCheck;
import org.vigil.registry.change.RecordKind;
import org.vigil.registry.change.ReviewLevel;

/** {@code registry.change_request} and its items: the requests' steps as rows, each step one update. */
@Component
class ChangeRequestStore {

    private static final String REQUEST = """
            select id, record_kind, status, review_level, batch, immediate, reason, applied_by, applied_role, applied_at,
                   approved_by, approved_role, approved_at, check_department, check_reference, modified_by, modified_role,
                   modified_at, reviewed_by, reviewed_role, reviewed_at, review_note, rejected_by, rejected_role,
                   rejected_at, rejected_from, rejection_reason
              from registry.change_request where id = :id""";
    private static final String REQUEST_LOCKED = """
            select id, record_kind, status, review_level, batch, immediate, reason, applied_by, applied_role, applied_at,
                   approved_by, approved_role, approved_at, check_department, check_reference, modified_by, modified_role,
                   modified_at, reviewed_by, reviewed_role, reviewed_at, review_note, rejected_by, rejected_role,
                   rejected_at, rejected_from, rejection_reason
              from registry.change_request where id = :id for update""";
    private static final String LATEST = """
            select id, record_kind, status, review_level, batch, immediate, reason, applied_by, applied_role, applied_at,
                   approved_by, approved_role, approved_at, check_department, check_reference, modified_by, modified_role,
                   modified_at, reviewed_by, reviewed_role, reviewed_at, review_note, rejected_by, rejected_role,
                   rejected_at, rejected_from, rejection_reason
              from registry.change_request
             where cast(:status as text) is null or status = :status
             order by id desc limit :limit""";

    /** Where a change item's sealed values live; the row is the item's own id. */
    static final String OLD_VALUE = "registry.change_item.old_value";
    static final String NEW_VALUE = "registry.change_item.new_value";

    /** The fields whose values are personal data, sealed in a change item (DATA-15); the rest stay in clear. */
    static final Set<ChangeField> SEALED = EnumSet.of(ChangeField.PERSON_ID_NUMBER, ChangeField.PERSON_NAME,
            ChangeField.PERSON_ADDRESS, ChangeField.PERSON_PHONE, ChangeField.PERSON_EMAIL);

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final SealedValues sealed;

    ChangeRequestStore(JdbcClient jdbc, JdbcTemplate batches, PersonalValues personal) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.sealed = personal.sealed();
    }

    /** A new request with its items; an immediate one is recorded as modified by its applicant at once. */
    long insert(RecordKind kind, ReviewLevel level, boolean batch, boolean immediate, String reason, ChangeActor by,
            Instant at, List<ChangeItem> items) {
        Timestamp when = Timestamp.from(at);
        long id = jdbc.sql("""
                insert into registry.change_request (record_kind, status, review_level, batch, immediate, reason,
                       applied_by, applied_role, applied_at, modified_by, modified_role, modified_at)
                values (:kind, :status, :level, :batch, :immediate, :reason, :by, :role, :at, :modifiedBy, :modifiedRole,
                        :modifiedAt)
                returning id""")
                .param("kind", kind.name()).param("status", (immediate ? ChangeStatus.MODIFIED : ChangeStatus.APPLIED).name())
                .param("level", level.name()).param("batch", batch).param("immediate", immediate).param("reason", reason)
                .param("by", by.username()).param("role", by.role().name()).param("at", when)
                .param("modifiedBy", immediate ? by.username() : null, java.sql.Types.VARCHAR)
                .param("modifiedRole", immediate ? by.role().name() : null, java.sql.Types.VARCHAR)
                .param("modifiedAt", immediate ? when : null, java.sql.Types.TIMESTAMP)
                .query(Long.class).single();
        // the items' ids first: each sealed value is bound to its item's row
        List<Long> itemIds = jdbc.sql("""
                select nextval(pg_get_serial_sequence('registry.change_item', 'id')) from generate_series(1, :n)""")
                .param("n", items.size()).query(Long.class).list();
        List<Object[]> rows = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            ChangeItem item = items.get(i);
            long itemId = itemIds.get(i);
            boolean personal = SEALED.contains(item.field());
            rows.add(new Object[] {itemId, id, item.recordId(), item.field().name(),
                personal ? null : item.oldValue(), personal ? null : item.newValue(),
                personal ? sealed.seal(OLD_VALUE, itemId, item.oldValue()) : null,
                personal ? sealed.seal(NEW_VALUE, itemId, item.newValue()) : null});
        }
        batches.batchUpdate("""
                insert into registry.change_item (id, request_id, record_id, field, old_value, new_value, old_sealed,
                       new_sealed)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows, new int[] {Types.BIGINT, Types.BIGINT, Types.BIGINT,
                    Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BINARY, Types.BINARY});
        return id;
    }

    Optional<ChangeRequest> find(long id, boolean lock) {
        Optional<Row> row = jdbc.sql(lock ? REQUEST_LOCKED : REQUEST).param("id", id).query((rs, n) -> row(rs)).optional();
        return row.map(r -> r.with(items(List.of(r.id())).getOrDefault(r.id(), List.of())));
    }

    List<ChangeRequest> latest(Optional<ChangeStatus> status, int limit) {
        List<Row> rows = jdbc.sql(LATEST).param("status", status.map(Enum::name).orElse(null), java.sql.Types.VARCHAR)
                .param("limit", limit).query((rs, n) -> row(rs)).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ChangeItem>> items = items(rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.with(items.getOrDefault(r.id(), List.of()))).toList();
    }

    void approved(long id, ChangeActor by, Instant at, CrossCheck check) {
        jdbc.sql("""
                update registry.change_request
                   set status = 'APPROVED', approved_by = :by, approved_role = :role, approved_at = :at,
                       check_department = :department, check_reference = :reference
                 where id = :id""")
                .param("by", by.username()).param("role", by.role().name()).param("at", Timestamp.from(at))
                .param("department", check == null ? null : check.department().name(), java.sql.Types.VARCHAR)
                .param("reference", check == null ? null : check.reference(), java.sql.Types.VARCHAR)
                .param("id", id).update();
    }

    void modified(long id, ChangeActor by, Instant at) {
        jdbc.sql("""
                update registry.change_request
                   set status = 'MODIFIED', modified_by = :by, modified_role = :role, modified_at = :at
                 where id = :id""")
                .param("by", by.username()).param("role", by.role().name()).param("at", Timestamp.from(at))
                .param("id", id).update();
    }

    void reviewed(long id, ChangeActor by, Instant at, String note) {
        jdbc.sql("""
                update registry.change_request
                   set status = 'REVIEWED', reviewed_by = :by, reviewed_role = :role, reviewed_at = :at, review_note = :note
                 where id = :id""")
                .param("by", by.username()).param("role", by.role().name()).param("at", Timestamp.from(at))
                .param("note", note, java.sql.Types.VARCHAR).param("id", id).update();
    }

    void rejected(long id, ChangeActor by, Instant at, ChangeStatus from, String reason) {
        jdbc.sql("""
                update registry.change_request
                   set status = 'REJECTED', rejected_by = :by, rejected_role = :role, rejected_at = :at,
                       rejected_from = :from, rejection_reason = :reason
                 where id = :id""")
                .param("by", by.username()).param("role", by.role().name()).param("at", Timestamp.from(at))
                .param("from", from.name()).param("reason", reason).param("id", id).update();
    }

    private Map<Long, List<ChangeItem>> items(Collection<Long> requestIds) {
        Map<Long, List<ChangeItem>> items = new HashMap<>();
        jdbc.sql("""
                        select request_id, record_id, field, old_value, new_value, id, old_sealed, new_sealed
                          from registry.change_item where request_id in (:ids)""")
                .param("ids", requestIds)
                .query(rs -> {
                    long itemId = rs.getLong(6);
                    byte[] oldSealed = rs.getBytes(7);
                    byte[] newSealed = rs.getBytes(8);
                    String oldValue = oldSealed == null ? rs.getString(4) : sealed.open(OLD_VALUE, itemId, oldSealed);
                    String newValue = newSealed == null ? rs.getString(5) : sealed.open(NEW_VALUE, itemId, newSealed);
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new ChangeItem(rs.getLong(2),
                            ChangeField.valueOf(rs.getString(3)), oldValue, newValue));
                });
        Comparator<ChangeItem> order = Comparator.comparingLong(ChangeItem::recordId).thenComparing(ChangeItem::field);
        items.values().forEach(list -> list.sort(order));
        return items;
    }

    /* A request's row before its items are read. */
    private record Row(long id, RecordKind kind, ChangeStatus status, ReviewLevel level, boolean batch, boolean immediate,
            String reason, ChangeStep applied, ChangeStep approved, CrossCheck check, ChangeStep modified,
            ChangeStep reviewed, String reviewNote, ChangeStep rejected, ChangeStatus rejectedFrom, String rejectionReason) {

        ChangeRequest with(List<ChangeItem> items) {
            return new ChangeRequest(id, kind, status, level, batch, immediate, reason, items, applied, approved, check,
                    modified, reviewed, reviewNote, rejected, rejectedFrom, rejectionReason);
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        String department = rs.getString("check_department");
        String rejectedFrom = rs.getString("rejected_from");
        return new Row(rs.getLong("id"), RecordKind.valueOf(rs.getString("record_kind")),
                ChangeStatus.valueOf(rs.getString("status")), ReviewLevel.valueOf(rs.getString("review_level")),
                rs.getBoolean("batch"), rs.getBoolean("immediate"), rs.getString("reason"), step(rs, "applied"),
                step(rs, "approved"),
                department == null ? null : new CrossCheck(CheckingDepartment.valueOf(department),
                        rs.getString("check_reference")),
                step(rs, "modified"), step(rs, "reviewed"), rs.getString("review_note"), step(rs, "rejected"),
                rejectedFrom == null ? null : ChangeStatus.valueOf(rejectedFrom), rs.getString("rejection_reason"));
    }

    /** A step's three columns ({@code <step>_by}, {@code _role}, {@code _at}), or null when not taken. */
    private static ChangeStep step(ResultSet rs, String step) throws SQLException {
        String by = rs.getString(step + "_by");
        if (by == null) {
            return null;
        }
        return new ChangeStep(by, StaffRole.valueOf(rs.getString(step + "_role")),
                PersonTable.instant(rs, step + "_at"));
    }
}
