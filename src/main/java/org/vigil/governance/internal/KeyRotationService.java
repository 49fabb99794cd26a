package org.vigil.governance.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditAction;
import org.vigil.governance.AuditEntry;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyRotation;
import org.vigil.governance.Resealable;

/**
 * Rotation over every module's {@link Resealable} beans and governance's own key columns. The keys
 * that governance's own records name (the audit chain's MACs, backups, staff accounts, the
 * law-enforcement register) are counted and never moved: an audit event's MAC is what proves it,
 * and a backup file is sealed as it was written, so their keys stay held as long as they do.
 */
@Service
class KeyRotationService implements KeyRotation {

    private final KeyCustody custody;
    private final ObjectProvider<Resealable> modules;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;

    KeyRotationService(KeyCustody custody, ObjectProvider<Resealable> modules, JdbcTemplate jdbc,
            TransactionTemplate transactions, AuditTrail audit) {
        this.custody = custody;
        this.modules = modules;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public List<KeyUse> status() {
        List<KeyUse> out = new ArrayList<>();
        for (KeyCustody.HeldKey key : custody.held()) {
            List<Use> uses = new ArrayList<>();
            for (Resealable r : resealables()) {
                long n = r.countUnder(key.id());
                if (n > 0) {
                    uses.add(new Use(r.name(), n));
                }
            }
            out.add(new KeyUse(key, uses));
        }
        return out;
    }

    @Override
    public String rotate(KeyCustody.KeyKind kind, String by) {
        String made = custody.rotate(kind);
        transactions.executeWithoutResult(t -> audit.record(AuditEntry.of(by, AuditAction.KEY_MANAGEMENT,
                "key:" + made, Map.of("operation", "rotate", "kind", kind.name()))));
        return made;
    }

    @Override
    public long resealStep(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a reseal step moves at least one value");
        }
        long moved = 0;
        for (KeyCustody.HeldKey key : custody.held()) {
            if (key.current()) {
                continue;
            }
            for (Resealable r : modules.orderedStream().toList()) {
                moved += r.reseal(key.id(), limit);
            }
        }
        return moved;
    }

    @Override
    public void retire(String keyId, String by) {
        KeyCustody.HeldKey key = custody.held().stream().filter(k -> k.id().equals(keyId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no key " + keyId + " is held"));
        if (key.current()) {
            throw new IllegalArgumentException("key " + keyId + " is current: rotate before retiring it");
        }
        List<String> still = new ArrayList<>();
        for (Resealable r : resealables()) {
            long n = r.countUnder(keyId);
            if (n > 0) {
                still.add(r.name() + " " + n);
            }
        }
        if (!still.isEmpty()) {
            throw new IllegalStateException("key " + keyId + " still protects " + String.join(", ", still)
                    + ": reseal first (vigil keys reseal); audit events and backups keep their keys");
        }
        // recorded first: if destroying then fails, the record says it was attempted, and the key is still there
        transactions.executeWithoutResult(t -> audit.record(AuditEntry.of(by, AuditAction.KEY_MANAGEMENT,
                "key:" + keyId, Map.of("operation", "destroy", "kind", key.kind().name()))));
        custody.destroy(keyId);
    }

    private List<Resealable> resealables() {
        List<Resealable> all = new ArrayList<>(modules.orderedStream().toList());
        all.addAll(governanceColumns());
        return all;
    }

    /** Governance's own records that name a key: counted, never moved. */
    private List<Resealable> governanceColumns() {
        return List.of(
                counted("governance.audit_event (MAC chain)", "select count(*) from governance.audit_event where key_id = ?"),
                counted("governance.audit_checkpoint", "select count(*) from governance.audit_checkpoint where key_id = ?"),
                counted("governance.backup", "select count(*) from governance.backup where data_key = ?"),
                counted("governance.staff_account", "select count(*) from governance.staff_account where ? in (index_key, data_key)"),
                counted("governance.law_enforcement_request",
                        "select count(*) from governance.law_enforcement_request where ? in (index_key, data_key)"));
    }

    private Resealable counted(String name, String sql) {
        return new Resealable() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public long countUnder(String keyId) {
                Long n = jdbc.queryForObject(sql, Long.class, keyId);
                return n == null ? 0 : n;
            }

            @Override
            public int reseal(String keyId, int limit) {
                return 0;
            }
        };
    }
}
