package org.vigil.vault.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.KeyService;
import org.vigil.governance.SealedValues;
import org.vigil.identity.IdKeys;
import org.vigil.runtime.BinaryCopyWriter;
import org.vigil.vault.PersonVault;

/**
 * The vault in PostgreSQL with this process's map in front of it. New ID numbers are recorded in
 * a transaction of their own, committed before their numbers are handed out: a caller that then
 * fails leaves a recorded ID and no number that points nowhere, and a number this process has
 * mapped is always in the table.
 *
 * <p>Two processes recording the same new ID at once both try to index it; the index's primary
 * key lets one win, and the other takes the winner's number (the person row follows its index row
 * in the same transaction).
 */
final class JdbcPersonVault implements PersonVault {

    /** Where the sealed ID numbers live: part of each value's associated data. */
    static final String PLACE = "vault.person.id_sealed";
    private static final byte[] INDEX_LABEL = "vault.id:".getBytes(StandardCharsets.US_ASCII);
    private static final int CHUNK = 50_000;
    /** Below this many new IDs a block is sealed on the calling thread: forking would cost more. */
    private static final int PARALLEL_FROM = 1_024;
    /** Rows fetched and opened together by a preload. */
    private static final int PRELOAD_BLOCK = 32_768;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final KeyService keys;
    private final SealedValues sealed;
    private final NumberMap map = new NumberMap();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Whether every ID the vault held was opened into the map: a miss is then most likely a new ID. */
    private volatile boolean preloaded;
    private volatile String sequence;

