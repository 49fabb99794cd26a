package org.vigil.sharing.reading;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.vigil.identity.ResidentId;

/**
 * Reading throughput on a bank's proof-of-life file (SHARE-3, 银行：柜面实名业务记录): writes it as
 * UTF-8 CSV with a byte-order mark and CRLF, as GBK CSV with CRLF, and as XLSX, then reads each
 * several times with a sink that touches every cell, and prints rows/s, wall time and peak heap.
 * Not a test: run it by hand (see docs/performance.md) under {@code -Xmx1g}.
 *
 * <p>Arguments: {@code folder [csvRows] [xlsxRows] [runs] [threads]}; defaults 10,000,000,
 * 1,000,000, 3 and 2. Files already in the folder from an earlier run are reused.
 */
public final class ReadingBench {

    private static final String[] HEADER = {"客户姓名", "证件类型", "证件号码", "交易日期", "交易时间", "网点名称", "业务类型"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "于", "孙", "赵", "曲", "隋", "姜", "陈", "金", "朴", "关", "佟"};
    private static final String[] GIVEN = {"秀英", "桂兰", "建国", "国华", "丽", "伟", "海燕", "淑珍", "玉兰", "德福", "凤芝", "志刚",
            "桂芝", "振华", "秀珍", "明", "军", "玉珍"};
    private static final String[] REGIONS = {"220202", "220203", "220204", "220211", "220221", "220281", "220282", "220283",
            "220284", "220102", "222401"};
    private static final String[] BANKS = {"中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "吉林银行", "吉林农村商业银行",
            "中国邮政储蓄银行"};
    private static final String[] BRANCHES = {"船营支行", "昌邑支行", "龙潭支行", "丰满支行", "永吉支行", "蛟河支行", "桦甸支行",
            "舒兰支行", "磐石支行", "河南街分理处", "江湾路分理处", "解放路分理处"};
    private static final String[] BUSINESS = {"取款", "存款", "转账", "查询", "挂失", "开户", "销户", "密码重置"};
    private static final String ID_TYPE = "居民身份证";
    private static final String CITY = "吉林市";
    private static final LocalDate FIRST_BIRTH = LocalDate.of(1930, 1, 1);
    private static final int BIRTH_DAYS = 36 * 365;
    private static final LocalDate MONTH = LocalDate.of(2026, 3, 1);
    private static final String DATE_FORMAT = "yyyy/m/d";
    private static final int XLSX_FLUSH_ROWS = 10_000;
    private static final long SEED = 42;
    private static final long SAMPLE_MILLIS = 10;

