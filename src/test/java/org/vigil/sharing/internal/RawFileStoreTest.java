package org.vigil.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.identity.BadInputException;
import org.vigil.sharing.reading.DeliveryFiles;
import org.vigil.sharing.reading.ReadLimits;
import org.vigil.sharing.reading.RowSink;
import org.vigil.sharing.reading.TableSource;

/**
 * The raw-file store keeps a delivered file byte for byte under its SHA-256, also when it hashes
 * and copies the file from the reader's bytes while two threads parse it: the hash is the file's,
 * whether the reader read all of it, skipped its byte-order mark or stopped at a defect half-way.
 */
class RawFileStoreTest {

    @TempDir
    Path dir;

    @Test
    void storingAtOnceKeepsTheBytesUnderTheirSha256() throws IOException {
        Path file = write("once.csv", csv(1_000, false).getBytes(StandardCharsets.UTF_8));
        RawFileStore store = new RawFileStore(dir.resolve("raw"));

        RawFileStore.StoredFile stored = store.store(file);

        assertThat(stored.sha256()).isEqualTo(sha256(file));
        assertThat(stored.size()).isEqualTo(Files.size(file));
        assertThat(stored.path()).isEqualTo(store.pathOf(stored.sha256()));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(Files.readAllBytes(file));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void theHashTakenWhileTwoThreadsReadIsTheFilesSha256() throws IOException {
        // several blocks of the reader, so both threads take some and the tap sees them in file order
        Path file = write("large.csv", csv(250_000, false).getBytes(StandardCharsets.UTF_8));
        assertThat(Files.size(file)).isGreaterThan(3L * (4 << 20));
        RawFileStore store = new RawFileStore(dir.resolve("raw"));

        RawFileStore.StoredFile stored;
        AtomicLong rows = new AtomicLong();
        try (RawFileStore.Incoming incoming = store.begin(file)) {
            try (TableSource source = DeliveryFiles.open(file, "large.csv", ReadLimits.standard(), incoming)) {
                source.read(2, () -> row -> rows.incrementAndGet());
            }
            assertThat(incoming.received()).as("the reader showed every byte").isEqualTo(Files.size(file));
            stored = incoming.complete();
        }

        assertThat(rows.get()).isEqualTo(250_000);
        assertThat(stored.sha256()).isEqualTo(sha256(file));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(Files.readAllBytes(file));
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aByteOrderMarkTheReaderSkipsIsStoredAndHashedToo() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = csv(2_000, false).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(text, 0, bytes, bom.length, text.length);
        Path file = write("bom.csv", bytes);
        RawFileStore store = new RawFileStore(dir.resolve("raw"));

        RawFileStore.StoredFile stored;
        try (RawFileStore.Incoming incoming = store.begin(file)) {
            try (TableSource source = DeliveryFiles.open(file, "bom.csv", ReadLimits.standard(), incoming)) {
                source.read(2, () -> row -> { });
            }
            stored = incoming.complete();
        }

        assertThat(stored.sha256()).isEqualTo(sha256(file));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(bytes);
    }

    @Test
    void whenReadingStopsAtADefectTheRestIsReadForTheHash() throws IOException {
        // a NUL byte about 9 MB in: the reader stops there, the store reads on to the end
        String good = csv(150_000, false);
        String bad = "李四,2202021950010100" + "\0" + "1,13900000000,2026-03-02 08:00:00\r\n";
        String rest = csv(60_000, true);
        Path file = write("defect.csv", (good + bad + rest).getBytes(StandardCharsets.UTF_8));
        RawFileStore store = new RawFileStore(dir.resolve("raw"));

        RawFileStore.StoredFile stored;
        try (RawFileStore.Incoming incoming = store.begin(file)) {
            try (TableSource source = DeliveryFiles.open(file, "defect.csv", ReadLimits.standard(), incoming)) {
                assertThatThrownBy(() -> source.read(2, () -> row -> { })).isInstanceOf(BadInputException.class);
            }
            assertThat(incoming.received()).as("the reader stopped early").isLessThan(Files.size(file));
            stored = incoming.complete();
        }

        assertThat(stored.sha256()).isEqualTo(sha256(file));
        assertThat(stored.size()).isEqualTo(Files.size(file));
        assertThat(Files.readAllBytes(stored.path())).isEqualTo(Files.readAllBytes(file));
    }

    @Test
    void aFailingSinkStopsTheReadingAndTheFileIsStillStoredWhole() throws IOException {
        Path file = write("sink.csv", csv(200_000, false).getBytes(StandardCharsets.UTF_8));
        RawFileStore store = new RawFileStore(dir.resolve("raw"));

        RawFileStore.StoredFile stored;
        try (RawFileStore.Incoming incoming = store.begin(file)) {
            try (TableSource source = DeliveryFiles.open(file, "sink.csv", ReadLimits.standard(), incoming)) {
                AtomicLong seen = new AtomicLong();
                RowSink failing = row -> {
                    if (seen.incrementAndGet() == 10_000) {
                        throw new IllegalStateException("simulated failure of a reading thread");
                    }
                };
                assertThatThrownBy(() -> source.read(2, () -> failing)).hasMessageContaining("simulated failure");
            }
            stored = incoming.complete();
        }

        assertThat(stored.sha256()).isEqualTo(sha256(file));
    }

    @Test
    void anIncompleteFileIsGivenUpWithoutATrace() throws IOException {
        Path file = write("given-up.csv", csv(1_000, false).getBytes(StandardCharsets.UTF_8));
        RawFileStore store = new RawFileStore(dir.resolve("raw"));

        try (RawFileStore.Incoming incoming = store.begin(file)) {
            byte[] start = new byte[100];
            System.arraycopy(Files.readAllBytes(file), 0, start, 0, start.length);
            incoming.bytes(0, start, 0, start.length);
        }

        assertThat(leftovers()).isEmpty();
        assertThat(Files.exists(store.pathOf(sha256(file)))).isFalse();
    }

    /** A proof-of-life CSV of {@code rows} rows (about 60 bytes each), without a header when {@code tail}. */
    static String csv(int rows, boolean tail) {
        StringBuilder out = new StringBuilder(rows * 62);
        if (!tail) {
            out.append("机主姓名,证件号码,手机号码,最近通话时间\r\n");
        }
        for (int i = 0; i < rows; i++) {
            out.append("王秀英").append(',').append(220202195001010000L + i % 997).append(',')
                    .append(13900000000L + i).append(',').append("2026-03-").append(String.format("%02d", 1 + i % 28))
                    .append(" 10:").append(String.format("%02d", i % 60)).append(":00\r\n");
        }
        return out.toString();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private List<Path> leftovers() throws IOException {
        Path raw = dir.resolve("raw");
        if (!Files.exists(raw)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(raw)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
