package org.vigil.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import org.vigil.governance.AuditTrail;
import org.vigil.governance.KeyService;
import org.vigil.identity.Gender;
import org.vigil.identity.ResidentId;
import org.vigil.sharing.DeliveryReport;
import org.vigil.sharing.DeliveryRequest;
import org.vigil.sharing.DeliveryStatus;
import org.vigil.sharing.agreement.AgeScope;
import org.vigil.sharing.agreement.AgreementDraft;
import org.vigil.sharing.agreement.AgreementPurpose;
import org.vigil.sharing.agreement.AgreementRegister;
import org.vigil.sharing.agreement.FeedSetting;
import org.vigil.sharing.agreement.ProviderLevel;
import org.vigil.sharing.agreement.ProviderRegistration;
import org.vigil.sharing.agreement.ProviderRegistry;
import org.vigil.sharing.catalogue.FeedCatalogue;
import org.vigil.sharing.quality.GateDecision;
import org.vigil.sharing.quality.QualityGate;
import org.vigil.sharing.reading.ReadLimits;
import org.vigil.vault.PersonVault;

/**
 * A delivery's life signs are written on a thread of their own while the calling thread finishes
 * the rest, and the raw file is hashed and stored from the bytes the reader reads (ADR 0022). Still
 * a delivery is applied wholly or not at all: a COPY failing half-way, a failure on the calling
 * thread while the signs are being written, a hold by the quality gate and a fatal defect in the
 * file each leave no delivery, life sign or reject behind; the raw file is kept under the SHA-256
 * of its bytes whatever becomes of the delivery; two runs of one file at once apply it once.
 */
@SpringBootTest
@ActiveProfiles("test")
class OverlappedWriteTest {

