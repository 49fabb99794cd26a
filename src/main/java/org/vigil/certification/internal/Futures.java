package org.vigil.certification.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for a worker and hands its failure on as it was thrown, not wrapped. */
final class Futures {

    private Futures() {
    }

    static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
