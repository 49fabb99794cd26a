package org.vigil.governance.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.vigil.governance.KeyCustody;
import org.vigil.governance.KeyService;

/**
 * Keys kept as files in one folder, readable by the service's user only. A MAC key is 32 random
 * bytes, an SM4 key 16; an SM2 key is its private scalar and public point. The first start makes one of each.
 * Old keys stay in the folder so that what they protected can still be checked; a key's id is
 * the start of the SM3 digest of its public part (the MAC key's: of the key itself), so an id
 * never names two keys.
 *
 * <p>A file is the weakest place a key can be; ADR 0021 says what a site that must pass 密评
 * puts here instead.
 */
final class FileKeyService implements KeyService, KeyCustody {

    private static final X9ECParameters SM2_CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters SM2 = new ECDomainParameters(SM2_CURVE.getCurve(), SM2_CURVE.getG(),
            SM2_CURVE.getN(), SM2_CURVE.getH());
    private static final HexFormat HEX = HexFormat.of();

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /** How often, at most, a process looks whether another one rotated the keys. */
    private static final long RELOAD_CHECK_NANOS = 2_000_000_000L;

    private final Path dir;
    // Replaced whole when another process (or this one) rotates or destroys a key, so a reader sees
    // one folder's state and never half of two.
    private volatile Held held;
    private volatile long checkedAt;
    private final String currentSigning;
    private final ECPrivateKeyParameters signingKey;
    private final SecureRandom random;
    // A cipher or MAC keeps its key set up between calls on a thread: setting a key up cost more than
    // sealing or indexing an 18-byte value with it (KeyServiceBench, ADR 0034).
    private final ThreadLocal<Map<String, GCMModeCipher>> sealers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<String, GCMModeCipher>> openers = ThreadLocal.withInitial(HashMap::new);
    private final ThreadLocal<Map<String, HMac>> macs = ThreadLocal.withInitial(HashMap::new);

    private FileKeyService(Path dir, SecureRandom random) throws IOException {
        this.random = random;
        this.dir = dir;
        Files.createDirectories(dir);
        Properties p;
        // a file lock is held per process, so the threads of one process queue on the class first
        synchronized (FileKeyService.class) {
            p = prepare(dir, dir.resolve("current.properties"));
        }
        ECPrivateKeyParameters signing = null;
        Held first = read(p);
        for (Map.Entry<String, Properties> e : signingFiles().entrySet()) {
            Properties k = e.getValue();
            if (e.getKey().equals(p.getProperty("sign")) && k.getProperty("d") != null) {
                signing = new ECPrivateKeyParameters(new BigInteger(k.getProperty("d"), 16), SM2);
            }
        }
        this.held = first;
        this.checkedAt = System.nanoTime();
        this.currentSigning = require(p, "sign", signing != null, dir);
        this.signingKey = signing;
    }

