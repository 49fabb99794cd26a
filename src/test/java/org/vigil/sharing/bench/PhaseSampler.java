package org.vigil.sharing.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells where the wall time of one call goes without touching the code it calls: a daemon thread
 * looks at the calling thread's stack (or a worker's, found by its name) every few milliseconds and counts the sample against the
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
    private static final String ABSENT = "(not running)";

    private final Thread target;
    /** Without a target: the name of a thread to look for at every sample, which may start and end meanwhile. */
    private final String targetName;
    private final List<Phase> phases;
    private final long intervalMillis;
    /**
     * Nanoseconds per label: each look counts the time since the previous one, since on a busy
     * machine the sampler itself is not always on time, and a count of looks would then favour the
     * phases during which the machine had a core to spare.
     */
    private final Map<String, Long> counts = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private long samples;

    private PhaseSampler(Thread target, String targetName, List<Phase> phases, long intervalMillis) {
        this.target = target;
        this.targetName = targetName;
        this.phases = phases;
        this.intervalMillis = intervalMillis;
        phases.forEach(p -> counts.putIfAbsent(p.label(), 0L));
        counts.put(OTHER, 0L);
        this.sampler = new Thread(this::run, "bench-phase-sampler");
        this.sampler.setDaemon(true);
    }

    /** Starts sampling the current thread. */
    public static PhaseSampler onCurrentThread(List<Phase> phases, long intervalMillis) {
        PhaseSampler s = new PhaseSampler(Thread.currentThread(), null, phases, intervalMillis);
        s.sampler.start();
        return s;
    }

    /**
     * Starts sampling the thread of this name that is alive at each sample (a worker the call
     * starts, such as ingestion's writer); samples while there is none count as "(not running)",
     * so that the shares are still of the call's whole wall time.
     */
    public static PhaseSampler onThreadNamed(String name, List<Phase> phases, long intervalMillis) {
        PhaseSampler s = new PhaseSampler(null, name, phases, intervalMillis);
        s.sampler.start();
        return s;
    }

    private void run() {
        long last = System.nanoTime();
        while (running) {
            Thread thread = target != null ? target : find(targetName);
            StackTraceElement[] stack = thread == null ? null : thread.getStackTrace();
            String label = stack == null || stack.length == 0 ? ABSENT : OTHER;
            stack = stack == null ? new StackTraceElement[0] : stack;
            outer:
            for (StackTraceElement frame : stack) {
                for (Phase p : phases) {
                    if (p.matches(frame)) {
                        label = p.label();
                        break outer;
                    }
                }
            }
            long now = System.nanoTime();
            synchronized (counts) {
                counts.merge(label, now - last, Long::sum);
                samples += now - last;
            }
            last = now;
            try {
                Thread.sleep(intervalMillis);
            }
            catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Looks through the thread groups rather than every thread's stack, which would stop them all. */
    private static Thread find(String name) {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            if (threads[i].getName().equals(name) && threads[i].isAlive()) {
                return threads[i];
            }
        }
        return null;
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
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
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
