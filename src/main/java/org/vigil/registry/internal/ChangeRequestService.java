package org.vigil.registry.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.Permission;
import org.vigil.identity.RegionLevel;
import org.vigil.registry.change.ChangeActor;
import org.vigil.registry.change.ChangeApplication;
import org.vigil.registry.change.ChangeField;
import org.vigil.registry.change.ChangeItem;
import org.vigil.registry.change.ChangeRefusedException;
import org.vigil.registry.change.ChangeRefusedException.Kind;
import org.vigil.registry.change.ChangeRequest;
import org.vigil.registry.change.ChangeRequests;
import org.vigil.registry.change.ChangeStatus;
import org.vigil.registry.change.ChangeStep;
import org.vigil.registry.change.CheckingDepartment;
import org.vigil.registry.change.CrossCheck;
import org.vigil.registry.change.ProposedChange;
import org.vigil.registry.change.RecordKind;
import org.vigil.registry.change.ReviewLevel;

/**
 * The four posts of a basic-data change (DATA-8) and the review levels of its fields (DATA-6).
 * Each step is one transaction: the request's row is locked first, so two officers taking the same
 * step at once are served one after the other, and the step's audit events are written last, so
 * the act and its record commit together or not at all (ADR 0021).
 */
@Service
class ChangeRequestService implements ChangeRequests {

    static final int MAX_NOTE = 500;
    static final int MAX_LIST = 1000;

    private final Map<RecordKind, RecordTable> tables = new EnumMap<>(RecordKind.class);
    private final ChangeRequestStore store;
    private final FieldValues values;
    private final AuditTrail audit;
    private final Clock clock;
    private final int batchThreshold;

    ChangeRequestService(List<RecordTable> tables, ChangeRequestStore store, AuditTrail audit, Clock clock,
            @Value("${vigil.registry.change.batch-threshold:1}") int batchThreshold) {
        for (RecordTable table : tables) {
            this.tables.put(table.kind(), table);
        }
        if (batchThreshold < 1) {
            throw new IllegalArgumentException("vigil.registry.change.batch-threshold is at least 1, found " + batchThreshold);
        }
        this.store = store;
        this.values = new FieldValues(clock);
        this.audit = audit;
        this.clock = clock;
        this.batchThreshold = batchThreshold;
    }

    // ------------------------------------------------------------------------------------------ apply

    @Override
    @Transactional
    public ChangeRequest apply(ChangeActor actor, ChangeApplication application) {
        Objects.requireNonNull(application, "application");
        require(actor, Permission.CHANGE_APPLY);
        RecordKind kind = application.changes().get(0).field().kind();
        Map<Long, List<ProposedChange>> byRecord = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (ProposedChange p : application.changes()) {
            if (p.field().kind() != kind) {
                throw new ChangeRefusedException(Kind.INVALID, "one request changes persons or employers, not both "
                        + "/ 一次申请只能变更个人或单位中的一类");
            }
            if (!seen.add(p.recordId() + "/" + p.field())) {
                throw new ChangeRefusedException(Kind.INVALID, kind.subject(p.recordId()) + " " + p.field()
                        + " appears twice in the request / 同一记录的同一字段在申请中重复");
            }
            byRecord.computeIfAbsent(p.recordId(), k -> new ArrayList<>()).add(p);
        }
        boolean batch = byRecord.size() > batchThreshold;
        ReviewLevel level = application.changes().stream().map(p -> p.field().level())
                .max(Comparator.naturalOrder()).orElseThrow();
        // A batch is approved at city level whatever its fields (004 第九条); one record's contact
        // details, phone and e-mail take effect at once (第七条).
        boolean immediate = !batch && level.atOnce();
        RecordTable table = tables.get(kind);

        List<ChangeItem> items = new ArrayList<>();
        Map<String, Long> newKeys = new HashMap<>();
        for (Map.Entry<Long, List<ProposedChange>> e : byRecord.entrySet()) {
            long recordId = e.getKey();
            Map<ChangeField, String> before = table.current(recordId, immediate)
                    .orElseThrow(() -> new ChangeRefusedException(Kind.NOT_FOUND, "no record " + kind.subject(recordId)
                            + " in the registry / 无此" + kind.chinese() + "记录"));
            Map<ChangeField, String> after = new EnumMap<>(before);
            for (ProposedChange p : e.getValue()) {
                String value = values.normalise(p.field(), p.newValue());
                if (Objects.equals(before.get(p.field()), value)) {
                    throw new ChangeRefusedException(Kind.INVALID, kind.subject(recordId) + " " + p.field()
                            + " already holds this value / 新值与现值相同，无需变更");
                }
                after.put(p.field(), value);
                items.add(new ChangeItem(recordId, p.field(), before.get(p.field()), value));
            }
            checkRecord(table, recordId, before, after, newKeys);
        }

        Instant now = clock.instant();
        long id = store.insert(kind, level, batch, immediate, application.reason(), actor, now, items);
        if (immediate) {
            List<Written> written = write(table, id, items, true, actor, now, application.reason());
            recordChanges(actor, kind, id, "immediate", written);
        } else {
            audit.record(AuditEntry.of(actor.username(), AuditAction.APPROVAL, subject(id), Map.of("step", "apply",
                    "kind", kind.name(), "level", level.name(), "batch", Boolean.toString(batch),
                    "records", Integer.toString(byRecord.size()), "fields", fieldNames(items))));
        }
        return store.find(id, false).orElseThrow();
    }

