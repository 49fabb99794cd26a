package org.vigil.governance.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.vigil.governance.KeyService;

/**
 * What the key service costs per value (ADR 0034): HMAC-SM3 of an ID number (a blind index),
 * SM4-GCM sealing and opening it, a million of each, three rounds. Not a test: run it by hand,
 * {@code taskset -c 1 java -cp "$CP" org.vigil.governance.internal.KeyServiceBench}.
 */
public final class KeyServiceBench {

    private KeyServiceBench() {
    }

    public static void main(String[] args) throws Exception {
        KeyService keys = FileKeyService.open(Files.createTempDirectory("vigil-key-bench-"));
        String mac = keys.currentMacKey();
        String data = keys.currentDataKey();
        byte[] id = "220202195005030615".getBytes(StandardCharsets.US_ASCII);
        byte[] place = "certification.recipient:id_number".getBytes(StandardCharsets.US_ASCII);
        int n = 1_000_000;
        for (int round = 0; round < 3; round++) {
            long sink = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                id[17] = (byte) ('0' + i % 10);
                sink += keys.mac(mac, id)[0];
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                sink += keys.encrypt(data, id, place)[0];
            }
            long t2 = System.nanoTime();
            byte[] sealed = keys.encrypt(data, id, place);
            for (int i = 0; i < n; i++) {
                sink += keys.decrypt(data, sealed, place)[0];
            }
            long t3 = System.nanoTime();
            // the sink is printed so the work cannot be optimised away
            System.out.printf("HMAC-SM3 %.2f µs, SM4-GCM seal %.2f µs, open %.2f µs per value (%d)%n",
                    (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, (t3 - t2) / 1e3 / n, sink);
        }
    }
}
