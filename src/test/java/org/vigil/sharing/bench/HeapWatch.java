package org.vigil.sharing.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Watches the heap over one measured step, from the JVM's own beans: the heap just before each
 * garbage collection (where it is fullest, so the largest of these is the step's peak use), just
 * after (the largest is an upper bound of what the step kept alive), the sum of the heap pools'
 * peaks (an upper bound, since the pools peak at different moments), and the collections' count and
 * time.
 */
public final class HeapWatch implements AutoCloseable {

    /** What one step did to the heap, in bytes and milliseconds. */
    public record Figures(long maxBeforeGc, long maxAfterGc, long poolPeaks, long collections, long gcMillis,
            long usedAtEnd) {

        /** The best figure for the step's peak heap use: the fullest heap seen, before a GC or at the end. */
        public long peak() {
            return Math.max(maxBeforeGc, usedAtEnd);
        }
    }

    private final List<MemoryPoolMXBean> heapPools;
    private final Set<String> heapPoolNames = new HashSet<>();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final AtomicLong maxBefore = new AtomicLong();
    private final AtomicLong maxAfter = new AtomicLong();
    private final NotificationListener listener = this::onNotification;
    private long collectionsAtStart;
    private long gcMillisAtStart;

    public HeapWatch() {
        heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(p -> heapPoolNames.add(p.getName()));
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
            }
        }
    }

    /** Starts a step: resets the peaks and counters. */
    public void start() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        maxBefore.set(0);
        maxAfter.set(0);
        collectionsAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
        gcMillisAtStart = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Ends a step and returns its figures. */
    public Figures stop() {
        long peaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        long used = heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        long collections = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum() - collectionsAtStart;
        long millis = collectors.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum() - gcMillisAtStart;
        return new Figures(maxBefore.get(), maxAfter.get(), peaks, collections, millis, used);
    }

    /** The heap in use now, after asking for a full collection: what is really kept. */
    public static long usedAfterFullGc() {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** The process's peak resident set ({@code VmHWM} of {@code /proc/self/status}), or -1 where there is none. */
    public static long peakResidentBytes() {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String kb = line.substring(6).replace("kB", "").trim();
                    return Long.parseLong(kb) * 1024;
                }
            }
        }
        catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        maxBefore.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageBeforeGc()), Math::max);
        maxAfter.accumulateAndGet(heapOf(info.getGcInfo().getMemoryUsageAfterGc()), Math::max);
    }

    private long heapOf(Map<String, MemoryUsage> pools) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPoolNames.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        return used;
    }

    @Override
    public void close() {
        for (GarbageCollectorMXBean gc : collectors) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(listener);
                }
                catch (ListenerNotFoundException e) {
                    // never added
                }
            }
        }
    }
}
