package org.vigil.sharing.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells where the wall time of one call goes without touching the code it calls: a daemon thread
 * looks at the calling thread's stack every few milliseconds and counts the sample against the
 * innermost frame that matches a {@link Phase}. The shares are approximate (stack traces are taken
 * at safepoints, and a sample costs the target thread a few microseconds), which is enough to see
 * whether reading, the person snapshot, hashing the raw file or the database write dominates.
 */
public final class PhaseSampler implements AutoCloseable {

    /**
     * A phase: frames of {@code className} (a fully qualified name) in {@code method}; method null for
     * any, lambdas included. Several phases may share a label.
     */
    public record Phase(String label, String className, String method) {

        boolean matches(StackTraceElement frame) {
            return frame.getClassName().equals(className) && (method == null || frame.getMethodName().equals(method));
        }
    }

    private static final String OTHER = "other";

    private final Thread target;
    private final List<Phase> phases;
    private final long intervalMillis;
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private int samples;

    private PhaseSampler(Thread target, List<Phase> phases, long intervalMillis) {
        this.target = target;
        this.phases = phases;
        this.intervalMillis = intervalMillis;
        phases.forEach(p -> counts.putIfAbsent(p.label(), 0));
        counts.put(OTHER, 0);
        this.sampler = new Thread(this::run, "bench-phase-sampler");
        this.sampler.setDaemon(true);
    }

    /** Starts sampling the current thread. */
    public static PhaseSampler onCurrentThread(List<Phase> phases, long intervalMillis) {
        PhaseSampler s = new PhaseSampler(Thread.currentThread(), phases, intervalMillis);
        s.sampler.start();
        return s;
    }

    private void run() {
        while (running) {
            StackTraceElement[] stack = target.getStackTrace();
            String label = OTHER;
            outer:
            for (StackTraceElement frame : stack) {
                for (Phase p : phases) {
                    if (p.matches(frame)) {
                        label = p.label();
                        break outer;
                    }
                }
            }
            synchronized (counts) {
                counts.merge(label, 1, Integer::sum);
                samples++;
            }
            try {
                Thread.sleep(intervalMillis);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops sampling and describes the shares of {@code seconds} of wall time, largest first. */
    public String stop(double seconds) {
        close();
        StringBuilder out = new StringBuilder();
        synchronized (counts) {
            if (samples == 0) {
                return "  (no samples)";
            }
            counts.entrySet().stream().filter(e -> e.getValue() > 0)
                    .sorted((a, b) -> Integer.compare(b.getValue(), a.getValue()))
                    .forEach(e -> out.append(String.format(Locale.ROOT, "  %-44s %5.1f %%  ~%6.2f s%n", e.getKey(),
                            100.0 * e.getValue() / samples, seconds * e.getValue() / samples)));
        }
        return out.toString();
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        try {
            sampler.join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
