package org.vigil.certification.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.Resealable;
import org.vigil.runtime.DataScope;

/**
 * The own queries' proxies in a key rotation (ADR 0031, ADR 0035): each row names the MAC key of its
 * blind index and the data key of its sealed ID number and name, so a row under an old key of
 * either kind is opened, sealed and indexed again under the current keys. The application may
 * change only these columns of an own query (afterMigrate): the record of what was shown to whom
 * stays as it was written.
 */
final class OwnQueryKeys implements Resealable {

    private static final Logger log = LoggerFactory.getLogger(OwnQueryKeys.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KeyService keys;

    OwnQueryKeys(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.keys = keys;
    }

    @Override
    public String name() {
        return "certification.own_query (proxy)";
    }

    @Override
    public long countUnder(String keyId) {
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            Long n = transactions.execute(t -> jdbc.queryForObject(
                    "select count(*) from certification.own_query where ? in (index_key, data_key)", Long.class, keyId));
            return n == null ? 0 : n;
        }
    }

    @Override
    public int reseal(String keyId, int limit) {
        String macKey = keys.currentMacKey();
        String dataKey = keys.currentDataKey();
        try (DataScope.Binding b = DataScope.bind(DataScope.system())) {
            Integer moved = transactions.execute(t -> {
                List<Object[]> rows = jdbc.query("""
                        select id, proxy_id_sealed, proxy_name_sealed, data_key from certification.own_query
                         where ? in (index_key, data_key) order by id limit ? for update skip locked""",
                        (rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2), rs.getBytes(3), rs.getString(4)},
                        keyId, limit);
                List<Object[]> updates = new ArrayList<>();
                for (Object[] r : rows) {
                    long id = (Long) r[0];
                    try {
                        byte[] proxyId = keys.decrypt((String) r[3], (byte[]) r[1], JdbcOwnQueries.place(id, "proxy-id"));
                        byte[] proxyName = keys.decrypt((String) r[3], (byte[]) r[2],
                                JdbcOwnQueries.place(id, "proxy-name"));
                        byte[] index = keys.mac(macKey, ("own-query-proxy:" + new String(proxyId, StandardCharsets.US_ASCII))
                                .getBytes(StandardCharsets.UTF_8));
                        updates.add(new Object[] {index, keys.encrypt(dataKey, proxyId, JdbcOwnQueries.place(id, "proxy-id")),
                                keys.encrypt(dataKey, proxyName, JdbcOwnQueries.place(id, "proxy-name")), macKey, dataKey,
                                id});
                    }
                    catch (KeyService.TamperedException e) {
                        // left under the old key, so the key cannot be retired while the incident is open
                        log.warn("The proxy of own query {} does not open: it was changed outside Vigil", id);
                    }
                }
                jdbc.batchUpdate("""
                        update certification.own_query
                           set proxy_index = ?, proxy_id_sealed = ?, proxy_name_sealed = ?, index_key = ?, data_key = ?
                         where id = ?""", updates);
                return updates.size();
            });
            return moved == null ? 0 : moved;
        }
    }
}
