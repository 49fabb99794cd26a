package org.vigil.certification.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.certification.BenefitKind;
import org.vigil.certification.CertificationLists;
import org.vigil.certification.DependentRelation;
import org.vigil.certification.Explanation;
import org.vigil.certification.OwnQueries;
import org.vigil.certification.OwnQuery;
import org.vigil.certification.OwnRecord;
import org.vigil.certification.RecordedDecision;
import org.vigil.certification.VerificationRun;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosure;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.Purpose;
import org.vigil.identity.Money;

/**
 * Answers a person's own query at the window and records it (ADR 0031). The written authorisation
 * is kept before the transaction, like a verification's attachment: a file whose row never commits
 * stays unreferenced and harms nothing. In the transaction the person's benefits are read under the
 * staff member's jurisdiction (row-level security), the query is stored, each benefit's record is
 * revealed through governance and the query audited, the last two at the end because their audit
 * events hold the chain's lock until the commit.
 */
@Service
class JdbcOwnQueries implements OwnQueries {

    static final int MAX_PROXY_NAME = 50;
    static final int MAX_RELATION = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CertificationLists lists;
    private final AttachmentStore files;
    private final KeyService keys;
    private final Disclosures disclosures;
    private final AuditTrail audit;
    private final Clock clock;
    private final Persons persons;

