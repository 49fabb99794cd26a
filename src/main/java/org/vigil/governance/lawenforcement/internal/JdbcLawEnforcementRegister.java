package org.vigil.governance.lawenforcement.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.lawenforcement.AccessWindow;
import org.vigil.governance.lawenforcement.ApprovalDocument;
import org.vigil.governance.lawenforcement.CredentialType;
import org.vigil.governance.lawenforcement.DataCategory;
import org.vigil.governance.lawenforcement.LawEnforcementDraft;
import org.vigil.governance.lawenforcement.LawEnforcementException;
import org.vigil.governance.lawenforcement.LawEnforcementProblem;
import org.vigil.governance.lawenforcement.LawEnforcementRegister;
import org.vigil.governance.lawenforcement.LawEnforcementRequest;
import org.vigil.governance.lawenforcement.Officer;
import org.vigil.governance.lawenforcement.Release;
import org.vigil.governance.lawenforcement.ReleaseItem;
import org.vigil.governance.lawenforcement.RequestStatus;
import org.vigil.governance.lawenforcement.Supervisor;
import org.vigil.identity.ResidentId;

/**
 * The register in the governance schema. Each act runs in one transaction that locks the
 * request's row, does the act, writes the supervisor's notice and appends the audit event last;
 * a refused release or self-approval commits only its audit event and then throws.
 */
class JdbcLawEnforcementRegister implements LawEnforcementRegister {

    /** Prefixes keep these blind indexes apart from other uses of the same MAC key (staff accounts). */
    private static final String PERSON_INDEX = "law-enforcement-person:";
    private static final String CREDENTIAL_INDEX = "law-enforcement-credential:";
    private static final int MAX_ITEMS = 10_000;
    private static final int MAX_NOTE = 500;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final HexFormat HEX = HexFormat.of();

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyService keys;
    private final AuditTrail audit;
    private final StaffDirectory staff;
    private final Clock clock;
    private final Limits limits;

