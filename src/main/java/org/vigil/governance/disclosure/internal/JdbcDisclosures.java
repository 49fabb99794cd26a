package org.vigil.governance.disclosure.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.AuditedEvent;
import org.vigil.governance.Permission;
import org.vigil.governance.StaffPrincipal;
import org.vigil.governance.disclosure.Disclosure;
import org.vigil.governance.disclosure.DisclosureAlert;
import org.vigil.governance.disclosure.DisclosureRefusedException;
import org.vigil.governance.disclosure.DisclosureRefusedException.Reason;
import org.vigil.governance.disclosure.Disclosures;
import org.vigil.governance.disclosure.Purpose;

/**
 * Reveals and look-ups in PostgreSQL. Each takes its account's lock, so the quota count and the
 * enumeration watch see every earlier access of the account; the access, any alert and their
 * audit events commit with the caller's act or not at all.
 */
@Service
class JdbcDisclosures implements Disclosures {

    private static final Logger log = LoggerFactory.getLogger(JdbcDisclosures.class);
    /** Who raises an alert in the audit log: the watch, not the account it is about. */
    static final String WATCH = "system:disclosure-watch";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;
    private final DisclosureSettings settings;

    JdbcDisclosures(JdbcClient jdbc, AuditTrail audit, Clock clock, DisclosureSettings settings) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Disclosure reveal(StaffPrincipal who, String subject, Purpose why, String note) {
        Accounts.require(who);
        String s = subject(subject);
        if (!who.role().may(Permission.UNMASK)) {
            throw new DisclosureRefusedException(Reason.NOT_PERMITTED, "the role " + who.role().name() + " ("
                    + who.role().chinese() + ") may not see personal data in full / 该角色无权查看明文个人信息");
        }
        if (why == null) {
            throw new DisclosureRefusedException(Reason.INVALID, "seeing personal data in full needs a stated purpose, "
                    + "one of " + List.of(Purpose.values()) + " / 查看明文个人信息须说明用途");
        }
        String n = Accounts.note(note);
        Accounts.lock(jdbc, who.accountId());
        Instant now = clock.instant();
        int quota = settings.reveals(who.role());
        int used = jdbc.sql("""
                        select count(*) from governance.disclosure_access
                         where account_id = :account and kind = 'REVEAL' and accessed_at >= :from""")
                .param("account", who.accountId()).param("from", Timestamp.from(Accounts.startOfDay(clock)))
                .query(Integer.class).single();
        if (used >= quota) {
            throw new DisclosureRefusedException(Reason.QUOTA_EXCEEDED, "the daily quota of " + quota
                    + " reveals for the role " + who.role().name() + " is used up; it starts again tomorrow / 今日查看明文"
                    + "次数已达上限（" + quota + "次），请明日再试或联系安全管理员");
        }
        insertAccess(who, "REVEAL", s, why, now);
        watch(who, now);
        Map<String, String> detail = new TreeMap<>();
        detail.put("role", who.role().name());
        detail.put("account", Long.toString(who.accountId()));
        detail.put("revealsToday", Integer.toString(used + 1));
        if (n != null) {
            detail.put("note", n);
        }
        AuditedEvent event = audit.record(new AuditEntry(who.username(), AuditAction.UNMASKED_VIEW, s, why.name(),
                detail));
        return new Disclosure(s, why, event.occurredAt(), event.seq(), used + 1, quota);
    }

    @Override
    @Transactional
    public void lookedUp(StaffPrincipal who, String subject) {
        Accounts.require(who);
        String s = subject(subject);
        Accounts.lock(jdbc, who.accountId());
        Instant now = clock.instant();
        insertAccess(who, "LOOKUP", s, null, now);
        watch(who, now);
        audit.record(AuditEntry.of(who.username(), AuditAction.QUERY, s, Map.of("role", who.role().name(), "account",
                Long.toString(who.accountId()))));
    }

    @Override
    @Transactional(readOnly = true)
    public List<DisclosureAlert> alerts(int limit) {
        return jdbc.sql("""
                        select id, account_id, username, role, raised_at, window_start, accesses, threshold
                          from governance.disclosure_alert order by raised_at desc, id desc limit :limit""")
                .param("limit", Math.max(1, limit))
                .query((rs, n) -> new DisclosureAlert(rs.getLong("id"), rs.getLong("account_id"), rs.getString("username"),
                        rs.getString("role"), rs.getTimestamp("raised_at").toInstant(),
                        rs.getTimestamp("window_start").toInstant(), rs.getInt("accesses"), rs.getInt("threshold")))
                .list();
    }

    private void insertAccess(StaffPrincipal who, String kind, String subject, Purpose why, Instant now) {
        jdbc.sql("""
                        insert into governance.disclosure_access (account_id, username, role, kind, subject, purpose,
                            accessed_at)
                        values (:account, :username, :role, :kind, :subject, :purpose, :at)""")
                .param("account", who.accountId()).param("username", who.username()).param("role", who.role().name())
                .param("kind", kind).param("subject", subject).param("purpose", why == null ? null : why.name())
                .param("at", Timestamp.from(now)).update();
    }

    /**
     * The enumeration watch: more accesses by the account within the window than the threshold
     * raise one alert, and no further one while the window still holds the alert, so a burst is one
     * alert and not one per look-up.
     */
    private void watch(StaffPrincipal who, Instant now) {
        Instant from = now.minus(settings.enumerationWindow());
        int threshold = settings.enumerationThreshold();
        int accesses = jdbc.sql("""
                        select count(*) from governance.disclosure_access
                         where account_id = :account and accessed_at > :from and accessed_at <= :now""")
                .param("account", who.accountId()).param("from", Timestamp.from(from)).param("now", Timestamp.from(now))
                .query(Integer.class).single();
        if (accesses <= threshold) {
            return;
        }
        boolean raised = jdbc.sql("""
                        select exists (select 1 from governance.disclosure_alert
                                        where account_id = :account and raised_at > :from)""")
                .param("account", who.accountId()).param("from", Timestamp.from(from)).query(Boolean.class).single();
        if (raised) {
            return;
        }
        long id = jdbc.sql("""
                        insert into governance.disclosure_alert (account_id, username, role, kind, raised_at, window_start,
                            accesses, threshold)
                        values (:account, :username, :role, 'ENUMERATION', :now, :from, :accesses, :threshold)
                        returning id""")
                .param("account", who.accountId()).param("username", who.username()).param("role", who.role().name())
                .param("now", Timestamp.from(now)).param("from", Timestamp.from(from)).param("accesses", accesses)
                .param("threshold", threshold).query(Long.class).single();
        log.warn("Enumeration alert {}: account {} looked up {} people within {} (threshold {})", id, who.username(),
                accesses, settings.enumerationWindow(), threshold);
        audit.record(AuditEntry.of(WATCH, AuditAction.SECURITY_ALERT, "staff:" + who.accountId(), Map.of("alert",
                Long.toString(id), "kind", "ENUMERATION", "username", who.username(), "accesses",
                Integer.toString(accesses), "threshold", Integer.toString(threshold), "window",
                settings.enumerationWindow().toString())));
    }

    private static String subject(String subject) {
        if (subject == null || subject.isBlank() || subject.strip().length() > AuditEntry.MAX_SUBJECT) {
            throw new DisclosureRefusedException(Reason.INVALID, "a disclosure names its subject by an internal id such as "
                    + "recipient:123, in at most " + AuditEntry.MAX_SUBJECT + " characters / 须注明查看对象");
        }
        return subject.strip();
    }
}