    JdbcOwnQueries(JdbcClient jdbc, TransactionTemplate transactions, CertificationLists lists, AttachmentStore files,
            KeyService keys, Disclosures disclosures, AuditTrail audit, Clock clock, Persons persons) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.transactions = transactions;
        this.lists = lists;
        this.files = files;
        this.keys = keys;
        this.disclosures = disclosures;
        this.audit = audit;
        this.clock = clock;
    }

    private record Row(long id, String idNumber, String name, BenefitKind kind, DependentRelation relation,
            Money amount, String region, LocalDate lastCertified) {
    }

    /** The authorisation as kept: its hash, kind and size. */
    private record Kept(String sha256, String type, long size) {
    }

    @Override
    public Optional<OwnRecord> answer(StaffPrincipal who, OwnQuery query) {
        // refused before anything is stored or read, not only when governance reveals at the end
        if (!who.role().may(Permission.UNMASK)) {
            throw new DisclosureRefusedException(DisclosureRefusedException.Reason.NOT_PERMITTED, "the role "
                    + who.role().name() + " may not see personal data in full / 该角色无权查看明文个人信息");
        }
        OwnQuery.Proxy proxy = query.proxy();
        Kept kept = proxy == null ? null : keep(query, proxy);
        return transactions.execute(status -> Optional.ofNullable(answer(who, query, kept)));
    }

    private Kept keep(OwnQuery query, OwnQuery.Proxy proxy) {
        if (proxy.idNumber() == null) {
            throw new IllegalArgumentException("a proxy query needs the proxy's ID number / 代办查询须提供代办人身份证号码");
        }
        if (proxy.idNumber().value().equals(query.person().value())) {
            throw new IllegalArgumentException("the proxy is the person themselves: ask in person / 代办人不能是本人");
        }
        bounded("the proxy's name / 代办人姓名", proxy.name(), MAX_PROXY_NAME);
        bounded("the proxy's relation to the person / 代办人与本人关系", proxy.relation(), MAX_RELATION);
        if (proxy.authorisation() == null) {
            throw new IllegalArgumentException("a proxy query needs the written authorisation (PDF, JPEG or PNG) / "
                    + "代办查询须提供书面委托书");
        }
        try (InputStream in = new BufferedInputStream(proxy.authorisation())) {
            in.mark(8);
            String type = type(in.readNBytes(8));
            in.reset();
            AttachmentStore.Stored stored = files.store(in);
            return new Kept(stored.sha256(), type, stored.size());
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the written authorisation", e);
        }
    }

    /** The file's kind by its first bytes, not by the name or type the browser claims. */
    private static String type(byte[] head) {
        if (startsWith(head, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "PDF";
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return "JPEG";
        }
        if (startsWith(head, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'})) {
            return "PNG";
        }
        throw new IllegalArgumentException("the written authorisation is not a PDF, JPEG or PNG file / "
                + "书面委托书须为PDF、JPEG或PNG文件");
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static void bounded(String what, String value, int max) {
        if (value == null || value.isBlank() || value.strip().length() > max) {
            throw new IllegalArgumentException(what + " is required, at most " + max + " characters / 必填，且不超过"
                    + max + "字");
        }
    }

    private OwnRecord answer(StaffPrincipal who, OwnQuery query, Kept kept) {
        // the vault finds the person without recording anyone: a number nobody holds is nobody here
        List<Row> rows = persons.find(query.person().value()).map(person -> persons.open(jdbc.sql("""
                        select id, person, name_sealed, benefit_kind, relation, monthly_amount, region_code, last_certified
                          from certification.recipient
                         where person = :person
                         order by id""")
                .param("person", person).query(JdbcOwnQueries::row).list())).orElse(List.of());
        if (rows.isEmpty()) {
            // nobody here, or nobody within this jurisdiction: trying numbers is how an enumeration starts
            disclosures.lookedUp(who, "person:unknown");
            return null;
        }
        List<OwnRecord.Benefit> benefits = benefits(rows, query.person().value());
        Instant now = clock.instant();
        Row first = rows.get(0);
        long id = jdbc.sql("select nextval(pg_get_serial_sequence('certification.own_query', 'id'))")
                .query(Long.class).single();
        OwnQuery.Proxy proxy = query.proxy();
        String indexKey = proxy == null ? null : keys.currentMacKey();
        String dataKey = proxy == null ? null : keys.currentDataKey();
        jdbc.sql("""
                        insert into certification.own_query (id, recipient_id, region_code, asked_at, asked_by,
                            asked_by_account, identity_check, by_proxy, proxy_relation, proxy_index, proxy_id_sealed,
                            proxy_name_sealed, index_key, data_key, authorisation_sha256, authorisation_type,
                            authorisation_size, authorisation_kept)
                        values (:id, :recipient, :region, :at, :by, :account, :check, :byProxy, :relation, :index,
                            :idSealed, :nameSealed, :indexKey, :dataKey, :sha, :type, :size, :kept)""")
                .param("id", id).param("recipient", first.id()).param("region", first.region())
                .param("at", Timestamp.from(now)).param("by", who.username()).param("account", who.accountId())
                .param("check", query.check().name()).param("byProxy", proxy != null)
                .param("relation", proxy == null ? null : proxy.relation().strip())
                .param("index", proxy == null ? null
                        : keys.mac(indexKey, ("own-query-proxy:" + proxy.idNumber().value()).getBytes(StandardCharsets.UTF_8)))
                .param("idSealed", proxy == null ? null
                        : keys.encrypt(dataKey, proxy.idNumber().value().getBytes(StandardCharsets.US_ASCII), place(id, "proxy-id")))
                .param("nameSealed", proxy == null ? null
                        : keys.encrypt(dataKey, proxy.name().strip().getBytes(StandardCharsets.UTF_8), place(id, "proxy-name")))
                .param("indexKey", indexKey).param("dataKey", dataKey)
                .param("sha", kept == null ? null : kept.sha256()).param("type", kept == null ? null : kept.type())
                .param("size", kept == null ? null : kept.size())
                .param("kept", kept == null ? null : "attachment-store:" + kept.sha256().substring(0, 2) + "/" + kept.sha256())
                .update();
        List<Disclosure> revealed = new ArrayList<>();
        for (Row r : rows) {
            revealed.add(disclosures.reveal(who, "recipient:" + r.id(), Purpose.OWN_QUERY, query.note()));
        }
        // no personal data: the proxy appears only as "by proxy", the authorisation by its hash
        Map<String, String> detail = new TreeMap<>(Map.of("ownQuery", Long.toString(id), "identityCheck",
                query.check().name(), "byProxy", Boolean.toString(proxy != null), "recipients",
                rows.stream().map(r -> Long.toString(r.id())).collect(Collectors.joining(","))));
        if (kept != null) {
            detail.put("authorisationSha256", kept.sha256());
        }
        audit.record(new AuditEntry(who.username(), AuditAction.QUERY, "recipient:" + first.id(),
                Purpose.OWN_QUERY.name(), detail));
        return new OwnRecord(id, first.idNumber(), first.name(), query.check(), proxy != null, now, benefits, revealed);
    }

    /** Each benefit with the decisions of the latest verified months, all read under the staff member's jurisdiction. */
    private List<OwnRecord.Benefit> benefits(List<Row> rows, String idNumber) {
        List<Explanation> months = new ArrayList<>();
        for (VerificationRun run : lists.runs().stream().limit(MONTHS).toList()) {
            lists.explain(idNumber, run.month()).ifPresent(months::add);
        }
        List<OwnRecord.Benefit> benefits = new ArrayList<>();
        for (Row r : rows) {
            List<OwnRecord.Month> decided = new ArrayList<>();
            for (Explanation e : months) {
                for (RecordedDecision d : e.decisions()) {
                    if (d.recipientId() == r.id()) {
                        decided.add(new OwnRecord.Month(e.month(), d, e.failure(r.id()).orElse(null)));
                    }
                }
            }
            benefits.add(new OwnRecord.Benefit(r.id(), r.kind(), r.relation(), r.amount(), r.lastCertified(), decided));
        }
        return benefits;
    }

    private static Persons.Pending<Row> row(ResultSet rs, int n) throws SQLException {
        String relation = rs.getString("relation");
        Date last = rs.getDate("last_certified");
        long id = rs.getLong("id");
        BenefitKind kind = BenefitKind.valueOf(rs.getString("benefit_kind"));
        DependentRelation rel = relation == null ? null : DependentRelation.valueOf(relation);
        Money amount = Money.of(rs.getBigDecimal("monthly_amount"));
        String region = rs.getString("region_code");
        LocalDate lastCertified = last == null ? null : last.toLocalDate();
        return new Persons.Pending<>(rs.getLong("person"), rs.getBytes("name_sealed"), (idNumber, name) ->
                new Row(id, idNumber, name, kind, rel, amount, region, lastCertified));
    }

    /** Binds a sealed value to its row and field, so it does not open when moved elsewhere. */
    static byte[] place(long id, String field) {
        return ("certification.own_query:" + id + ":" + field).getBytes(StandardCharsets.UTF_8);
    }
}