    private ReadingBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ReadingBench folder [csvRows] [xlsxRows] [runs] [threads]");
            System.exit(2);
        }
        Path folder = Path.of(args[0]);
        long csvRows = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        int xlsxRows = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        int threads = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Files.createDirectories(folder);

        Path utf8 = folder.resolve("counter_verifications-" + csvRows + "-utf8.csv");
        Path gbk = folder.resolve("counter_verifications-" + csvRows + "-gbk.csv");
        Path xlsx = folder.resolve("counter_verifications-" + xlsxRows + ".xlsx");
        writeCsv(utf8, csvRows, StandardCharsets.UTF_8, true);
        writeCsv(gbk, csvRows, Charset.forName("GBK"), false);
        writeXlsx(xlsx, xlsxRows);

        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB, %d thread(s), %d run(s)%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, threads, runs);
        for (Path file : List.of(utf8, gbk, xlsx)) {
            measure(file, runs, threads);
        }
    }

    private static void measure(Path file, int runs, int threads) throws InterruptedException {
        double[] seconds = new double[runs];
        long[] peaks = new long[runs];
        long rows = 0;
        DetectedFormat format = null;
        for (int run = 0; run < runs; run++) {
            System.gc();
            HeapSampler sampler = new HeapSampler();
            sampler.start();
            long start = System.nanoTime();
            AtomicLong checksum = new AtomicLong();
            try (TableSource source = DeliveryFiles.open(file, file.getFileName().toString(), ReadLimits.standard())) {
                format = source.format();
                rows = source.read(threads, () -> new TouchingSink(checksum));
            }
            seconds[run] = (System.nanoTime() - start) / 1e9;
            sampler.interrupt();
            sampler.join();
            peaks[run] = sampler.peak();
            System.out.printf(Locale.ROOT, "  %s run %d: %,d rows in %.2f s, %,.0f rows/s, peak heap %d MiB (checksum %d)%n",
                    file.getFileName(), run + 1, rows, seconds[run], rows / seconds[run], peaks[run] >> 20, checksum.get());
        }
        double median = median(seconds);
        long[] sortedPeaks = peaks.clone();
        Arrays.sort(sortedPeaks);
        System.out.printf(Locale.ROOT, "%s (%s, %,d bytes): median %.2f s, %,.0f rows/s, peak heap %d MiB (median)%n",
                file.getFileName(), format, fileSize(file), median, rows / median, sortedPeaks[runs / 2] >> 20);
    }

    /** What a consumer does at least: looks at every cell. */
    private static final class TouchingSink implements RowSink {
        private final AtomicLong checksum;
        private long sum;

        TouchingSink(AtomicLong checksum) {
            this.checksum = checksum;
        }

        @Override
        public void accept(RowView row) {
            for (int i = 0; i < row.size(); i++) {
                CharSequence cell = row.cell(i);
                int length = cell.length();
                sum += length == 0 ? 0 : length + cell.charAt(length - 1);
            }
        }

        @Override
        public void finish() {
            checksum.addAndGet(sum);
        }
    }

    /** The highest heap use seen, garbage included, sampled every {@value #SAMPLE_MILLIS} ms. */
    private static final class HeapSampler extends Thread {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile long peak;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                }
                catch (InterruptedException e) {
                    interrupt();
                }
            }
            peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
        }

        long peak() {
            return peak;
        }
    }

    /** One generated row; the same seed gives the same file. */
    private static String[] row(SplittableRandom random) {
        LocalDate birth = FIRST_BIRTH.plusDays(random.nextInt(BIRTH_DAYS));
        String first17 = REGIONS[random.nextInt(REGIONS.length)]
                + String.format(Locale.ROOT, "%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format(Locale.ROOT, "%03d", random.nextInt(1000));
        String id = first17 + ResidentId.checkDigit(first17);
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        LocalDate day = MONTH.plusDays(random.nextInt(MONTH.lengthOfMonth()));
        String date = String.format(Locale.ROOT, "%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
        int second = 8 * 3600 + random.nextInt(9 * 3600);
        String time = String.format(Locale.ROOT, "%02d%02d%02d", second / 3600, second / 60 % 60, second % 60);
        String branch = BANKS[random.nextInt(BANKS.length)] + CITY + BRANCHES[random.nextInt(BRANCHES.length)];
        return new String[] {name, ID_TYPE, id, date, time, branch, BUSINESS[random.nextInt(BUSINESS.length)]};
    }

    private static void writeCsv(Path file, long rows, Charset charset, boolean bom) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        long start = System.nanoTime();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(SEED);
        StringBuilder line = new StringBuilder(256);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 20)) {
            if (bom) {
                out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            out.write((String.join(",", HEADER) + "\r\n").getBytes(charset));
            for (long r = 0; r < rows; r++) {
                line.setLength(0);
                String[] cells = row(random);
                for (int c = 0; c < cells.length; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(cells[c]);
                }
                line.append("\r\n");
                out.write(line.toString().getBytes(charset));
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes in %.1f s%n", file.getFileName(), rows, fileSize(file),
                (System.nanoTime() - start) / 1e9);
    }

    private static void writeXlsx(Path file, int rows) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        long start = System.nanoTime();
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        SplittableRandom random = new SplittableRandom(SEED);
        try (OutputStream out = Files.newOutputStream(temp)) {
            Workbook workbook = new Workbook(out, "ReadingBench", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int c = 0; c < HEADER.length; c++) {
                sheet.value(0, c, HEADER[c]);
            }
            for (int r = 1; r <= rows; r++) {
                String[] cells = row(random);
                for (int c = 0; c < cells.length; c++) {
                    if (c == 3) {
                        sheet.value(r, c, LocalDate.parse(cells[c].substring(0, 4) + "-" + cells[c].substring(4, 6) + "-"
                                + cells[c].substring(6)));
                        sheet.style(r, c).format(DATE_FORMAT).set();
                    }
                    else {
                        sheet.value(r, c, cells[c]);
                    }
                }
                if (r % XLSX_FLUSH_ROWS == 0) {
                    sheet.flush();
                }
            }
            workbook.finish();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        System.out.printf(Locale.ROOT, "wrote %s: %,d rows, %,d bytes in %.1f s%n", file.getFileName(), rows, fileSize(file),
                (System.nanoTime() - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long fileSize(Path file) {
        try {
            return Files.size(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