    // ---------------------------------------------------------------------------------------- approve

    @Override
    @Transactional
    public ChangeRequest approve(long id, ChangeActor actor, CrossCheck check) {
        Objects.requireNonNull(actor, "actor");
        ChangeRequest r = locked(id);
        if (sameActor(r.approved(), actor)) {
            return r;
        }
        expect(r, ChangeStatus.APPLIED, "approved / 审批");
        approverPost(r, actor);
        if (r.level() == ReviewLevel.MANUAL_REVIEW) {
            CheckingDepartment needed = r.fields().stream().filter(f -> f.level() == ReviewLevel.MANUAL_REVIEW)
                    .map(f -> f.checkedBy().orElseThrow()).findFirst().orElseThrow();
            if (check == null) {
                throw new ChangeRefusedException(Kind.INVALID, "change request " + id + " changes fields under manual review "
                        + r.fields() + ": its approval records the cross-department check by " + needed + " / 须记录"
                        + needed.chinese() + "跨部门核验结果（核验部门与凭据）");
            }
            if (check.department() != needed) {
                throw new ChangeRefusedException(Kind.INVALID, "the fields " + r.fields() + " are confirmed by " + needed
                        + ", not " + check.department() + " / 核验部门应为" + needed.chinese());
            }
        }
        Instant now = clock.instant();
        // a check given for a request that needs none is kept all the same: it is evidence
        store.approved(id, actor, now, check);
        audit.record(AuditEntry.of(actor.username(), AuditAction.APPROVAL, subject(id), Map.of("step", "approve",
                "level", r.level().name(), "batch", Boolean.toString(r.batch()),
                "crossCheck", check == null ? "none" : check.department().name())));
        return store.find(id, false).orElseThrow();
    }

    // ----------------------------------------------------------------------------------------- modify

    @Override
    @Transactional
    public ChangeRequest modify(long id, ChangeActor actor) {
        Objects.requireNonNull(actor, "actor");
        ChangeRequest r = locked(id);
        if (sameActor(r.modified(), actor)) {
            return r;
        }
        expect(r, ChangeStatus.APPROVED, "modified / 修改");
        require(actor, Permission.CHANGE_REVIEW);
        if (r.applied().by().equals(actor.username())) {
            throw new ChangeRefusedException(Kind.NOT_PERMITTED, "the applicant does not carry out their own request "
                    + "(DATA-8) / 申请人不得修改本人申请的变更");
        }
        Instant now = clock.instant();
        List<Written> written = write(tables.get(r.kind()), id, r.items(), true, actor, now, r.reason());
        store.modified(id, actor, now);
        recordChanges(actor, r.kind(), id, "modify", written);
        return store.find(id, false).orElseThrow();
    }

    // ----------------------------------------------------------------------------------------- review

    @Override
    @Transactional
    public ChangeRequest review(long id, ChangeActor actor, String note) {
        Objects.requireNonNull(actor, "actor");
        String text = optionalText(note, "the note / 复核意见");
        ChangeRequest r = locked(id);
        if (sameActor(r.reviewed(), actor)) {
            return r;
        }
        expect(r, ChangeStatus.MODIFIED, "reviewed / 复核");
        require(actor, Permission.CHANGE_REVIEW);
        notTheModifier(r, actor);
        store.reviewed(id, actor, clock.instant(), text);
        audit.record(AuditEntry.of(actor.username(), AuditAction.APPROVAL, subject(id), Map.of("step", "review",
                "immediate", Boolean.toString(r.immediate()))));
        return store.find(id, false).orElseThrow();
    }

    // ----------------------------------------------------------------------------------------- reject

