package org.vigil.governance.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.governance.KeyService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key service's file implementation (DATA-15, 密评): SM4-GCM, HMAC-SM3 and SM2 with keys that survive a restart. */
class FileKeyServiceTest {

    private static final byte[] ID = "220202195005030615".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PLACE = "registry.person:42:id_number".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    /** A server and a command started together on a new folder agree on one set of keys. */
    @Test
    void data15_servicesOpeningANewFolderAtOnceShareOneSetOfKeys() throws Exception {
        Path fresh = dir.resolve("fresh");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<KeyService>> opened = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                opened.add(pool.submit(() -> FileKeyService.open(fresh)));
            }
            Set<String> macKeys = new HashSet<>();
            Set<String> dataKeys = new HashSet<>();
            for (Future<KeyService> f : opened) {
                macKeys.add(f.get().currentMacKey());
                dataKeys.add(f.get().currentDataKey());
            }
            assertThat(macKeys).hasSize(1);
            assertThat(dataKeys).hasSize(1);
        }
        finally {
            pool.shutdownNow();
        }
        try (var files = Files.list(fresh)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("mac-"))).hasSize(1);
        }
    }

    /** The ciphers a thread keeps between calls (ADR 0034) carry nothing from one value to the next. */
    @Test
    void data15_aValueThatFailsToOpenLeavesTheServiceAbleToOpenTheNext_andEverySealHasItsOwnNonce() {
        KeyService keys = FileKeyService.open(dir);
        String key = keys.currentDataKey();
        byte[] sealed = keys.encrypt(key, ID, PLACE);
        byte[] again = keys.encrypt(key, ID, PLACE);
        assertThat(again).isNotEqualTo(sealed);

        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> keys.decrypt(key, tampered, PLACE)).isInstanceOf(KeyService.TamperedException.class);
        assertThatThrownBy(() -> keys.decrypt(key, sealed, "elsewhere".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(KeyService.TamperedException.class);
        assertThat(keys.decrypt(key, sealed, PLACE)).isEqualTo(ID);
        assertThat(keys.decrypt(key, again, PLACE)).isEqualTo(ID);
        assertThat(keys.mac(keys.currentMacKey(), ID)).isEqualTo(keys.mac(keys.currentMacKey(), ID));
    }

    @Test
    void data15_sm4GcmSealsAValueThatOpensOnlyWithItsKeyAndPlace() {
        KeyService keys = FileKeyService.open(dir);
        String key = keys.currentDataKey();

        byte[] sealed = keys.encrypt(key, ID, PLACE);

        assertThat(sealed).hasSize(12 + ID.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("220202");
        assertThat(keys.decrypt(key, sealed, PLACE)).isEqualTo(ID);
        assertThat(keys.encrypt(key, ID, PLACE)).as("a fresh nonce each time").isNotEqualTo(sealed);

        byte[] flipped = sealed.clone();
        flipped[20] ^= 1;
        assertThatThrownBy(() -> keys.decrypt(key, flipped, PLACE)).isInstanceOf(KeyService.TamperedException.class);
        assertThatThrownBy(() -> keys.decrypt(key, sealed, "registry.person:43:id_number".getBytes(StandardCharsets.US_ASCII)))
                .as("moved to another record").isInstanceOf(KeyService.TamperedException.class);
        assertThatThrownBy(() -> keys.decrypt(key, java.util.Arrays.copyOf(sealed, 20), PLACE))
                .isInstanceOf(KeyService.TamperedException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> keys.decrypt("0011223344556677", sealed, PLACE))
                .isInstanceOf(KeyService.UnknownKeyException.class);
    }

    @Test
    void data15_keysSurviveARestart_andAreReadableByTheOwnerOnly() throws Exception {
        KeyService first = FileKeyService.open(dir);
        byte[] sealed = first.encrypt(first.currentDataKey(), ID, PLACE);
        byte[] mac = first.mac(first.currentMacKey(), ID);
        KeyService.Signature signature = first.sign(ID);

        KeyService again = FileKeyService.open(dir);

        assertThat(again.currentDataKey()).isEqualTo(first.currentDataKey());
        assertThat(again.decrypt(again.currentDataKey(), sealed, PLACE)).isEqualTo(ID);
        assertThat(again.mac(again.currentMacKey(), ID)).isEqualTo(mac);
        assertThat(again.verify(signature.keyId(), ID, signature.value())).isTrue();
        assertThat(again.verify(signature.keyId(), PLACE, signature.value())).isFalse();
        try (var files = Files.list(dir)) {
            files.forEach(f -> {
                try {
                    assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                            .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
                }
                catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    @Test
    void data15_hmacSm3MatchesTheStandardsTestVector() {
        // GM/T 0004 SM3 of "abc" is 66c7f0f4…; HMAC over a known key is checked against an independent
        // computation from the SM3 digest (RFC 2104 construction), so the MAC is HMAC-SM3 and nothing else
        KeyService keys = FileKeyService.open(dir);
        String keyId = keys.currentMacKey();
        byte[] key = macKeyMaterial(keyId);
        byte[] expected = hmac(key, "abc".getBytes(StandardCharsets.US_ASCII));
        assertThat(keys.mac(keyId, "abc".getBytes(StandardCharsets.US_ASCII))).isEqualTo(expected);
        assertThat(java.util.HexFormat.of().formatHex(sm3("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void data15_aFolderMadeBeforeSm4GainsADataKeyAndKeepsItsOthers() throws Exception {
        KeyService first = FileKeyService.open(dir);
        String mac = first.currentMacKey();
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (f.getFileName().toString().startsWith("sm4-")) {
                    Files.delete(f);
                }
            }
        }
        Path current = dir.resolve("current.properties");
        Files.writeString(current, Files.readString(current).replaceAll("(?m)^data=.*\\n", ""));

        KeyService again = FileKeyService.open(dir);

        assertThat(again.currentMacKey()).isEqualTo(mac);
        assertThat(again.currentDataKey()).isNotBlank();
        assertThat(again.decrypt(again.currentDataKey(), again.encrypt(again.currentDataKey(), ID, PLACE), PLACE))
                .isEqualTo(ID);
    }

    private byte[] macKeyMaterial(String keyId) {
        try {
            return java.util.HexFormat.of().parseHex(Files.readString(dir.resolve("mac-" + keyId + ".key")).strip());
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        byte[] k = java.util.Arrays.copyOf(key.length > 64 ? sm3(key) : key, 64);
        byte[] inner = new byte[64 + data.length];
        byte[] outer = new byte[64 + 32];
        for (int i = 0; i < 64; i++) {
            inner[i] = (byte) (k[i] ^ 0x36);
            outer[i] = (byte) (k[i] ^ 0x5c);
        }
        System.arraycopy(data, 0, inner, 64, data.length);
        System.arraycopy(sm3(inner), 0, outer, 64, 32);
        return sm3(outer);
    }

    private static byte[] sm3(byte[] data) {
        org.bouncycastle.crypto.digests.SM3Digest d = new org.bouncycastle.crypto.digests.SM3Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}
