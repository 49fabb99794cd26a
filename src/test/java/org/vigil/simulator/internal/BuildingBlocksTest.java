package org.vigil.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Examples of the small pieces the city is built from; their properties are in {@link SimulatorProperties}. */
class BuildingBlocksTest {

    @Test
    void bankAccountsPassTheLuhnCheck() {
        long body = 622202123456789012L / 10;
        int check = Careers.luhn(body);
        long account = body * 10 + check;
        int sum = 0;
        boolean dbl = false;
        for (long v = account; v > 0; v /= 10) {
            int d = (int) (v % 10);
            if (dbl) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            dbl = !dbl;
        }
        assertThat(sum % 10).isZero();
    }

    @Test
    void travellersFromElsewhereCarryRegionsNoResidentComesFrom() {
        assertThat(IdNumbers.STRANGER_PREFIXES).hasSize(IdNumbers.PREFIXES.length - IdNumbers.LOCAL_PREFIXES)
                .doesNotContain(IdNumbers.PREFIXES).doesNotHaveDuplicates();
    }

    @Test
    void xlsxCellsAreReadBackAsStored() {
        Row row = new Row();
        row.put("220211194407146178").endNumber();
        row.put("张三").end();
        row.putDigits(7).endNumber();
        row.date(Dates.day(2026, 3, 10), DateStyle.EXCEL);
        row.end();
        assertThat(XlsxSink.storedText(row, 0)).isEqualTo(Double.toString(220211194407146178d)).contains("E17");
        assertThat(XlsxSink.storedText(row, 1)).isEqualTo("张三");
        assertThat(XlsxSink.storedText(row, 2)).isEqualTo("7");
        assertThat(XlsxSink.storedText(row, 3)).isEqualTo("46091.0");
        assertThat(XlsxSink.storedText(row, 4)).isEmpty();
    }

    @Test
    void dateStylesWriteWhatDepartmentsWrite() {
        int day = Dates.day(2026, 3, 5);
        assertThat(format(day, DateStyle.ISO)).isEqualTo("2026-03-05");
        assertThat(format(day, DateStyle.COMPACT)).isEqualTo("20260305");
        assertThat(format(day, DateStyle.SLASH)).isEqualTo("2026/3/5");
        assertThat(format(day, DateStyle.CHINESE)).isEqualTo("2026年3月5日");
        assertThat(format(day, DateStyle.DOT)).isEqualTo("2026.03.05");
        Row row = new Row();
        row.dateTime(day, 14 * 3600 + 7 * 60 + 31, DateStyle.DATETIME);
        assertThat(row.cell(0)).isEqualTo("2026-03-05 14:07:31");
    }

    private static String format(int day, DateStyle style) {
        Row row = new Row();
        row.date(day, style);
        return row.cell(0);
    }

    @Test
    void incomeTaxFollowsTheMonthlyBrackets() {
        assertThat(FeedWriter.incomeTax(400_000, true)).isZero();
        // 8,000 yuan, 10.5 % contributions: taxable 2,160 at 3 %.
        assertThat(FeedWriter.incomeTax(800_000, true)).isEqualTo(6_480);
        // 10,000 yuan uninsured: taxable 5,000 at 10 % less 210.
        assertThat(FeedWriter.incomeTax(1_000_000, false)).isEqualTo(29_000);
    }
}
