package org.vigil.simulator.internal;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Calendar arithmetic on epoch days with a precomputed table, because the writers format tens of
 * millions of dates and {@link LocalDate} would allocate for each.
 */
final class Dates {

    static final int FIRST_YEAR = 1880;
    static final int LAST_YEAR = 2200;
    /** Marks "never" (no death, no end) in int date arrays; greater than every real day. */
    static final int NEVER = Integer.MAX_VALUE;

    private static final int BASE = (int) LocalDate.of(FIRST_YEAR, 1, 1).toEpochDay();
    private static final int[] YMD;

    static {
        int end = (int) LocalDate.of(LAST_YEAR, 12, 31).toEpochDay();
        YMD = new int[end - BASE + 1];
        LocalDate d = LocalDate.of(FIRST_YEAR, 1, 1);
        for (int i = 0; i < YMD.length; i++) {
            YMD[i] = d.getYear() * 10_000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            d = d.plusDays(1);
        }
    }

    private Dates() {
    }

    /** yyyymmdd as an int; comparing two of them orders dates, and their difference / 10000 is an age. */
    static int ymd(int day) {
        return YMD[day - BASE];
    }

    static int year(int day) {
        return YMD[day - BASE] / 10_000;
    }

    static int month(int day) {
        return YMD[day - BASE] / 100 % 100;
    }

    static int day(int year, int month, int dayOfMonth) {
        return (int) LocalDate.of(year, month, dayOfMonth).toEpochDay();
    }

    static int day(LocalDate date) {
        return (int) date.toEpochDay();
    }

    static LocalDate date(int day) {
        return LocalDate.ofEpochDay(day);
    }

    /** Completed years of age on {@code day} for someone born on {@code birth}. */
    static int age(int birth, int day) {
        return (ymd(day) - ymd(birth)) / 10_000;
    }

    /** The day someone born on {@code birth} turns {@code years}; 29 February birthdays fall on 1 March. */
    static int birthday(int birth, int years) {
        LocalDate b = LocalDate.ofEpochDay(birth);
        LocalDate t = b.plusYears(years);
        if (t.getDayOfMonth() != b.getDayOfMonth()) {
            t = t.plusDays(1);
        }
        return (int) t.toEpochDay();
    }

    /** First day of the month {@code months} after the month of {@code day}. */
    static int plusMonthsFirst(int day, int months) {
        int ymd = ymd(day);
        YearMonth ym = YearMonth.of(ymd / 10_000, ymd / 100 % 100).plusMonths(months);
        return (int) ym.atDay(1).toEpochDay();
    }

    /** Same day-of-month {@code months} later, clamped to month end. */
    static int plusMonths(int day, int months) {
        return (int) LocalDate.ofEpochDay(day).plusMonths(months).toEpochDay();
    }

    static int firstOf(YearMonth ym) {
        return (int) ym.atDay(1).toEpochDay();
    }

    static int lastOf(YearMonth ym) {
        return (int) ym.atEndOfMonth().toEpochDay();
    }

    /** Months between two yyyy-MM (as year*12+month-1) ordinals. */
    static int monthOrdinal(int day) {
        int ymd = ymd(day);
        return (ymd / 10_000) * 12 + ymd / 100 % 100 - 1;
    }
}
