package org.vigil.vault.internal;

import java.util.ArrayList;
import java.util.List;


import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.governance.SealedColumn;

/**
 * The vault's part in a key rotation (ADR 0035): its sealed ID numbers move to the current data
 * key, and its blind index gains a row under the current MAC key for every person before the old
 * rows go. Lookups try every MAC key the index still uses, so nobody is missed in between.
 */
final class VaultKeys {

    private VaultKeys() {
    }

    static Resealable sealedIds(JdbcTemplate jdbc, TransactionTemplate transactions, KeyService keys) {
        return new SealedColumn(JdbcPersonVault.PLACE,
                "select count(*) from vault.person where substring(id_sealed from 1 for 9) = ?",
                "select number, id_sealed, number from vault.person where substring(id_sealed from 1 for 9) = ? "
                        + "order by number limit ? for update skip locked",
                "update vault.person set id_sealed = ? where number = ?", jdbc, transactions, keys);
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