    JdbcPersonVault(JdbcTemplate jdbc, PlatformTransactionManager transactions, KeyService keys) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.keys = keys;
        this.sealed = new SealedValues(keys);
    }

    @Override
    public void numbersOf(long[] idKeys, int count, long[] out) {
        if (out.length < count || idKeys.length < count) {
            throw new IllegalArgumentException("room for " + out.length + " numbers, asked for " + count);
        }
        long[] missing = new long[16];
        int misses = 0;
        lock.readLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                long k = idKeys[i];
                long n = k == 0 ? 0 : map.number(k);
                out[i] = n;
                if (n == 0 && k != 0) {
                    if (misses == missing.length) {
                        missing = Arrays.copyOf(missing, misses * 2);
                    }
                    missing[misses++] = k;
                }
            }
        }
        finally {
            lock.readLock().unlock();
        }
        if (misses == 0) {
            return;
        }
        long[] distinct = Arrays.stream(missing, 0, misses).sorted().distinct().toArray();
        for (int from = 0; from < distinct.length; from += CHUNK) {
            resolve(Arrays.copyOfRange(distinct, from, Math.min(distinct.length, from + CHUNK)), true);
        }
        lock.readLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                if (out[i] == 0 && idKeys[i] != 0) {
                    out[i] = map.number(idKeys[i]);
                }
            }
        }
        finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public long numberOf(long idKey) {
        long[] out = new long[1];
        numbersOf(new long[] {requireKey(idKey)}, 1, out);
        return out[0];
    }

    @Override
    public Optional<Long> find(long idKey) {
        requireKey(idKey);
        long n = cached(idKey);
        if (n == 0) {
            resolve(new long[] {idKey}, false);
            n = cached(idKey);
        }
        return n == 0 ? Optional.empty() : Optional.of(n);
    }

    @Override
    public void idKeysOf(long[] numbers, int count, long[] out) {
        if (out.length < count || numbers.length < count) {
            throw new IllegalArgumentException("room for " + out.length + " ID keys, asked for " + count);
        }
        List<Long> missing = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                out[i] = map.idKey(numbers[i]);
                if (out[i] == 0) {
                    missing.add(numbers[i]);
                }
            }
        }
        finally {
            lock.readLock().unlock();
        }
        if (missing.isEmpty()) {
            return;
        }
        long[] distinct = missing.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
        for (int from = 0; from < distinct.length; from += CHUNK) {
            open(Arrays.copyOfRange(distinct, from, Math.min(distinct.length, from + CHUNK)));
        }
        lock.readLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                if (out[i] == 0) {
                    out[i] = map.idKey(numbers[i]);
                    if (out[i] == 0) {
                        throw new UnknownPersonException(numbers[i]);
                    }
                }
            }
        }
        finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public String idNumber(long number) {
        long[] out = new long[1];
        idKeysOf(new long[] {number}, 1, out);
        return IdKeys.unpack(out[0]);
    }

    @Override
    public void preload() {
        // streamed in blocks, each opened on every core outside the lock: a million values are a
        // million SM4-GCM opens, and lookups go on meanwhile
        long[] numbers = new long[PRELOAD_BLOCK];
        byte[][] values = new byte[PRELOAD_BLOCK][];
        int[] filled = {0};
        ownTransaction.executeWithoutResult(t -> {
            JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
            streaming.setFetchSize(PRELOAD_BLOCK);
            streaming.query("select number, id_sealed from vault.person", rs -> {
                numbers[filled[0]] = rs.getLong(1);
                values[filled[0]++] = rs.getBytes(2);
                if (filled[0] == PRELOAD_BLOCK) {
                    openInto(numbers, values, filled[0]);
                    filled[0] = 0;
                }
            });
        });
        openInto(numbers, values, filled[0]);
        preloaded = true;
    }

    private void openInto(long[] numbers, byte[][] values, int count) {
        long[] idKeys = new long[count];
        IntStream.range(0, count).parallel().forEach(i -> idKeys[i] = keyOf(sealed.open(PLACE, numbers[i], values[i])));
        lock.writeLock().lock();
        try {
            for (int i = 0; i < count; i++) {
                map.put(idKeys[i], numbers[i]);
            }
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** How many persons this process has mapped. */
    int mapped() {
        lock.readLock().lock();
        try {
            return map.size();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    private long cached(long idKey) {
        lock.readLock().lock();
        try {
            return map.number(idKey);
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** Finds the keys in the index under every MAC key it uses; records those not found when asked to. */
    private void resolve(long[] idKeys, boolean record) {
        Map<Long, Long> found = new HashMap<>();
        String current = keys.currentMacKey();
        List<String> macKeys = new ArrayList<>();
        macKeys.add(current);
        // the MAC keys the index uses, each found by one index probe (a loose scan of the primary key),
        // not by reading the whole index: it is walked on every miss
        jdbc.queryForList("""
                        with recursive used (mac_key) as (
                            select min(mac_key) from vault.id_index
                            union all
                            select (select min(i.mac_key) from vault.id_index i where i.mac_key > used.mac_key)
                              from used where used.mac_key is not null)
                        select mac_key from used where mac_key is not null and mac_key <> ?""", String.class, current)
                .stream().filter(keys::holds).forEach(macKeys::add);
        long[] left = idKeys;
        // after a preload a miss is a new ID, and recording finds the few another process added
        // meanwhile; not during a MAC rotation, when an ID may be indexed under the old key only
        boolean straightToRecord = record && preloaded && macKeys.size() == 1;
        for (String macKey : straightToRecord ? List.<String>of() : macKeys) {
            if (left.length == 0) {
                break;
            }
            lookUp(macKey, left, found);
            left = Arrays.stream(left).filter(k -> !found.containsKey(k)).toArray();
        }
        if (record && left.length > 0) {
            long[] toRecord = left;
            ownTransaction.executeWithoutResult(t -> found.putAll(record(current, toRecord)));
        }
        lock.writeLock().lock();
        try {
            found.forEach((k, n) -> map.put(k, n));
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** Records new ID keys: their index rows first, and a sealed ID for each index row that was new. */
    private Map<Long, Long> record(String macKey, long[] idKeys) {
        int n = idKeys.length;
        if (sequence == null) {
            sequence = jdbc.queryForObject("select pg_get_serial_sequence('vault.person', 'number')", String.class);
        }
        // the sequence named once as a regclass constant: resolving it per row cost more than the row
        Long[] numbers = jdbc.queryForList("select nextval(cast(? as regclass)) from generate_series(1, ?)",
                Long.class, sequence, n).toArray(Long[]::new);
        byte[][] digests = new byte[n][];
        byte[][] sealedIds = new byte[n][];
        // the keyed work of a block spread over the cores: each ID costs an HMAC and a seal, the
        // database's part is one COPY and one statement for the whole block
        IntStream range = IntStream.range(0, n);
        (n >= PARALLEL_FROM ? range.parallel() : range).forEach(i -> {
            digests[i] = digest(macKey, idKeys[i]);
            sealedIds[i] = sealed.seal(PLACE, numbers[i], IdKeys.unpack(idKeys[i]));
        });
        Map<Long, Long> recorded = new HashMap<>();
        Map<Long, Integer> position = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            position.put(numbers[i], i);
        }
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create temporary table if not exists vault_new (digest bytea not null, number bigint not null,
                            id_sealed bytea not null) on commit delete rows""");
            }
            try (BinaryCopyWriter out = BinaryCopyWriter.open(c,
                    "copy vault_new (digest, number, id_sealed) from stdin with (format binary)")) {
                for (int i = 0; i < n; i++) {
                    out.row(3).bytea(digests[i]).int8(numbers[i]).bytea(sealedIds[i]);
                }
                out.finish();
            }
            // an ID another process indexed first keeps that process's number: its row here is dropped
            try (PreparedStatement s = c.prepareStatement("""
                    with won as (
                        insert into vault.id_index (mac_key, digest, number)
                        select ?, digest, number from vault_new
                        on conflict (mac_key, digest) do nothing
                        returning number)
                    insert into vault.person (number, id_sealed)
                    select n.number, n.id_sealed from vault_new n join won on won.number = n.number
                    returning number""")) {
                s.setString(1, macKey);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long number = rs.getLong(1);
                        recorded.put(idKeys[position.get(number)], number);
                    }
                }
            }
            return null;
        });
        if (recorded.size() < n) {
            // another process recorded some of them first: take its numbers
            long[] lost = Arrays.stream(idKeys).filter(k -> !recorded.containsKey(k)).toArray();
            lookUp(macKey, lost, recorded);
        }
        return recorded;
    }

    /** Puts the number of every key the index holds under that MAC key into {@code found}. */
    private void lookUp(String macKey, long[] idKeys, Map<Long, Long> found) {
        Map<ByteBuffer, Long> byDigest = digests(macKey, idKeys);
        byte[][] asked = byDigest.keySet().stream().map(ByteBuffer::array).toArray(byte[][]::new);
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select digest, number from vault.id_index where mac_key = ? and digest = any(?)")) {
                s.setString(1, macKey);
                s.setArray(2, c.createArrayOf("bytea", asked));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(byDigest.get(ByteBuffer.wrap(rs.getBytes(1))), rs.getLong(2));
                    }
                }
            }
            return null;
        });
    }

    /** Opens the sealed IDs of person numbers this process has not mapped yet. */
    private void open(long[] numbers) {
        Long[] asked = Arrays.stream(numbers).boxed().toArray(Long[]::new);
        List<long[]> opened = new ArrayList<>();
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "select number, id_sealed from vault.person where number = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", asked));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long number = rs.getLong(1);
                        opened.add(new long[] {number, keyOf(sealed.open(PLACE, number, rs.getBytes(2)))});
                    }
                }
            }
            return null;
        });
        lock.writeLock().lock();
        try {
            for (long[] o : opened) {
                map.put(o[1], o[0]);
            }
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    private Map<ByteBuffer, Long> digests(String macKey, long[] idKeys) {
        Map<ByteBuffer, Long> byDigest = new HashMap<>(idKeys.length * 2);
        for (long k : idKeys) {
            byDigest.put(ByteBuffer.wrap(digest(macKey, k)), k);
        }
        return byDigest;
    }

    /** The blind index of an ID under a MAC key. */
    byte[] digest(String macKey, long idKey) {
        byte[] input = new byte[INDEX_LABEL.length + IdKeys.LENGTH];
        System.arraycopy(INDEX_LABEL, 0, input, 0, INDEX_LABEL.length);
        IdKeys.writeAscii(idKey, input, INDEX_LABEL.length);
        return keys.mac(macKey, input);
    }

    private static long keyOf(String idNumber) {
        long k = IdKeys.ofAscii(idNumber.getBytes(StandardCharsets.US_ASCII), 0);
        if (k == 0 || idNumber.length() != IdKeys.LENGTH) {
            throw new IllegalStateException("the vault holds a sealed value that is not an ID number");
        }
        return k;
    }

    private static long requireKey(long idKey) {
        if (idKey <= 0) {
            throw new IllegalArgumentException("not an ID key: " + idKey);
        }
        return idKey;
    }
}
