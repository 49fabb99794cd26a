package org.vigil.sharing.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CPU time spent by the JVM and by the PostgreSQL server, for telling a step's work from its
 * waiting on a busy machine: wall time grows when other processes take the cores, CPU time much
 * less. The server's CPU is read from Linux's {@code /proc}: every live server process (as
 * {@code pg_stat_activity} lists them) plus the children the postmaster has reaped since (parallel
 * workers), in clock ticks of 1/100 s. Where there is no {@code /proc}, the server's figure is NaN.
 */
public final class CpuClock {

    /** CPU seconds so far. */
    public record Reading(double jvm, double server) {

        public Reading minus(Reading earlier) {
            return new Reading(jvm - earlier.jvm, server - earlier.server);
        }
    }

    private static final double TICKS_PER_SECOND = 100;
    /** Fields of {@code /proc/<pid>/stat} after the command: utime, stime, cutime, cstime (14–17 of the whole line). */
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    private final JdbcClient jdbc;
    private final long postmaster;

    public CpuClock(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.postmaster = postmasterPid(jdbc);
    }

    public Reading now() {
        double jvm = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1e9 : Double.NaN;
        if (postmaster < 0) {
            return new Reading(jvm, Double.NaN);
        }
        List<Long> pids = jdbc.sql("select pid from pg_stat_activity").query(Long.class).list();
        long ticks = 0;
        for (long pid : pids) {
            long[] t = stat(pid);
            ticks += t == null ? 0 : t[0] + t[1];
        }
        long[] pm = stat(postmaster);
        if (pm == null) {
            return new Reading(jvm, Double.NaN);
        }
        ticks += pm[0] + pm[1] + pm[2] + pm[3];
        return new Reading(jvm, ticks / TICKS_PER_SECOND);
    }

    /**
     * The postmaster is the parent of every backend, this connection's too. (Its data directory,
     * where postmaster.pid is, is for superusers only, and the application no longer is one.)
     */
    private static long postmasterPid(JdbcClient jdbc) {
        try {
            if (!Files.isReadable(Path.of("/proc/self/stat"))) {
                return -1;
            }
            long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
            String line = Files.readString(Path.of("/proc", Long.toString(backend), "stat"));
            // after the command in parentheses: state, then the parent's pid
            return Long.parseLong(line.substring(line.lastIndexOf(')') + 2).split(" ")[1]);
        }
        catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** utime, stime, cutime, cstime of a process, or null when it is gone or unreadable. */
    private static long[] stat(long pid) {
        try {
            String line = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command (field 2) is in parentheses and may hold blanks: count from after it
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[UTIME]), Long.parseLong(f[STIME]), Long.parseLong(f[CUTIME]),
                Long.parseLong(f[CSTIME])};
        }
        catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