    static final String FEED = "life.telecom";
    static final YearMonth MONTH = YearMonth.of(2026, 3);
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 5);
    /** Enough signs for the COPY to send more than one buffer of a megabyte. */
    static final int SIGNS = 25_000;

    @TempDir
    Path workspace;

    private final AuditTrail audit;
    private final PersonVault vault;
    private final KeyService keys;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ProviderTerms terms;
    private final ProviderRegistry providers;
    private final AgreementRegister agreements;
    private final Clock clock = Clock.fixed(Instant.parse("2026-04-05T02:00:00Z"), ZoneOffset.UTC);

    @Autowired
    OverlappedWriteTest(DataSource dataSource, JdbcClient jdbc, TransactionTemplate transactions, ProviderTerms terms,
            ProviderRegistry providers, AgreementRegister agreements, AuditTrail audit, PersonVault vault,
            KeyService keys) {
        this.audit = audit;
        this.vault = vault;
        this.keys = keys;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.terms = terms;
        this.providers = providers;
        this.agreements = agreements;
    }

    @AfterEach
    void noIncomingFileIsLeftBehind() throws IOException {
        Path raw = workspace.resolve("raw");
        if (Files.exists(raw)) {
            try (Stream<Path> files = Files.list(raw)) {
                assertThat(files.filter(p -> p.getFileName().toString().endsWith(".part")).toList()).isEmpty();
            }
        }
    }

    @Test
    void aCopyOfTheLifeSignsFailingHalfWayLeavesNothing_andTheFileThenApplies() throws IOException {
        String provider = provider("overlap_copy");
        Path file = proofOfLife("copy.csv", "220202", SIGNS);
        AtomicInteger buffersSent = new AtomicInteger();
        DataSource failing = failingLifeSignCopy(buffersSent);
        DeliveryStore store = new DeliveryStore(failing, JdbcClient.create(failing),
                new TransactionTemplate(new DataSourceTransactionManager(failing)), audit, vault, keys);

        assertThatThrownBy(() -> service(store, Optional.empty()).ingest(request(provider, file)))
                .hasMessageContaining("simulated failure half-way through the life signs");

        assertThat(buffersSent.get()).as("one buffer sent, the second failed").isEqualTo(2);
        assertNothingOf(provider);
        assertThat(Files.exists(storedPath(file))).as("the raw file is kept").isTrue();
        DeliveryReport again = service(healthyStore(), Optional.empty()).ingest(request(provider, file));
        assertThat(again.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(again.counts().lifeSignsWritten()).isEqualTo(SIGNS);
        assertThat(rows("sharing.life_sign", provider)).isEqualTo(SIGNS);
    }

    @Test
    void aFailureOnTheCallingThreadWhileTheSignsAreWrittenRollsThemBack() throws IOException {
        String provider = provider("overlap_gate");
        Path file = proofOfLife("gate.csv", "220203", SIGNS);
        QualityGate broken = (p, f, m, counts) -> {
            awaitTheWriterInLifeSigns();
            throw new IllegalStateException("simulated failure of the quality gate");
        };

        assertThatThrownBy(() -> service(healthyStore(), Optional.of(broken)).ingest(request(provider, file)))
                .hasMessageContaining("simulated failure of the quality gate");

        assertNothingOf(provider);
        // the abandoned write holds no lock on the delivery: the same file applies at once
        DeliveryReport again = service(healthyStore(), Optional.empty()).ingest(request(provider, file));
        assertThat(again.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(rows("sharing.life_sign", provider)).isEqualTo(SIGNS);
    }

    @Test
    void aHeldDeliveryKeepsNoneOfTheSignsWrittenAhead_andItsReleaseWritesThem() throws IOException {
        String provider = provider("overlap_hold");
        Path file = proofOfLife("hold.csv", "220204", SIGNS);
        QualityGate holding = (p, f, m, counts) -> {
            awaitTheWriterInLifeSigns();
            return GateDecision.hold(List.of("held by the test"));
        };
        IngestionService service = service(healthyStore(), Optional.of(holding));

        DeliveryReport held = service.ingest(request(provider, file));

        assertThat(held.status()).isEqualTo(DeliveryStatus.QUARANTINED);
        assertThat(rows("sharing.life_sign", provider)).isZero();
        assertThat(jdbc.sql("select status from sharing.delivery where provider = :p").param("p", provider)
                .query(String.class).list()).containsExactly("QUARANTINED");
        DeliveryReport released = service.release(held.deliveryId(), "officer", "checked by the test");
        assertThat(released.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(rows("sharing.life_sign", provider)).isEqualTo(SIGNS);
    }

    @Test
    void aFileTheReaderGivesUpOnHalfWayIsRefusedWithNothingApplied_andKeptUnderItsSha256() throws IOException {
        String provider = provider("overlap_defect");
        Path file = proofOfLife("defect.csv", "220211", SIGNS);
        // a NUL byte in the last row: the reader stops there, the store reads the file to its end
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] = 0;
        Files.write(file, bytes);

        DeliveryReport report = service(healthyStore(), Optional.empty()).ingest(request(provider, file));

        assertThat(report.status()).isEqualTo(DeliveryStatus.REFUSED);
        assertThat(report.sha256()).isEqualTo(RawFileStoreTest.sha256(file));
        assertThat(Files.readAllBytes(storedPath(file))).isEqualTo(bytes);
        assertThat(rows("sharing.life_sign", provider)).isZero();
        assertThat(rows("sharing.reject", provider)).isZero();
        assertThat(jdbc.sql("select status from sharing.delivery where provider = :p").param("p", provider)
                .query(String.class).list()).containsExactly("REFUSED");
    }

    @Test
    void aReadingThreadFailingLeavesNothing_noWriterStarts_andTheFileIsKept() throws IOException {
        String provider = provider("overlap_reader");
        Path file = proofOfLife("reader.csv", "220282", SIGNS);
        AtomicInteger blocks = new AtomicInteger();
        PersonLookup failing = new PersonLookup() {
            @Override
            public boolean contains(ResidentId id) {
                return false;
            }

            @Override
            public void indexAll(ResidentId[] ids, int[] out) {
                // on a reading thread, half-way through the file
                if (blocks.incrementAndGet() == SIGNS / SinkResult.BLOCK / 2) {
                    throw new IllegalStateException("simulated failure of a reading thread");
                }
                PersonLookup.super.indexAll(ids, out);
            }

            @Override
            public List<Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode,
                    int limit) {
                return List.of();
            }
        };
        IngestionService service = new IngestionService(FeedCatalogue.standard(), terms, () -> failing, healthyStore(),
                new RawFileStore(workspace.resolve("raw")), event -> { }, clock, 2, ReadLimits.standard(),
                Optional.empty());

        assertThatThrownBy(() -> service.ingest(request(provider, file)))
                .hasMessageContaining("simulated failure of a reading thread");

        assertNothingOf(provider);
        assertThat(Files.readAllBytes(storedPath(file))).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void theRawFileIsKeptUnderTheSha256OfItsBytes_readOnceOrHashedFirst() throws IOException {
        String provider = provider("overlap_sha");
        Path file = proofOfLife("sha.csv", "220221", 3_000);
        IngestionService service = service(healthyStore(), Optional.empty());

        DeliveryReport first = service.ingest(request(provider, file));
        // the same size as an applied delivery: hashed before reading, and found to be a repeat
        DeliveryReport second = service.ingest(request(provider, file));

        assertThat(first.status()).isEqualTo(DeliveryStatus.APPLIED);
        assertThat(second.status()).isEqualTo(DeliveryStatus.ALREADY_APPLIED);
        assertThat(first.sha256()).isEqualTo(RawFileStoreTest.sha256(file)).isEqualTo(second.sha256());
        assertThat(Files.readAllBytes(storedPath(file))).isEqualTo(Files.readAllBytes(file));
        assertThat(jdbc.sql("select sha256 from sharing.delivery where provider = :p").param("p", provider)
                .query(String.class).list()).containsExactly(first.sha256());
    }

    @Test
    void twoRunsOfOneFileAtOnceApplyItOnce() throws Exception {
        String provider = provider("overlap_race");
        Path file = proofOfLife("race.csv", "220281", SIGNS);
        IngestionService service = service(healthyStore(), Optional.empty());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DeliveryReport> a = pool.submit(() -> service.ingest(request(provider, file)));
            Future<DeliveryReport> b = pool.submit(() -> service.ingest(request(provider, file)));
            List<DeliveryStatus> statuses = List.of(a.get().status(), b.get().status());

            assertThat(statuses).containsExactlyInAnyOrder(DeliveryStatus.APPLIED, DeliveryStatus.ALREADY_APPLIED);
            assertThat(rows("sharing.life_sign", provider)).isEqualTo(SIGNS);
            assertThat(jdbc.sql("select count(*) from sharing.delivery where provider = :p").param("p", provider)
                    .query(Long.class).single()).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits until another session holds the lock a COPY into {@code sharing.life_sign} takes, which
     * it keeps until its transaction ends: the writer is then writing the signs, or has written them.
     */
    private void awaitTheWriterInLifeSigns() {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (jdbc.sql("""
                select count(*) from pg_locks
                 where relation = 'sharing.life_sign'::regclass and mode = 'RowExclusiveLock' and granted
                   and pid <> pg_backend_pid()""").query(Long.class).single() == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the writer never started on the life signs");
            }
            Thread.onSpinWait();
        }
    }

    private void assertNothingOf(String provider) {
        assertThat(jdbc.sql("select count(*) from sharing.delivery where provider = :p").param("p", provider)
                .query(Long.class).single()).as("no delivery row").isZero();
        assertThat(rows("sharing.life_sign", provider)).as("no life sign").isZero();
        assertThat(rows("sharing.reject", provider)).as("no reject").isZero();
    }

    /** Rows of the provider's deliveries; life signs by their delivery, whatever its status. */
    private long rows(String table, String provider) {
        String sql = switch (table) {
            case "sharing.life_sign" -> "select count(*) from sharing.life_sign t join sharing.delivery d on d.id = t.delivery_id where d.provider = ?";
            case "sharing.reject" -> "select count(*) from sharing.reject t join sharing.delivery d on d.id = t.delivery_id where d.provider = ?";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.sql(sql).param(provider).query(Long.class).single();
    }

    private String provider(String code) {
        providers.register(new ProviderRegistration(code, "测试运营商", ProviderLevel.CITY, "220200"));
        providers.configureFeed(code, new FeedSetting(FEED, AgeScope.EVERYONE, Map.of()));
        agreements.record(new AgreementDraft("AGR-" + code, code, "社保局", LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of(FEED),
                EnumSet.of(AgreementPurpose.ELIGIBILITY_CERTIFICATION)));
        return code;
    }

    /**
     * A telecom operator's month: one row per person, so every row is a life sign of its own. Each
     * test has persons of its own (a region of its own): a sign is one per person, feed and month,
     * whichever provider delivered it.
     */
    private Path proofOfLife(String name, String region, int persons) throws IOException {
        StringBuilder out = new StringBuilder("机主姓名,证件号码,手机号码,最近通话时间\r\n");
        for (int i = 0; i < persons; i++) {
            String first17 = region + LocalDate.of(1940, 1, 1).plusDays(i / 900).toString().replace("-", "")
                    + String.format("%03d", i % 900);
            out.append("王秀英,").append(first17).append(ResidentId.checkDigit(first17)).append(',')
                    .append(13900000000L + i).append(",2026-03-").append(String.format("%02d", 1 + i % 28))
                    .append(" 09:30:00\r\n");
        }
        Path file = workspace.resolve(name);
        Files.writeString(file, out, StandardCharsets.UTF_8);
        return file;
    }

    private DeliveryRequest request(String provider, Path file) {
        return new DeliveryRequest(provider, FEED, file, file.getFileName().toString(), MONTH, AS_OF);
    }

    private Path storedPath(Path file) {
        return new RawFileStore(workspace.resolve("raw")).pathOf(RawFileStoreTest.sha256(file));
    }

    private DeliveryStore healthyStore() {
        return new DeliveryStore(dataSource, jdbc, transactions, audit, vault, keys);
    }

    private IngestionService service(DeliveryStore store, Optional<QualityGate> gate) {
        PersonLookup nobody = new PersonLookup() {
            @Override
            public boolean contains(ResidentId id) {
                return false;
            }

            @Override
            public List<Candidate> candidates(String name, Gender gender, LocalDate birthDate, String regionCode,
                    int limit) {
                return List.of();
            }
        };
        return new IngestionService(FeedCatalogue.standard(), terms, () -> nobody, store,
                new RawFileStore(workspace.resolve("raw")), event -> { }, clock, 2, ReadLimits.standard(), gate);
    }

    /**
     * The application's data source, except that the COPY into {@code sharing.life_sign} fails on
     * its second buffer, once the server has the first: a connection lost half-way, as it were.
     */
    private DataSource failingLifeSignCopy(AtomicInteger buffersSent) {
        return proxy(DataSource.class, dataSource, (method, args, result) -> method.getName().equals("getConnection")
                ? proxy(Connection.class, (Connection) result, (m, a, r) -> m.getName().equals("unwrap")
                        && a[0] == PGConnection.class ? copyFailing((Connection) result, (PGConnection) r, buffersSent) : r)
                : result);
    }

    private PGConnection copyFailing(Connection connection, PGConnection pg, AtomicInteger buffersSent) {
        return proxy(PGConnection.class, pg, (method, args, result) -> {
            if (!method.getName().equals("getCopyAPI")) {
                return result;
            }
            return new CopyManager(connection.unwrap(BaseConnection.class)) {
                @Override
                public CopyIn copyIn(String sql) throws SQLException {
                    CopyIn copy = super.copyIn(sql);
                    if (!sql.contains("life_sign")) {
                        return copy;
                    }
                    return proxy(CopyIn.class, copy, (m, a, r) -> r, (m, a) -> {
                        if (m.getName().equals("writeToCopy") && buffersSent.getAndIncrement() == 1) {
                            throw new SQLException("simulated failure half-way through the life signs' COPY");
                        }
                    });
                }
            };
        });
    }

    /** What a proxy makes of a call's result. */
    private interface After {
        Object apply(Method method, Object[] args, Object result) throws Exception;
    }

    /** What a proxy does before a call. */
    private interface Before {
        void accept(Method method, Object[] args) throws Exception;
    }

    private static <T> T proxy(Class<T> type, T target, After after) {
        return proxy(type, target, after, (m, a) -> { });
    }

    private static <T> T proxy(Class<T> type, T target, After after, Before before) {
        return type.cast(Proxy.newProxyInstance(OverlappedWriteTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    before.accept(method, args);
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method, args, result);
                }));
    }
}