    /** The keys as the folder holds them now, with the current ones as its current.properties names. */
    private Held read(Properties p) throws IOException {
        Map<String, byte[]> macKeys = new HashMap<>();
        Map<String, byte[]> dataKeys = new HashMap<>();
        Map<String, ECPublicKeyParameters> publicKeys = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith("mac-") && name.endsWith(".key")) {
                    byte[] key = HEX.parseHex(Files.readString(f, StandardCharsets.US_ASCII).strip());
                    macKeys.put(id(key), key);
                }
                else if (name.startsWith("sm4-") && name.endsWith(".key")) {
                    byte[] key = HEX.parseHex(Files.readString(f, StandardCharsets.US_ASCII).strip());
                    dataKeys.put(id(key), key);
                }
            }
        }
        for (Map.Entry<String, Properties> e : signingFiles().entrySet()) {
            byte[] q = HEX.parseHex(e.getValue().getProperty("q"));
            publicKeys.put(e.getKey(), new ECPublicKeyParameters(SM2.getCurve().decodePoint(q), SM2));
        }
        String mac = require(p, "mac", macKeys.containsKey(p.getProperty("mac")), dir);
        String data = require(p, "data", dataKeys.containsKey(p.getProperty("data")), dir);
        return new Held(Map.copyOf(macKeys), Map.copyOf(dataKeys), Map.copyOf(publicKeys), mac, data,
                Files.getLastModifiedTime(dir.resolve("current.properties")).toMillis());
    }

    /** The SM2 key files by key id. */
    private Map<String, Properties> signingFiles() throws IOException {
        Map<String, Properties> keys = new HashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith("sm2-") && name.endsWith(".key")) {
                    Properties k = new Properties();
                    try (var in = Files.newBufferedReader(f, StandardCharsets.US_ASCII)) {
                        k.load(in);
                    }
                    keys.put(id(HEX.parseHex(k.getProperty("q"))), k);
                }
            }
        }
        return keys;
    }

    /** The folder's keys at one moment. */
    private record Held(Map<String, byte[]> macKeys, Map<String, byte[]> dataKeys,
            Map<String, ECPublicKeyParameters> publicKeys, String currentMac, String currentData, long stamp) {
    }

    /**
     * Reads the folder again when its current.properties changed: a rotation made by another
     * process (a command beside the server) reaches this one within seconds, without a restart.
     */
    private Held state() {
        long now = System.nanoTime();
        if (now - checkedAt > RELOAD_CHECK_NANOS) {
            checkedAt = now;
            try {
                if (Files.getLastModifiedTime(dir.resolve("current.properties")).toMillis() != held.stamp()) {
                    reload();
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not read the key folder " + dir + ": " + e.getMessage(), e);
            }
        }
        return held;
    }

    /** Reads the folder now, under its lock. */
    private void reload() {
        synchronized (FileKeyService.class) {
            try (FileChannel channel = lockFile(dir.resolve("keys.lock")); FileLock lock = channel.lock()) {
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(dir.resolve("current.properties"), StandardCharsets.US_ASCII)) {
                    p.load(in);
                }
                held = read(p);
                checkedAt = System.nanoTime();
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not read the key folder " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    /** A key this process does not know may be one another process made since: look once more. */
    private byte[] key(boolean mac, String keyId) {
        Map<String, byte[]> keys = mac ? state().macKeys() : state().dataKeys();
        byte[] key = keys.get(keyId);
        if (key == null) {
            reload();
            key = (mac ? held.macKeys() : held.dataKeys()).get(keyId);
        }
        if (key == null) {
            throw new UnknownKeyException(keyId);
        }
        return key;
    }

    @Override
    public List<HeldKey> held() {
        Held h = state();
        List<HeldKey> keys = new ArrayList<>();
        h.macKeys().keySet().stream().sorted()
                .forEach(k -> keys.add(new HeldKey(k, KeyKind.MAC, k.equals(h.currentMac()))));
        h.dataKeys().keySet().stream().sorted()
                .forEach(k -> keys.add(new HeldKey(k, KeyKind.DATA, k.equals(h.currentData()))));
        return List.copyOf(keys);
    }

    @Override
    public String rotate(KeyKind kind) {
        synchronized (FileKeyService.class) {
            try (FileChannel channel = lockFile(dir.resolve("keys.lock")); FileLock lock = channel.lock()) {
                Path current = dir.resolve("current.properties");
                Properties p = new Properties();
                try (var in = Files.newBufferedReader(current, StandardCharsets.US_ASCII)) {
                    p.load(in);
                }
                String made = kind == KeyKind.MAC ? writeMacKey(dir) : writeDataKey(dir);
                p.setProperty(kind == KeyKind.MAC ? "mac" : "data", made);
                replace(current, "mac=" + p.getProperty("mac") + "\nsign=" + p.getProperty("sign")
                        + "\ndata=" + p.getProperty("data") + "\n");
                held = read(p);
                checkedAt = System.nanoTime();
                return made;
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not rotate the " + kind + " key in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void destroy(String keyId) {
        synchronized (FileKeyService.class) {
            try (FileChannel channel = lockFile(dir.resolve("keys.lock")); FileLock lock = channel.lock()) {
                reloadUnlocked();
                Held h = held;
                if (keyId.equals(h.currentMac()) || keyId.equals(h.currentData())) {
                    throw new IllegalArgumentException("key " + keyId + " is current: rotate it before destroying it");
                }
                Path file = h.macKeys().containsKey(keyId) ? dir.resolve("mac-" + keyId + ".key")
                        : h.dataKeys().containsKey(keyId) ? dir.resolve("sm4-" + keyId + ".key") : null;
                if (file == null) {
                    throw new UnknownKeyException(keyId);
                }
                // overwritten before it is unlinked: on a disk that writes in place the key is gone
                // from the blocks too, not only from the directory (DATA-17)
                byte[] noise = new byte[(int) Files.size(file)];
                random.nextBytes(noise);
                Files.write(file, noise, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                Files.delete(file);
                // touched, so that other processes read the folder again and forget the key too
                Files.setLastModifiedTime(dir.resolve("current.properties"),
                        java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
                reloadUnlocked();
            }
            catch (IOException e) {
                throw new UncheckedIOException("could not destroy key " + keyId + " in " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private void reloadUnlocked() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(dir.resolve("current.properties"), StandardCharsets.US_ASCII)) {
            p.load(in);
        }
        held = read(p);
        checkedAt = System.nanoTime();
    }

    /** Writes the file beside and moves it into place, so no reader ever sees it half written. */
    private static void replace(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        Files.deleteIfExists(next);
        writeOwnerOnly(next, text);
        Files.move(next, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Makes the folder's keys if it has none and reads which are current. Two processes starting
     * at once on a new folder (a server and a command) would each make keys, and one would fail to
     * write current.properties or read it half written: every process does this under an
     * exclusive lock on the folder.
     */
    private Properties prepare(Path dir, Path current) throws IOException {
        Properties p = new Properties();
        try (FileChannel channel = lockFile(dir.resolve("keys.lock")); FileLock held = channel.lock()) {
            if (!Files.exists(current)) {
                String mac = writeMacKey(dir);
                String signing = writeSigningKey(dir);
                String data = writeDataKey(dir);
                writeOwnerOnly(current, "mac=" + mac + "\nsign=" + signing + "\ndata=" + data + "\n");
            }
            try (var in = Files.newBufferedReader(current, StandardCharsets.US_ASCII)) {
                p.load(in);
            }
            if (p.getProperty("data") == null) {
                // a folder made before SM4 was used: it gains a data key and keeps the others
                String data = writeDataKey(dir);
                Files.writeString(current, "data=" + data + "\n", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
                p.setProperty("data", data);
            }
        }
        return p;
    }

    /** Opens the key folder, making the first keys when it holds none. */
    static FileKeyService open(Path dir) {
        try {
            return new FileKeyService(dir, new SecureRandom());
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not open the key folder " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean holds(String keyId) {
        Held h = state();
        return h.macKeys().containsKey(keyId) || h.publicKeys().containsKey(keyId) || h.dataKeys().containsKey(keyId);
    }

    @Override
    public String currentMacKey() {
        return state().currentMac();
    }

    @Override
    public byte[] mac(String keyId, byte[] data) {
        byte[] key = key(true, keyId);
        HMac hmac = macs.get().computeIfAbsent(keyId, id -> {
            HMac h = new HMac(new SM3Digest());
            h.init(new KeyParameter(key));
            return h;
        });
        // back to the keyed state, whatever a failed call before may have left
        hmac.reset();
        hmac.update(data, 0, data.length);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    @Override
    public String currentDataKey() {
        return state().currentData();
    }

    @Override
    public byte[] encrypt(String keyId, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        GCMModeCipher gcm = gcm(keyId, true, nonce, associatedData);
        byte[] out = new byte[NONCE + gcm.getOutputSize(plaintext.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        }
        catch (InvalidCipherTextException e) {
            throw new IllegalStateException("SM4-GCM encryption failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public byte[] decrypt(String keyId, byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new TamperedException("a sealed value of " + sealed.length + " bytes is too short to be one: truncated");
        }
        GCMModeCipher gcm = gcm(keyId, false, Arrays.copyOf(sealed, NONCE), associatedData);
        byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE)];
        int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, out, 0);
        try {
            n += gcm.doFinal(out, n);
        }
        catch (InvalidCipherTextException e) {
            throw new TamperedException("the sealed value does not open under key " + keyId
                    + ": it was changed, or sealed for another place");
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private GCMModeCipher gcm(String keyId, boolean encrypt, byte[] nonce, byte[] associatedData) {
        byte[] key = key(false, keyId);
        Map<String, GCMModeCipher> ciphers = (encrypt ? sealers : openers).get();
        GCMModeCipher gcm = ciphers.get(keyId);
        if (gcm == null) {
            gcm = GCMBlockCipher.newInstance(new SM4Engine());
            gcm.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associatedData));
            ciphers.put(keyId, gcm);
        }
        else {
            // no key: the cipher keeps its key schedule and hash key, and takes the new nonce and data
            gcm.init(encrypt, new AEADParameters(null, TAG_BITS, nonce, associatedData));
        }
        return gcm;
    }

    @Override
    public Signature sign(byte[] data) {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithRandom(signingKey, random));
        signer.update(data, 0, data.length);
        try {
            return new Signature(currentSigning, signer.generateSignature());
        }
        catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean verify(String keyId, byte[] data, byte[] signature) {
        ECPublicKeyParameters key = state().publicKeys().get(keyId);
        if (key == null) {
            throw new UnknownKeyException(keyId);
        }
        SM2Signer signer = new SM2Signer();
        signer.init(false, key);
        signer.update(data, 0, data.length);
        return signer.verifySignature(signature);
    }

    private String writeMacKey(Path dir) throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        String keyId = id(key);
        writeOwnerOnly(dir.resolve("mac-" + keyId + ".key"), HEX.formatHex(key) + "\n");
        return keyId;
    }

    private String writeDataKey(Path dir) throws IOException {
        byte[] key = new byte[16];
        random.nextBytes(key);
        String keyId = id(key);
        writeOwnerOnly(dir.resolve("sm4-" + keyId + ".key"), HEX.formatHex(key) + "\n");
        return keyId;
    }

    private String writeSigningKey(Path dir) throws IOException {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(SM2, random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] q = ((ECPublicKeyParameters) pair.getPublic()).getQ().getEncoded(false);
        BigInteger d = ((ECPrivateKeyParameters) pair.getPrivate()).getD();
        String keyId = id(q);
        writeOwnerOnly(dir.resolve("sm2-" + keyId + ".key"), "# SM2 (sm2p256v1) key: d private scalar, q public point\n"
                + "d=" + d.toString(16) + "\nq=" + HEX.formatHex(q) + "\n");
        return keyId;
    }

    private static String id(byte[] material) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(material, 0, material.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return HEX.formatHex(digest, 0, 8);
    }

    private static String require(Properties p, String name, boolean present, Path dir) {
        String keyId = p.getProperty(name);
        if (keyId == null || !present) {
            throw new IllegalStateException("the key folder " + dir + " names " + name + " key " + keyId
                    + " as current, but holds no such key");
        }
        return keyId;
    }

    /** The folder's lock file, made owner-only like every other file in it. */
    private static FileChannel lockFile(Path file) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(file, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions (Windows): the folder's own ACL protects it
            return FileChannel.open(file, options);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        catch (UnsupportedOperationException e) {
            // a file system without POSIX permissions (Windows): the folder's own ACL protects it
            Files.createFile(file);
        }
        catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("refusing to overwrite the key file " + file, e);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