    @Override
    @Transactional
    public ChangeRequest reject(long id, ChangeActor actor, String reason) {
        Objects.requireNonNull(actor, "actor");
        String why = optionalText(reason, "the reason / 驳回理由");
        if (why == null) {
            throw new ChangeRefusedException(Kind.INVALID, "a rejection needs its reason / 须填写驳回理由");
        }
        ChangeRequest r = locked(id);
        if (sameActor(r.rejected(), actor)) {
            return r;
        }
        List<Written> reverted = List.of();
        Instant now = clock.instant();
        switch (r.status()) {
            case APPLIED -> approverPost(r, actor);
            case APPROVED -> {
                require(actor, Permission.CHANGE_REVIEW);
                if (r.applied().by().equals(actor.username())) {
                    throw new ChangeRefusedException(Kind.NOT_PERMITTED, "the applicant does not decide on their own "
                            + "request / 申请人不得驳回本人的申请");
                }
            }
            case MODIFIED -> {
                require(actor, Permission.CHANGE_REVIEW);
                notTheModifier(r, actor);
                // A modification refused at review is undone as a new version: history keeps both.
                reverted = write(tables.get(r.kind()), id, r.items(), false, actor, now,
                        "驳回并恢复 / rejected at review: " + why);
            }
            default -> throw new ChangeRefusedException(Kind.CONFLICT, "change request " + id + " is " + r.status()
                    + ": nothing left to reject / 当前状态为" + r.status().chinese() + "，不能驳回");
        }
        store.rejected(id, actor, now, r.status(), why);
        recordChanges(actor, r.kind(), id, "revert", reverted);
        audit.record(AuditEntry.of(actor.username(), AuditAction.APPROVAL, subject(id), Map.of("step", "reject",
                "from", r.status().name(), "reverted", Integer.toString(reverted.size()))));
        return store.find(id, false).orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ reads

    @Override
    @Transactional(readOnly = true)
    public Optional<ChangeRequest> find(long id) {
        return store.find(id, false);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChangeRequest> list(Optional<ChangeStatus> status, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit is 1 to " + MAX_LIST + ", found " + limit);
        }
        return store.latest(Objects.requireNonNull(status, "status"), limit);
    }

    // -------------------------------------------------------------------------------------- the rules

    /**
     * The record as a change would leave it: the person's birth date still the one in their ID
     * number, and no ID number or credit code that another record holds, or that another record of
     * the same request is to take.
     */
    private void checkRecord(RecordTable table, long recordId, Map<ChangeField, String> before,
            Map<ChangeField, String> after, Map<String, Long> newKeys) {
        if (table.kind() == RecordKind.PERSON
                && (!Objects.equals(before.get(ChangeField.PERSON_ID_NUMBER), after.get(ChangeField.PERSON_ID_NUMBER))
                || !Objects.equals(before.get(ChangeField.PERSON_BIRTH_DATE), after.get(ChangeField.PERSON_BIRTH_DATE)))) {
            values.checkPerson(recordId, after);
        }
        String key = after.get(table.key());
        if (Objects.equals(before.get(table.key()), key)) {
            return;
        }
        Optional<Long> holder = table.holderOf(key);
        if (holder.isPresent() && holder.get() != recordId) {
            throw new ChangeRefusedException(Kind.CONFLICT, table.key() + " of " + table.kind().subject(recordId)
                    + " would be the one " + table.kind().subject(holder.get()) + " holds: the same "
                    + table.kind().name().toLowerCase(java.util.Locale.ROOT) + " twice? / 新" + table.key().chinese()
                    + "已属于另一条记录（" + table.kind().subject(holder.get()) + "），请核查是否重复");
        }
        Long other = newKeys.putIfAbsent(key, recordId);
        if (other != null && other != recordId) {
            throw new ChangeRefusedException(Kind.INVALID, table.kind().subject(other) + " and "
                    + table.kind().subject(recordId) + " would get the same " + table.key() + " / 同一申请中两条记录的"
                    + table.key().chinese() + "相同");
        }
    }

    /** What one record's change wrote: its new version and the fields it changed. */
    private record Written(long recordId, int version, List<ChangeField> fields) {
    }

    /**
     * Writes the items to their records, each as a new version, records locked in id order. Forward
     * each record must still hold the items' old values, backward (a revert) their new ones; any
     * record changed in between refuses the whole step.
     */
    private List<Written> write(RecordTable table, long requestId, List<ChangeItem> items, boolean forward,
            ChangeActor actor, Instant at, String reason) {
        Map<Long, List<ChangeItem>> byRecord = items.stream()
                .collect(Collectors.groupingBy(ChangeItem::recordId, TreeMap::new, Collectors.toList()));
        Map<String, Long> newKeys = new HashMap<>();
        List<Written> written = new ArrayList<>(byRecord.size());
        for (Map.Entry<Long, List<ChangeItem>> e : byRecord.entrySet()) {
            long recordId = e.getKey();
            String subject = table.kind().subject(recordId);
            Map<ChangeField, String> current = table.current(recordId, true).orElseThrow(() -> new ChangeRefusedException(
                    Kind.CONFLICT, subject + " no longer exists / 记录已不存在"));
            Map<ChangeField, String> after = new EnumMap<>(current);
            List<ChangeField> fields = new ArrayList<>();
            for (ChangeItem item : e.getValue()) {
                String expected = forward ? item.oldValue() : item.newValue();
                if (!Objects.equals(current.get(item.field()), expected)) {
                    throw new ChangeRefusedException(Kind.CONFLICT, subject + " " + item.field() + " changed since change "
                            + "request " + requestId + " was made; reject it and apply again / 该记录在申请后已被修改，"
                            + "请驳回后重新申请");
                }
                after.put(item.field(), forward ? item.newValue() : item.oldValue());
                fields.add(item.field());
            }
            checkRecord(table, recordId, current, after, newKeys);
            int version = table.nextVersion(recordId);
            try {
                table.update(recordId, after);
                String oldKey = current.get(table.key());
                String newKey = after.get(table.key());
                if (!Objects.equals(oldKey, newKey)) {
                    table.followKey(oldKey, newKey);
                }
            } catch (DuplicateKeyException taken) {
                throw new ChangeRefusedException(Kind.CONFLICT, subject + ": the new " + table.key() + " is taken, in the "
                        + "registry or its enrollments / 新" + table.key().chinese() + "已被占用", taken);
            }
            table.appendVersion(recordId, version, at, after, actor.username(), reason, requestId, fields);
            written.add(new Written(recordId, version, List.copyOf(fields)));
        }
        return written;
    }

    /** One CHANGE event per record written, naming the fields, never their values. */
    private void recordChanges(ChangeActor actor, RecordKind kind, long requestId, String step, List<Written> written) {
        for (Written w : written) {
            Map<String, String> detail = new LinkedHashMap<>();
            detail.put("changeRequest", Long.toString(requestId));
            detail.put("step", step);
            detail.put("fields", w.fields().stream().sorted().map(Enum::name).collect(Collectors.joining(",")));
            detail.put("version", Integer.toString(w.version()));
            audit.record(AuditEntry.of(actor.username(), AuditAction.CHANGE, kind.subject(w.recordId()), detail));
        }
    }

    /** Who approves (and rejects) an applied request: a batch at city level, anything else a reviewer; never its applicant. */
    private static void approverPost(ChangeRequest r, ChangeActor actor) {
        if (r.batch()) {
            if (!actor.role().may(Permission.CHANGE_BATCH_APPROVE) || actor.role().level() != RegionLevel.CITY) {
                throw new ChangeRefusedException(Kind.NOT_PERMITTED, "change request " + r.id() + " is a batch of "
                        + r.records() + " records: a city-level post with CHANGE_BATCH_APPROVE decides on it, not "
                        + actor.role() + " (DATA-8) / 批量修改须经市级审批");
            }
        } else {
            require(actor, Permission.CHANGE_REVIEW);
        }
        if (r.applied().by().equals(actor.username())) {
            throw new ChangeRefusedException(Kind.NOT_PERMITTED, "the applicant does not decide on their own request "
                    + "(DATA-8) / 申请人不得审批本人的申请");
        }
    }

    private static void notTheModifier(ChangeRequest r, ChangeActor actor) {
        if (r.modified().by().equals(actor.username())) {
            throw new ChangeRefusedException(Kind.NOT_PERMITTED, "the one who modified does not review their own "
                    + "modification (DATA-8) / 修改人不得复核本人的修改");
        }
    }

    private static void require(ChangeActor actor, Permission permission) {
        Objects.requireNonNull(actor, "actor");
        if (!actor.role().may(permission)) {
            throw new ChangeRefusedException(Kind.NOT_PERMITTED, actor.role() + " does not hold " + permission + " / "
                    + actor.role().chinese() + "无" + permission.chinese() + "权限");
        }
    }

    private ChangeRequest locked(long id) {
        return store.find(id, true).orElseThrow(() -> new ChangeRefusedException(Kind.NOT_FOUND, "no change request " + id
                + " / 无此变更申请"));
    }

    private static void expect(ChangeRequest r, ChangeStatus status, String step) {
        if (r.status() != status) {
            throw new ChangeRefusedException(Kind.CONFLICT, "change request " + r.id() + " is " + r.status() + ", not "
                    + status + ": it cannot be " + step + " now / 当前状态为" + r.status().chinese());
        }
    }

    /** The same step by the same account again (a second click, a retried call): nothing to do. */
    private static boolean sameActor(ChangeStep step, ChangeActor actor) {
        return step != null && step.by().equals(actor.username());
    }

    private static String optionalText(String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String s = text.strip();
        if (s.length() > MAX_NOTE) {
            throw new ChangeRefusedException(Kind.INVALID, what + " is at most " + MAX_NOTE + " characters");
        }
        return s;
    }

    private static String subject(long requestId) {
        return "change-request:" + requestId;
    }

    private static String fieldNames(List<ChangeItem> items) {
        return items.stream().map(ChangeItem::field).distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