    JdbcLawEnforcementRegister(JdbcClient jdbc, TransactionTemplate transactions, KeyService keys, AuditTrail audit,
            StaffDirectory staff, Clock clock, Limits limits) {
        if (limits.maxWindow().isNegative() || limits.maxWindow().isZero() || limits.maxDocumentBytes() < 1) {
            throw new IllegalArgumentException(
                    "vigil.law-enforcement.max-window and .document-max-bytes must be positive, found " + limits);
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.limits = limits;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    @Override
    public LawEnforcementRequest register(LawEnforcementDraft draft, StaffPrincipal by) {
        require(by, Permission.LAW_ENFORCEMENT_REGISTER);
        ApprovalDocument document = draft.approval();
        if (document.size() > limits.maxDocumentBytes()) {
            throw new LawEnforcementException(LawEnforcementProblem.DOCUMENT_TOO_LARGE, "approval",
                    document.size() + " bytes, at most " + limits.maxDocumentBytes());
        }
        AccessWindow window = draft.window();
        if (window.length().compareTo(limits.maxWindow()) > 0) {
            throw new LawEnforcementException(LawEnforcementProblem.WINDOW_TOO_LONG, "window",
                    "at most " + limits.maxWindow().toDays() + " days");
        }
        return transactions.execute(status -> {
            Instant now = clock.instant();
            if (!window.to().isAfter(now)) {
                throw new LawEnforcementException(LawEnforcementProblem.WINDOW_OVER, "window", "");
            }
            Supervisor supervisor = draft.supervisor();
            if (supervisor.account() != null && jdbc.sql("""
                            select count(*) from governance.staff_account where username = :u and status = 'ACTIVE'""")
                    .param("u", supervisor.account()).query(Long.class).single() == 0) {
                throw new LawEnforcementException(LawEnforcementProblem.SUPERVISOR_ACCOUNT, "supervisor", "");
            }
            String indexKey = keys.currentMacKey();
            String dataKey = keys.currentDataKey();
            long id = jdbc.sql("""
                            insert into governance.law_enforcement_request (case_number, requesting_agency, purpose,
                                legal_basis, approval_number, window_from, window_to, supervisor_name, supervisor_post,
                                supervisor_account, confidentiality_undertaken, index_key, data_key, status,
                                registered_by, registered_by_account, registered_at)
                            values (:caseNumber, :agency, :purpose, :legalBasis, :approvalNumber, :from, :to,
                                :supervisorName, :supervisorPost, :supervisorAccount, true, :indexKey, :dataKey,
                                'REGISTERED', :by, :byAccount, :now)
                            returning id""")
                    .param("caseNumber", draft.caseNumber()).param("agency", draft.requestingAgency())
                    .param("purpose", draft.purpose()).param("legalBasis", draft.legalBasis())
                    .param("approvalNumber", draft.approvalNumber()).param("from", utc(window.from()))
                    .param("to", utc(window.to())).param("supervisorName", supervisor.name())
                    .param("supervisorPost", supervisor.post()).param("supervisorAccount", supervisor.account())
                    .param("indexKey", indexKey).param("dataKey", dataKey).param("by", by.username())
                    .param("byAccount", by.accountId()).param("now", utc(now)).query(Long.class).single();
            for (DataCategory c : draft.scope().categories()) {
                jdbc.sql("insert into governance.law_enforcement_category (request_id, category) values (:id, :c)")
                        .param("id", id).param("c", c.name()).update();
            }
            for (ResidentId person : draft.scope().persons()) {
                byte[] index = personIndex(indexKey, person);
                jdbc.sql("""
                                insert into governance.law_enforcement_person (request_id, person_index, person_sealed)
                                values (:id, :index, :sealed)""")
                        .param("id", id).param("index", index)
                        .param("sealed", keys.encrypt(dataKey, person.value().getBytes(StandardCharsets.US_ASCII),
                                personPlace(id, index)))
                        .update();
            }
            int position = 0;
            for (Officer o : draft.officers()) {
                position++;
                String number = o.credentialNumber();
                jdbc.sql("""
                                insert into governance.law_enforcement_officer (request_id, position, name,
                                    credential_type, credential_index, credential_sealed, credential_tail)
                                values (:id, :position, :name, :type, :index, :sealed, :tail)""")
                        .param("id", id).param("position", position).param("name", o.name().value())
                        .param("type", o.credentialType().name())
                        .param("index", keys.mac(indexKey, (CREDENTIAL_INDEX + o.credentialType().name() + ":" + number)
                                .getBytes(StandardCharsets.UTF_8)))
                        .param("sealed", keys.encrypt(dataKey, number.getBytes(StandardCharsets.UTF_8),
                                officerPlace(id, position)))
                        .param("tail", number.substring(number.length() - 4)).update();
            }
            String sha256 = document.sha256();
            jdbc.sql("""
                            insert into governance.law_enforcement_document (request_id, file_name, format, size_bytes,
                                sha256, sealed)
                            values (:id, :name, :format, :size, :sha, :sealed)""")
                    .param("id", id).param("name", document.fileName()).param("format", document.format().name())
                    .param("size", (long) document.size()).param("sha", HEX.parseHex(sha256))
                    .param("sealed", keys.encrypt(dataKey, document.content(), documentPlace(id))).update();
            long notice = notify(id, RequestStatus.REGISTERED, supervisor, now);
            LawEnforcementRequest registered = view(id, now).orElseThrow();
            Map<String, String> detail = new TreeMap<>();
            detail.put("step", "register");
            detail.put("categories", names(draft.scope().categories()));
            detail.put("persons", Integer.toString(draft.scope().persons().size()));
            detail.put("officers", Integer.toString(draft.officers().size()));
            detail.put("windowFrom", window.from().toString());
            detail.put("windowTo", window.to().toString());
            detail.put("approvalSha256", sha256);
            detail.put("notice", "law-enforcement-notice:" + notice);
            audit.record(AuditEntry.of(by.username(), AuditAction.CHANGE, subject(id), detail));
            return registered;
        });
    }

    @Override
    public LawEnforcementRequest approve(long requestId, String note, StaffPrincipal by) {
        require(by, Permission.LAW_ENFORCEMENT_APPROVE);
        return decide(requestId, optionalNote(note), by, RequestStatus.APPROVED);
    }

    @Override
    public LawEnforcementRequest reject(long requestId, String reason, StaffPrincipal by) {
        require(by, Permission.LAW_ENFORCEMENT_APPROVE);
        String r = optionalNote(reason);
        if (r == null) {
            throw new LawEnforcementException(LawEnforcementProblem.NOTE, "reason", "missing");
        }
        return decide(requestId, r, by, RequestStatus.REJECTED);
    }

    private LawEnforcementRequest decide(long requestId, String note, StaffPrincipal by, RequestStatus decision) {
        String step = decision == RequestStatus.APPROVED ? "approve" : "reject";
        Outcome<LawEnforcementRequest> outcome = transactions.execute(status -> {
            Instant now = clock.instant();
            Locked r = lock(requestId, true);
            if (!"REGISTERED".equals(r.status())) {
                throw new LawEnforcementException(LawEnforcementProblem.NOT_REGISTERED, null, "it is " + r.status());
            }
            if (samePerson(r, by)) {
                // the attempt itself is worth an auditor's attention: it is kept, the decision is not
                audit.record(AuditEntry.of(by.username(), AuditAction.APPROVAL, subject(requestId),
                        Map.of("step", step, "result", "REFUSED", "reason", LawEnforcementProblem.SELF_APPROVAL.name())));
                return Outcome.<LawEnforcementRequest>refused(
                        new LawEnforcementException(LawEnforcementProblem.SELF_APPROVAL, null, ""));
            }
            if (decision == RequestStatus.APPROVED && !now.isBefore(r.window().to())) {
                throw new LawEnforcementException(LawEnforcementProblem.REQUEST_EXPIRED, null, "");
            }
            jdbc.sql("""
                            update governance.law_enforcement_request
                               set status = :status, decided_by = :by, decided_by_account = :account, decided_at = :now,
                                   decision_note = :note
                             where id = :id""")
                    .param("status", decision.name()).param("by", by.username()).param("account", by.accountId())
                    .param("now", utc(now)).param("note", note).param("id", requestId).update();
            long notice = notify(requestId, decision, r.supervisor(), now);
            LawEnforcementRequest decided = view(requestId, now).orElseThrow();
            audit.record(AuditEntry.of(by.username(), AuditAction.APPROVAL, subject(requestId), Map.of("step", step,
                    "result", decision.name(), "notice", "law-enforcement-notice:" + notice)));
            return Outcome.done(decided);
        });
        return outcome.get();
    }

    @Override
    public LawEnforcementRequest close(long requestId, String note, StaffPrincipal by) {
        if (!by.role().may(Permission.LAW_ENFORCEMENT_REGISTER) && !by.role().may(Permission.LAW_ENFORCEMENT_APPROVE)) {
            throw new LawEnforcementException(LawEnforcementProblem.NOT_PERMITTED, null, by.role().name());
        }
        String n = optionalNote(note);
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Locked r = lock(requestId, true);
            if (!"APPROVED".equals(r.status())) {
                throw new LawEnforcementException(LawEnforcementProblem.NOT_APPROVED, null, "it is " + r.status());
            }
            jdbc.sql("""
                            update governance.law_enforcement_request
                               set status = 'CLOSED', closed_by = :by, closed_at = :now, closing_note = :note
                             where id = :id""")
                    .param("by", by.username()).param("now", utc(now)).param("note", n).param("id", requestId).update();
            long notice = notify(requestId, RequestStatus.CLOSED, r.supervisor(), now);
            LawEnforcementRequest closed = view(requestId, now).orElseThrow();
            audit.record(AuditEntry.of(by.username(), AuditAction.CHANGE, subject(requestId), Map.of("step", "close",
                    "windowEnded", Boolean.toString(!now.isBefore(r.window().to())),
                    "notice", "law-enforcement-notice:" + notice)));
            return closed;
        });
    }

