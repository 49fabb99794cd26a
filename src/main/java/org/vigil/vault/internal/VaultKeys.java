package org.vigil.vault.internal;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedValues;

/**
 * The vault's part in a key rotation (ADR 0035): its sealed ID numbers move to the current data
 * key, and its blind index gains a row under the current MAC key for every person before the old
 * rows go. Lookups try every MAC key the index still uses, so nobody is missed in between.
 */
final class VaultKeys {

    private static final Logger log = LoggerFactory.getLogger(VaultKeys.class);

    private VaultKeys() {
    }

    static Resealable sealedIds(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        SealedValues sealed = new SealedValues(keys);
        return new Resealable() {

            @Override
            public String name() {
                return JdbcPersonVault.PLACE;
            }

            @Override
            public long countUnder(String keyId) {
                Long n = jdbc.queryForObject("select count(*) from vault.person where substring(id_sealed from 1 for 9) = ?",
                        Long.class, (Object) SealedValues.keyPrefix(keyId));
                return n == null ? 0 : n;
            }

            @Override
            public int reseal(String keyId, int limit) {
                Integer moved = transactions.execute(t -> {
                    List<Object[]> rows = jdbc.query("""
                            select number, id_sealed from vault.person where substring(id_sealed from 1 for 9) = ?
                             order by number limit ? for update skip locked""",
                            (rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)}, SealedValues.keyPrefix(keyId), limit);
                    List<Object[]> updates = new ArrayList<>();
                    for (Object[] r : rows) {
                        try {
                            updates.add(new Object[] {sealed.reseal(JdbcPersonVault.PLACE, (Long) r[0], (byte[]) r[1]), r[0]});
                        }
                        catch (KeyService.TamperedException e) {
                            // left under the old key, so the key cannot be retired while the incident is open
                            log.warn("The vault's sealed ID of person {} does not open: it was changed outside Vigil", r[0]);
                        }
                    }
                    jdbc.batchUpdate("update vault.person set id_sealed = ? where number = ?", updates);
                    return updates.size();
                });
                return moved == null ? 0 : moved;
            }
        };
    }

    static Resealable blindIndex(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys,
            JdbcPersonVault vault) {
        return new Resealable() {

            @Override
            public String name() {
                return "vault.id_index";
            }

            @Override
            public long countUnder(String keyId) {
                Long n = jdbc.queryForObject("select count(*) from vault.id_index where mac_key = ?", Long.class, keyId);
                return n == null ? 0 : n;
            }

            @Override
            public int reseal(String keyId, int limit) {
                String current = keys.currentMacKey();
                if (current.equals(keyId)) {
                    return 0;
                }
                Integer moved = transactions.execute(t -> {
                    List<Long> numbers = jdbc.queryForList("""
                            select number from vault.id_index where mac_key = ? order by number limit ?""",
                            Long.class, keyId, limit);
                    if (numbers.isEmpty()) {
                        return 0;
                    }
                    long[] asked = numbers.stream().mapToLong(Long::longValue).toArray();
                    long[] idKeys = new long[asked.length];
                    vault.idKeysOf(asked, asked.length, idKeys);
                    List<Object[]> rows = new ArrayList<>();
                    for (int i = 0; i < asked.length; i++) {
                        rows.add(new Object[] {current, vault.digest(current, idKeys[i]), asked[i]});
                    }
                    jdbc.batchUpdate("insert into vault.id_index (mac_key, digest, number) values (?, ?, ?) "
                            + "on conflict (mac_key, digest) do nothing", rows);
                    jdbc.batchUpdate("delete from vault.id_index where mac_key = ? and number = ?",
                            numbers.stream().map(n -> new Object[] {keyId, n}).toList());
                    return numbers.size();
                });
                return moved == null ? 0 : moved;
            }
        };
    }
}
