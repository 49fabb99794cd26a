package org.vigil.governance.internal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.ConfidentialityAgreement;
import org.vigil.governance.KeyService;
import org.vigil.governance.LoginOutcome;
import org.vigil.governance.NewStaffAccount;
import org.vigil.governance.StaffAccount;
import org.vigil.governance.StaffDirectory;
import org.vigil.governance.StaffRole;
import org.vigil.identity.RegionCode;

/**
 * Staff accounts in PostgreSQL. A login attempt locks its account's row, so two attempts at once
 * count as two failures and a code is accepted once; the attempt, its outcome and the audit event
 * commit together.
 */
class JdbcStaffDirectory implements StaffDirectory {

    private static final String COLUMNS = """
            id, username, display_name, role, region, provider, status, totp_enrolled, locked_until, created_at, created_by""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KeyService keys;
    private final AuditTrail audit;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final String issuer;
    private final SecondFactor secondFactor;
    private final Argon2PasswordEncoder passwords = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the username is unknown, so an unknown name takes as long as a wrong password. */
    private final String decoy;

    JdbcStaffDirectory(JdbcClient jdbc, TransactionTemplate transactions, KeyService keys, AuditTrail audit, Clock clock,
            int maxFailures, Duration lockout, String issuer, SecondFactor secondFactor) {
        if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("vigil.staff.lockout needs at least one attempt and a positive duration");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.issuer = issuer;
        this.secondFactor = secondFactor;
        this.decoy = passwords.encode("decoy-" + random.nextLong());
    }

    @Override
    public OpenedAccount open(NewStaffAccount a, char[] initialPassword, String openedBy) {
        PasswordPolicy.check(initialPassword, a.username());
        requireSigned(a.agreement());
        String hash = passwords.encode(new String(initialPassword));
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return transactions.execute(status -> {
            if (jdbc.sql("select count(*) from governance.staff_account where username = :u").param("u", a.username())
                    .query(Long.class).single() > 0) {
                throw new IllegalStateException("the username " + a.username() + " is taken / 用户名已存在");
            }
            byte[] person = ("staff-person:" + a.person().value()).getBytes(StandardCharsets.UTF_8);
            List<StaffRole> held = personRoles(person);
            for (StaffRole other : held) {
                if (!a.role().compatibleWith(other)) {
                    throw new IllegalStateException("this person already holds an account as " + other.name() + " ("
                            + other.chinese() + "); " + a.role().name() + " is a duty 等保 keeps apart from it / "
                            + "三权分立：同一人不得兼任" + other.chinese() + "与" + a.role().chinese());
                }
            }
            String indexKey = keys.currentMacKey();
            String dataKey = keys.currentDataKey();
            Instant now = clock.instant();
            long id = jdbc.sql("""
                            insert into governance.staff_account (username, display_name, role, region, provider,
                                person_index, person_sealed, index_key, data_key, password_hash, password_changed_at,
                                totp_sealed, status, created_at, created_by, agreement_signed_on, agreement_reference)
                            values (:username, :name, :role, :region, :provider, :personIndex, :personSealed, :indexKey,
                                :dataKey, :hash, :now, :totp, 'ACTIVE', :now, :by, :signedOn, :reference)
                            returning id""")
                    .param("username", a.username()).param("name", a.displayName()).param("role", a.role().name())
                    .param("region", a.region() == null ? null : a.region().value()).param("provider", a.provider())
                    .param("personIndex", keys.mac(indexKey, person))
                    .param("personSealed", keys.encrypt(dataKey, a.person().value().getBytes(StandardCharsets.US_ASCII),
                            place(a.username(), "person")))
                    .param("indexKey", indexKey).param("dataKey", dataKey).param("hash", hash)
                    .param("now", Timestamp.from(now)).param("totp", keys.encrypt(dataKey, secret, place(a.username(), "totp")))
                    .param("by", openedBy).param("signedOn", a.agreement().signedOn())
                    .param("reference", a.agreement().reference()).query(Long.class).single();
            Map<String, String> detail = new TreeMap<>(Map.of("step", "open", "role", a.role().name(),
                    "agreement", a.agreement().reference(), "agreementSignedOn", a.agreement().signedOn().toString()));
            if (a.region() != null) {
                detail.put("region", a.region().value());
            }
            if (a.provider() != null) {
                detail.put("provider", a.provider());
            }
            audit.record(AuditEntry.of(openedBy, AuditAction.CHANGE, "staff:" + id, detail));
            return new OpenedAccount(byId(id), Totp.base32(secret), secondFactor.provisioningUri(issuer, a.username(), secret));
        });
    }

    @Override
    public StaffAccount recordAgreement(String username, ConfidentialityAgreement agreement, String by) {
        requireSigned(agreement);
        return transactions.execute(status -> {
            long id = jdbc.sql("""
                            update governance.staff_account set agreement_signed_on = :signedOn, agreement_reference = :reference
                             where username = :u returning id""")
                    .param("signedOn", agreement.signedOn()).param("reference", agreement.reference()).param("u", username)
                    .query(Long.class).optional()
                    .orElseThrow(() -> new IllegalArgumentException("no account " + username + " / 无此账号"));
            audit.record(AuditEntry.of(by, AuditAction.CHANGE, "staff:" + id, Map.of("step", "agreement",
                    "agreement", agreement.reference(), "agreementSignedOn", agreement.signedOn().toString())));
            return byId(id);
        });
    }

    /** An agreement is recorded once signed, never ahead of the signature. */
    private void requireSigned(ConfidentialityAgreement agreement) {
        if (agreement.signedOn().isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("a confidentiality agreement is recorded once signed, not dated "
                    + agreement.signedOn() + " / 保密协议须签订后登记");
        }
    }

    @Override
    public List<StaffAccount> accounts() {
        return jdbc.sql("select " + COLUMNS + " from governance.staff_account order by username")
                .query((rs, n) -> account(rs)).list();
    }

    @Override
    public boolean samePerson(long accountA, long accountB) {
        if (accountA == accountB) {
            return true;
        }
        return jdbc.sql("""
                        select count(*) from governance.staff_account a
                          join governance.staff_account b
                            on b.index_key = a.index_key and b.person_index = a.person_index
                         where a.id = :a and b.id = :b""")
                .param("a", accountA).param("b", accountB).query(Long.class).single() > 0;
    }

    @Override
    public Optional<StaffAccount> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from governance.staff_account where username = :u").param("u", username)
                .query((rs, n) -> account(rs)).optional();
    }

    @Override
    public LoginOutcome login(String username, char[] password, String code) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<Attempt> found = jdbc.sql("""
                            select id, username, password_hash, data_key, totp_sealed, totp_last_step, failed_attempts,
                                   locked_until, status, agreement_signed_on
                              from governance.staff_account where username = :u for update""")
                    .param("u", username == null ? "" : username).query((rs, n) -> attempt(rs)).optional();
            if (found.isEmpty()) {
                passwords.matches(new String(password == null ? new char[0] : password), decoy);
                // the name typed is not written down: it may be someone's password typed in the wrong field
                audit.record(AuditEntry.of("anonymous", AuditAction.LOGIN, "staff:unknown", Map.of("result", "REJECTED")));
                return new LoginOutcome(LoginOutcome.Result.REJECTED, null, null);
            }
            Attempt a = found.get();
            String subject = "staff:" + a.id();
            if (a.lockedUntil() != null && a.lockedUntil().isAfter(now)) {
                audit.record(AuditEntry.of(a.username(), AuditAction.LOGIN, subject, Map.of("result", "LOCKED")));
                return new LoginOutcome(LoginOutcome.Result.LOCKED, null, a.lockedUntil());
            }
            boolean passwordRight = password != null && passwords.matches(new String(password), a.passwordHash());
            long step = -1;
            if (passwordRight && a.active() && a.agreementOnRecord()) {
                byte[] secret = keys.decrypt(a.dataKey(), a.totpSealed(), place(a.username(), "totp"));
                step = secondFactor.match(secret, code, now, a.lastStep());
            }
            if (step >= 0) {
                jdbc.sql("""
                                update governance.staff_account
                                   set failed_attempts = 0, locked_until = null, totp_enrolled = true, totp_last_step = :step
                                 where id = :id""")
                        .param("step", step).param("id", a.id()).update();
                audit.record(AuditEntry.of(a.username(), AuditAction.LOGIN, subject, Map.of("result", "SUCCESS")));
                return new LoginOutcome(LoginOutcome.Result.SUCCESS, byId(a.id()), null);
            }
            int failures = a.failures() + 1;
            Instant lockedUntil = failures >= maxFailures ? now.plus(lockout) : null;
            jdbc.sql("update governance.staff_account set failed_attempts = :f, locked_until = :until where id = :id")
                    .param("f", lockedUntil == null ? failures : 0)
                    .param("until", lockedUntil == null ? null : Timestamp.from(lockedUntil)).param("id", a.id()).update();
            Map<String, String> detail = new TreeMap<>(Map.of("result", lockedUntil == null ? "REJECTED" : "LOCKED",
                    "failures", Integer.toString(failures)));
            if (!a.active()) {
                detail.put("account", "DISABLED");
            }
            if (!a.agreementOnRecord()) {
                detail.put("agreement", "MISSING");
            }
            audit.record(AuditEntry.of(a.username(), AuditAction.LOGIN, subject, detail));
            return lockedUntil == null ? new LoginOutcome(LoginOutcome.Result.REJECTED, null, null)
                    : new LoginOutcome(LoginOutcome.Result.LOCKED, null, lockedUntil);
        });
    }

    @Override
    public OpenedAccount resetSecondFactor(String username, String by) {
        byte[] secret = new byte[20];
        random.nextBytes(secret);
        return transactions.execute(status -> {
            String dataKey = keys.currentDataKey();
            int changed = jdbc.sql("""
                            update governance.staff_account
                               set totp_sealed = :totp, data_key = :key, totp_enrolled = false, totp_last_step = null,
                                   person_sealed = :person
                             where username = :u""")
                    .param("totp", keys.encrypt(dataKey, secret, place(username, "totp"))).param("key", dataKey)
                    .param("person", resealedPerson(username, dataKey)).param("u", username).update();
            if (changed != 1) {
                throw new IllegalStateException("no staff account " + username + " / 无此账号");
            }
            StaffAccount account = find(username).orElseThrow();
            audit.record(AuditEntry.of(by, AuditAction.CHANGE, "staff:" + account.id(), Map.of("step",
                    "reset-second-factor")));
            return new OpenedAccount(account, Totp.base32(secret), secondFactor.provisioningUri(issuer, username, secret));
        });
    }

    /** Both sealed fields share the row's data key, so a new key for one re-seals the other. */
    private byte[] resealedPerson(String username, String dataKey) {
        return jdbc.sql("select data_key, person_sealed from governance.staff_account where username = :u")
                .param("u", username).query((rs, n) -> keys.encrypt(dataKey,
                        keys.decrypt(rs.getString("data_key"), rs.getBytes("person_sealed"), place(username, "person")),
                        place(username, "person"))).optional().orElse(new byte[0]);
    }

    @Override
    public StaffAccount unlock(String username, String by) {
        return change(username, by, "unlock", "update governance.staff_account set failed_attempts = 0, locked_until = null "
                + "where username = :u");
    }

    @Override
    public StaffAccount disable(String username, String by) {
        return change(username, by, "disable", "update governance.staff_account set status = 'DISABLED' where username = :u");
    }

    private StaffAccount change(String username, String by, String step, String sql) {
        return transactions.execute(status -> {
            if (jdbc.sql(sql).param("u", username).update() != 1) {
                throw new IllegalStateException("no staff account " + username + " / 无此账号");
            }
            StaffAccount account = find(username).orElseThrow();
            audit.record(AuditEntry.of(by, AuditAction.CHANGE, "staff:" + account.id(), Map.of("step", step)));
            return account;
        });
    }

    /** The roles a person already holds: their index computed under every key an account was indexed with. */
    private List<StaffRole> personRoles(byte[] person) {
        List<String> indexKeys = jdbc.sql("select distinct index_key from governance.staff_account").query(String.class)
                .list();
        return indexKeys.stream().flatMap(k -> jdbc.sql("""
                        select role from governance.staff_account where index_key = :k and person_index = :index""")
                .param("k", k).param("index", keys.mac(k, person)).query(String.class).list().stream())
                .map(StaffRole::valueOf).toList();
    }

    /** Sealed values are bound to their account and field: one moved to another account does not open. */
    private static byte[] place(String username, String field) {
        return ("governance.staff_account:" + username + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

    private StaffAccount byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from governance.staff_account where id = :id").param("id", id)
                .query((rs, n) -> account(rs)).single();
    }

    private static StaffAccount account(ResultSet rs) throws SQLException {
        String region = rs.getString("region");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new StaffAccount(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                StaffRole.valueOf(rs.getString("role")), region == null ? null : RegionCode.parse(region).orElseThrow(),
                rs.getString("provider"), StaffAccount.Status.valueOf(rs.getString("status")), rs.getBoolean("totp_enrolled"),
                locked == null ? null : locked.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        long last = rs.getLong("totp_last_step");
        long lastStep = rs.wasNull() ? Long.MIN_VALUE : last;
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Attempt(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("data_key"), rs.getBytes("totp_sealed"), lastStep, rs.getInt("failed_attempts"),
                locked == null ? null : locked.toInstant(), "ACTIVE".equals(rs.getString("status")),
                rs.getDate("agreement_signed_on") != null);
    }

    private record Attempt(long id, String username, String passwordHash, String dataKey, byte[] totpSealed,
            long lastStep, int failures, Instant lockedUntil, boolean active, boolean agreementOnRecord) {
    }
}
