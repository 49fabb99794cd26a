package org.vigil.simulator.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.YearMonth;

import org.vigil.simulator.CityGenerator;
import org.vigil.simulator.CitySpec;
import org.vigil.simulator.GenerationSummary;

/**
 * Benchmark entry point, not a test: generates a city and prints wall time, rows, bytes and peak
 * heap. Usage: {@code GeneratorBench residents months seed out [startMonth]}.
 */
public final class GeneratorBench {

    private GeneratorBench() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: GeneratorBench <residents> <months> <seed> <out> [yyyy-MM]");
            System.exit(2);
        }
        int residents = Integer.parseInt(args[0]);
        int months = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        Path out = Path.of(args[3]);
        YearMonth start = args.length > 4 ? YearMonth.parse(args[4]) : YearMonth.of(2026, 1);
        GenerationSummary summary = new CityGenerator().generate(new CitySpec(residents, months, seed, start, out));
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println(summary.describe());
        System.out.printf("wall_s=%.2f rows=%d bytes=%d files=%d peak_heap_mb=%d processors=%d max_heap_mb=%d%n",
                summary.elapsed().toMillis() / 1000.0, summary.totalRows(), summary.bytesWritten(),
                summary.filesWritten(), peak >> 20, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
