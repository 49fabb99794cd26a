package org.vigil.sharing.agreement;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The signed scan is kept by its SHA-256 (SHARE-2), written whole or not at all. */
class ScanStoreTest {

    @TempDir
    Path root;

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void share2_aScanIsStoredUnderItsSha256() throws Exception {
        byte[] bytes = pdf("协议 JL-1");
        ScanStore.Stored stored = new ScanStore(root, 1 << 20).store(new ByteArrayInputStream(bytes));

        String hash = sha256(bytes);
        assertThat(stored.sha256()).isEqualTo(hash);
        assertThat(stored.bytes()).isEqualTo(bytes.length);
        assertThat(stored.format()).isEqualTo(ScanFormat.PDF);
        Path file = root.resolve(hash.substring(0, 2)).resolve(hash);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(new ScanStore(root, 1 << 20).find(hash)).contains(file);
    }

    @Test
    void share2_theSameBytesTwiceAreOneFile() throws Exception {
        ScanStore store = new ScanStore(root, 1 << 20);
        byte[] bytes = pdf("same");
        String first = store.store(new ByteArrayInputStream(bytes)).sha256();
        String second = store.store(new ByteArrayInputStream(bytes.clone())).sha256();
        String other = store.store(new ByteArrayInputStream(pdf("other"))).sha256();

        assertThat(second).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(files()).hasSize(2).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void imagesAreAcceptedByTheirSignature() {
        ScanStore store = new ScanStore(root, 1 << 20);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10};
        byte[] tiff = {'I', 'I', 0x2A, 0, 8, 0, 0, 0};
        assertThat(store.store(new ByteArrayInputStream(png)).format()).isEqualTo(ScanFormat.PNG);
        assertThat(store.store(new ByteArrayInputStream(jpeg)).format()).isEqualTo(ScanFormat.JPEG);
        assertThat(store.store(new ByteArrayInputStream(tiff)).format()).isEqualTo(ScanFormat.TIFF);
    }

    @Test
    void aFileThatIsNotAPdfOrImageIsRefusedAndNothingIsLeft() throws IOException {
        ScanStore store = new ScanStore(root, 1 << 20);
        byte[] zip = {'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3};
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(zip)))
                .isInstanceOfSatisfying(RegisterException.class, e -> {
                    assertThat(e.has(RegisterProblem.SCAN_FORMAT)).isTrue();
                    assertThat(e.violations().get(0).detail()).contains("504b0304");
                });
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.SCAN_EMPTY)).isTrue());
        assertThat(files()).isEmpty();
    }

    @Test
    void aScanLargerThanTheLimitIsRefusedAndNothingIsLeft() throws IOException {
        ScanStore store = new ScanStore(root, 100);
        byte[] big = pdf("x".repeat(200));
        assertThatThrownBy(() -> store.store(new ByteArrayInputStream(big)))
                .isInstanceOfSatisfying(RegisterException.class, e -> assertThat(e.has(RegisterProblem.SCAN_TOO_LARGE)).isTrue());
        assertThat(files()).isEmpty();
        // exactly at the limit is fine
        byte[] exact = new byte[100];
        System.arraycopy(pdf(""), 0, exact, 0, 9);
        assertThat(store.store(new ByteArrayInputStream(exact)).bytes()).isEqualTo(100);
    }

    @Test
    void aHashThatIsNotOneIsNeverLookedUp() {
        assertThat(new ScanStore(root, 100).find("../../etc/passwd")).isEmpty();
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