    @Override
    public Release release(long requestId, List<ReleaseItem> items, String fileSha256, StaffPrincipal by) {
        require(by, Permission.LAW_ENFORCEMENT_REGISTER);
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS || items.stream().anyMatch(Objects::isNull)) {
            throw new LawEnforcementException(LawEnforcementProblem.NO_ITEMS, "items", "");
        }
        String file = fileSha256 == null || fileSha256.isBlank() ? null : fileSha256.strip().toLowerCase(Locale.ROOT);
        if (file != null && !SHA256.matcher(file).matches()) {
            throw new LawEnforcementException(LawEnforcementProblem.FILE_HASH, "fileSha256", "");
        }
        Outcome<Release> outcome = transactions.execute(status -> {
            Instant now = clock.instant();
            // a share lock: releases of one request run side by side, a closing waits for them
            Locked r = lock(requestId, false);
            Set<DataCategory> scope = categories(requestId);
            Map<String, Long> persons = new HashMap<>();
            jdbc.sql("select id, person_index from governance.law_enforcement_person where request_id = :id")
                    .param("id", requestId)
                    .query(rs -> {
                        persons.put(HEX.formatHex(rs.getBytes("person_index")), rs.getLong("id"));
                    });
            Map<ResidentId, String> indexes = new LinkedHashMap<>();
            for (ReleaseItem item : items) {
                indexes.computeIfAbsent(item.person(), p -> HEX.formatHex(personIndex(r.indexKey(), p)));
            }
            LawEnforcementException refusal = refusal(r, now, scope, items, indexes, persons);
            if (refusal != null) {
                Map<String, String> detail = new TreeMap<>(Map.of("step", "release", "result", "REFUSED",
                        "reason", refusal.problem().name(), "items", Integer.toString(items.size())));
                audit.record(new AuditEntry(by.username(), AuditAction.EXPORT, subject(requestId), purpose(requestId),
                        detail));
                return Outcome.<Release>refused(refusal);
            }
            long releaseId = jdbc.sql("""
                            insert into governance.law_enforcement_release (request_id, released_at, released_by,
                                released_by_account, file_sha256)
                            values (:id, :now, :by, :account, :file)
                            returning id""")
                    .param("id", requestId).param("now", utc(now)).param("by", by.username())
                    .param("account", by.accountId()).param("file", file == null ? null : HEX.parseHex(file))
                    .query(Long.class).single();
            // the same item named twice in one hand-over is one item
            Set<List<Object>> distinct = new LinkedHashSet<>();
            for (ReleaseItem item : items) {
                distinct.add(List.of(item.category(), persons.get(indexes.get(item.person()))));
            }
            for (List<Object> item : distinct) {
                jdbc.sql("""
                                insert into governance.law_enforcement_release_item (release_id, category, person_id)
                                values (:release, :category, :person)""")
                        .param("release", releaseId).param("category", ((DataCategory) item.get(0)).name())
                        .param("person", item.get(1)).update();
            }
            Release released = releases(requestId, Optional.of(releaseId)).get(0);
            Map<String, String> detail = new TreeMap<>();
            detail.put("step", "release");
            detail.put("result", "RELEASED");
            detail.put("release", "law-enforcement-release:" + releaseId);
            detail.put("items", Integer.toString(distinct.size()));
            detail.put("persons", Integer.toString(indexes.size()));
            detail.put("categories", names(items.stream().map(ReleaseItem::category).collect(
                    Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class)))));
            if (file != null) {
                detail.put("fileSha256", file);
            }
            audit.record(new AuditEntry(by.username(), AuditAction.EXPORT, subject(requestId), purpose(requestId),
                    detail));
            return Outcome.done(released);
        });
        return outcome.get();
    }

    /** Why the release may not happen, in the order an officer at the counter would be told; null when it may. */
    private static LawEnforcementException refusal(Locked r, Instant now, Set<DataCategory> scope, List<ReleaseItem> items,
            Map<ResidentId, String> indexes, Map<String, Long> persons) {
        if (!"APPROVED".equals(r.status())) {
            return new LawEnforcementException(LawEnforcementProblem.RELEASE_NOT_APPROVED, null, "it is " + r.status());
        }
        if (now.isBefore(r.window().from())) {
            return new LawEnforcementException(LawEnforcementProblem.RELEASE_BEFORE_WINDOW, null,
                    "opens " + r.window().from());
        }
        if (!now.isBefore(r.window().to())) {
            return new LawEnforcementException(LawEnforcementProblem.RELEASE_AFTER_WINDOW, null,
                    "ended " + r.window().to());
        }
        Set<DataCategory> outside = EnumSet.noneOf(DataCategory.class);
        for (ReleaseItem item : items) {
            if (!scope.contains(item.category())) {
                outside.add(item.category());
            }
        }
        if (!outside.isEmpty()) {
            return new LawEnforcementException(LawEnforcementProblem.CATEGORY_OUT_OF_SCOPE, "items", names(outside));
        }
        long strangers = indexes.values().stream().filter(i -> !persons.containsKey(i)).count();
        if (strangers > 0) {
            // how many, never who: the message reaches the screen and the log
            return new LawEnforcementException(LawEnforcementProblem.PERSON_OUT_OF_SCOPE, "items",
                    strangers + " person(s) / " + strangers + "人");
        }
        return null;
    }

    @Override
    public Optional<LawEnforcementRequest> find(long requestId) {
        return view(requestId, clock.instant());
    }

    @Override
    public List<LawEnforcementRequest> recent(int limit) {
        Instant now = clock.instant();
        return jdbc.sql("select id from governance.law_enforcement_request order by id desc limit :n")
                .param("n", Math.max(0, Math.min(limit, 1000))).query(Long.class).list().stream()
                .map(id -> view(id, now).orElseThrow()).toList();
    }

    @Override
    public List<Release> releases(long requestId) {
        return releases(requestId, Optional.empty());
    }

    @Override
    public ApprovalDocument approvalDocument(long requestId, StaffPrincipal by) {
        if (!by.role().may(Permission.LAW_ENFORCEMENT_REGISTER) && !by.role().may(Permission.LAW_ENFORCEMENT_APPROVE)
                && !by.role().may(Permission.AUDIT_VIEW)) {
            throw new LawEnforcementException(LawEnforcementProblem.NOT_PERMITTED, null, by.role().name());
        }
        return transactions.execute(status -> {
            Locked r = row(requestId);
            ApprovalDocument document = jdbc.sql("""
                            select file_name, format, sealed from governance.law_enforcement_document
                             where request_id = :id""")
                    .param("id", requestId)
                    .query((rs, n) -> new ApprovalDocument(rs.getString("file_name"),
                            ApprovalDocument.Format.valueOf(rs.getString("format")),
                            keys.decrypt(r.dataKey(), rs.getBytes("sealed"), documentPlace(requestId))))
                    .single();
            audit.record(AuditEntry.of(by.username(), AuditAction.QUERY, subject(requestId),
                    Map.of("step", "view-approval-document", "approvalSha256", document.sha256())));
            return document;
        });
    }

    @Override
    public List<Long> requestsConcerning(ResidentId person, StaffPrincipal by) {
        if (!by.role().may(Permission.LAW_ENFORCEMENT_REGISTER) && !by.role().may(Permission.LAW_ENFORCEMENT_APPROVE)
                && !by.role().may(Permission.AUDIT_VIEW)) {
            throw new LawEnforcementException(LawEnforcementProblem.NOT_PERMITTED, null, by.role().name());
        }
        return transactions.execute(status -> {
            List<String> indexKeys = jdbc.sql("select distinct index_key from governance.law_enforcement_request")
                    .query(String.class).list();
            Set<Long> found = new TreeSet<>();
            for (String key : indexKeys) {
                found.addAll(jdbc.sql("""
                                select p.request_id from governance.law_enforcement_person p
                                  join governance.law_enforcement_request r on r.id = p.request_id
                                 where r.index_key = :key and p.person_index = :index""")
                        .param("key", key).param("index", personIndex(key, person)).query(Long.class).list());
            }
            audit.record(AuditEntry.of(by.username(), AuditAction.QUERY, "law-enforcement:person-lookup",
                    Map.of("step", "requests-concerning-person", "found", Integer.toString(found.size()))));
            return List.copyOf(found);
        });
    }

    private List<Release> releases(long requestId, Optional<Long> only) {
        String dataKey = row(requestId).dataKey();
        Map<Long, String> masked = new HashMap<>();
        jdbc.sql("select id, person_index, person_sealed from governance.law_enforcement_person where request_id = :id")
                .param("id", requestId).query(rs -> {
                    byte[] plain = keys.decrypt(dataKey, rs.getBytes("person_sealed"),
                            personPlace(requestId, rs.getBytes("person_index")));
                    masked.put(rs.getLong("id"), mask(new String(plain, StandardCharsets.US_ASCII)));
                });
        Map<Long, List<Release.Item>> items = new HashMap<>();
        jdbc.sql("""
                        select i.id, i.release_id, i.category, i.person_id
                          from governance.law_enforcement_release_item i
                          join governance.law_enforcement_release r on r.id = i.release_id
                         where r.request_id = :id
                         order by i.id""")
                .param("id", requestId)
                .query(rs -> {
                    items.computeIfAbsent(rs.getLong("release_id"), k -> new ArrayList<>())
                            .add(new Release.Item(rs.getLong("id"), DataCategory.valueOf(rs.getString("category")),
                                    rs.getLong("person_id"), masked.get(rs.getLong("person_id"))));
                });
        return jdbc.sql("""
                        select id, released_at, released_by, file_sha256 from governance.law_enforcement_release
                         where request_id = :id
                         order by id""")
                .param("id", requestId)
                .query((rs, n) -> {
                    byte[] file = rs.getBytes("file_sha256");
                    return new Release(rs.getLong("id"), requestId, instant(rs, "released_at"),
                            rs.getString("released_by"), file == null ? null : HEX.formatHex(file),
                            items.getOrDefault(rs.getLong("id"), List.of()));
                }).list().stream().filter(r -> only.isEmpty() || only.get() == r.id()).toList();
    }

    private Optional<LawEnforcementRequest> view(long id, Instant now) {
        return jdbc.sql("select * from governance.law_enforcement_request where id = :id").param("id", id)
                .query((rs, n) -> request(rs, now)).optional();
    }

    private LawEnforcementRequest request(ResultSet rs, Instant now) throws SQLException {
        long id = rs.getLong("id");
        AccessWindow window = new AccessWindow(instant(rs, "window_from"), instant(rs, "window_to"));
        String stored = rs.getString("status");
        RequestStatus status = RequestStatus.valueOf(stored);
        if ((status == RequestStatus.REGISTERED || status == RequestStatus.APPROVED) && !now.isBefore(window.to())) {
            status = RequestStatus.EXPIRED;
        }
        int persons = jdbc.sql("select count(*) from governance.law_enforcement_person where request_id = :id")
                .param("id", id).query(Integer.class).single();
        List<LawEnforcementRequest.RegisteredOfficer> officers = jdbc.sql("""
                        select name, credential_type, credential_tail from governance.law_enforcement_officer
                         where request_id = :id order by position""")
                .param("id", id).query((r, n) -> new LawEnforcementRequest.RegisteredOfficer(r.getString("name"),
                        CredentialType.valueOf(r.getString("credential_type")), "****" + r.getString("credential_tail")))
                .list();
        LawEnforcementRequest.DocumentInfo document = jdbc.sql("""
                        select file_name, format, size_bytes, sha256 from governance.law_enforcement_document
                         where request_id = :id""")
                .param("id", id).query((r, n) -> new LawEnforcementRequest.DocumentInfo(r.getString("file_name"),
                        ApprovalDocument.Format.valueOf(r.getString("format")), r.getLong("size_bytes"),
                        HEX.formatHex(r.getBytes("sha256"))))
                .single();
        int[] released = jdbc.sql("""
                        select count(distinct r.id) as releases, count(i.id) as items
                          from governance.law_enforcement_release r
                          left join governance.law_enforcement_release_item i on i.release_id = r.id
                         where r.request_id = :id""")
                .param("id", id).query((r, n) -> new int[] {r.getInt("releases"), r.getInt("items")}).single();
        List<LawEnforcementRequest.Notice> notices = jdbc.sql("""
                        select id, event, created_at from governance.law_enforcement_notice
                         where request_id = :id order by id""")
                .param("id", id).query((r, n) -> new LawEnforcementRequest.Notice(r.getLong("id"),
                        RequestStatus.valueOf(r.getString("event")), instant(r, "created_at")))
                .list();
        return new LawEnforcementRequest(id, rs.getString("case_number"), rs.getString("requesting_agency"),
                rs.getString("purpose"), rs.getString("legal_basis"), rs.getString("approval_number"), categories(id),
                persons, officers, document, window,
                new Supervisor(rs.getString("supervisor_name"), rs.getString("supervisor_post"),
                        rs.getString("supervisor_account")),
                status, rs.getString("registered_by"), instant(rs, "registered_at"), rs.getString("decided_by"),
                instantOrNull(rs, "decided_at"), rs.getString("decision_note"), rs.getString("closed_by"),
                instantOrNull(rs, "closed_at"), rs.getString("closing_note"), released[0], released[1], notices);
    }

    private Set<DataCategory> categories(long id) {
        return jdbc.sql("select category from governance.law_enforcement_category where request_id = :id")
                .param("id", id).query(String.class).list().stream().map(DataCategory::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DataCategory.class)));
    }

    /** The request's row, locked for update (a decision, a closing) or shared (a release) until the transaction ends. */
    private Locked lock(long id, boolean exclusive) {
        return jdbc.sql("""
                        select id, status, window_from, window_to, index_key, data_key, registered_by,
                               registered_by_account, supervisor_name, supervisor_post, supervisor_account
                          from governance.law_enforcement_request where id = :id"""
                        + (exclusive ? " for update" : " for share"))
                .param("id", id).query((rs, n) -> locked(rs)).optional()
                .orElseThrow(() -> new LawEnforcementException(LawEnforcementProblem.UNKNOWN_REQUEST, null, "" + id));
    }

    private Locked row(long id) {
        return jdbc.sql("""
                        select id, status, window_from, window_to, index_key, data_key, registered_by,
                               registered_by_account, supervisor_name, supervisor_post, supervisor_account
                          from governance.law_enforcement_request where id = :id""")
                .param("id", id).query((rs, n) -> locked(rs)).optional()
                .orElseThrow(() -> new LawEnforcementException(LawEnforcementProblem.UNKNOWN_REQUEST, null, "" + id));
    }

    private static Locked locked(ResultSet rs) throws SQLException {
        return new Locked(rs.getLong("id"), rs.getString("status"),
                new AccessWindow(instant(rs, "window_from"), instant(rs, "window_to")), rs.getString("index_key"),
                rs.getString("data_key"), rs.getString("registered_by"), rs.getLong("registered_by_account"),
                new Supervisor(rs.getString("supervisor_name"), rs.getString("supervisor_post"),
                        rs.getString("supervisor_account")));
    }

    /**
     * Whether the actor registered the request: the same username or account, or another account
     * of the same person, found through the staff accounts' blind index of the holder's ID number.
     */
    private boolean samePerson(Locked r, StaffPrincipal by) {
        if (by.username().equals(r.registeredBy()) || by.accountId() > 0 && by.accountId() == r.registeredByAccount()) {
            return true;
        }
        return staff.samePerson(r.registeredByAccount(), by.accountId());
    }

    private long notify(long requestId, RequestStatus event, Supervisor to, Instant now) {
        return jdbc.sql("""
                        insert into governance.law_enforcement_notice (request_id, event, recipient_name, recipient_post,
                            recipient_account, created_at)
                        values (:id, :event, :name, :post, :account, :now)
                        returning id""")
                .param("id", requestId).param("event", event.name()).param("name", to.name()).param("post", to.post())
                .param("account", to.account()).param("now", utc(now)).query(Long.class).single();
    }

    private static void require(StaffPrincipal by, Permission permission) {
        if (by == null) {
            throw new LawEnforcementException(LawEnforcementProblem.NOT_PERMITTED, null, "nobody is signed in");
        }
        if (!by.role().may(permission)) {
            throw new LawEnforcementException(LawEnforcementProblem.NOT_PERMITTED, null,
                    by.role().name() + " lacks " + permission.name());
        }
    }

    private static String optionalNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String n = note.strip();
        if (n.codePointCount(0, n.length()) > MAX_NOTE) {
            throw new LawEnforcementException(LawEnforcementProblem.NOTE, "note", "longer than " + MAX_NOTE);
        }
        return n;
    }

    private byte[] personIndex(String indexKey, ResidentId person) {
        return keys.mac(indexKey, (PERSON_INDEX + person.value()).getBytes(StandardCharsets.US_ASCII));
    }

    /** Sealed values are bound to their row: one copied to another request or person does not open. */
    private static byte[] personPlace(long requestId, byte[] index) {
        return ("governance.law_enforcement_person:" + requestId + ":" + HEX.formatHex(index))
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] officerPlace(long requestId, int position) {
        return ("governance.law_enforcement_officer:" + requestId + ":" + position).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] documentPlace(long requestId) {
        return ("governance.law_enforcement_document:" + requestId).getBytes(StandardCharsets.US_ASCII);
    }

    private static String subject(long requestId) {
        return "law-enforcement:" + requestId;
    }

    private static String purpose(long requestId) {
        return "执法协查 law-enforcement request " + requestId + " (DATA-11)";
    }

    private static String names(Set<DataCategory> categories) {
        return categories.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String mask(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private record Locked(long id, String status, AccessWindow window, String indexKey, String dataKey,
            String registeredBy, long registeredByAccount, Supervisor supervisor) {
    }

    /** What a transaction decided: a result, or a refusal to throw once its audit event has committed. */
    private record Outcome<T>(T value, LawEnforcementException refusal) {

        static <T> Outcome<T> done(T value) {
            return new Outcome<>(value, null);
        }

        static <T> Outcome<T> refused(LawEnforcementException refusal) {
            return new Outcome<>(null, refusal);
        }

        T get() {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }
}
