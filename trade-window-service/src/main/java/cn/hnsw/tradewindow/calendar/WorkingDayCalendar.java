package cn.hnsw.tradewindow.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;

/**
 * 工作日计算 — working-day arithmetic over a holiday calendar that is data: weekends are off unless marked as an
 * adjusted working day (调休), weekdays are on unless marked as a holiday. Days are counted in Asia/Shanghai.
 */
public final class WorkingDayCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** A deadline of N working days is the end of the N-th working day after the day the step started. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    private static final int MAX_SCAN_DAYS = 3660;

    public enum DayKind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, DayKind> exceptions;

    public WorkingDayCalendar(Map<LocalDate, DayKind> exceptions) {
        this.exceptions = Map.copyOf(exceptions);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = exceptions.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** The deadline {@code workingDays} working days after {@code start} (the start day itself is not counted). */
    public Instant deadline(Instant start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative");
        }
        LocalDate day = start.atZone(ZONE).toLocalDate();
        int counted = 0;
        int scanned = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (++scanned > MAX_SCAN_DAYS) {
                throw new IllegalStateException("no working days in the calendar for ten years");
            }
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day.atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }

    /** Working days left from {@code now} until {@code deadline}: 0 on the deadline's day, negative once past it. */
    public int workingDaysLeft(Instant now, Instant deadline) {
        LocalDate today = now.atZone(ZONE).toLocalDate();
        LocalDate due = deadline.atZone(ZONE).toLocalDate();
        if (now.isAfter(deadline)) {
            int n = 0;
            for (LocalDate d = due.plusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
                if (isWorkingDay(d)) {
                    n--;
                }
            }
            return Math.min(n, -1);
        }
        int n = 0;
        for (LocalDate d = today.plusDays(1); !d.isAfter(due); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
