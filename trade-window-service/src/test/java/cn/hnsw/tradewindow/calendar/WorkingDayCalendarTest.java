package cn.hnsw.tradewindow.calendar;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import static cn.hnsw.tradewindow.calendar.WorkingDayCalendar.DayKind.HOLIDAY;
import static cn.hnsw.tradewindow.calendar.WorkingDayCalendar.DayKind.WORKDAY;
import static org.assertj.core.api.Assertions.assertThat;

class WorkingDayCalendarTest {

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(WorkingDayCalendar.ZONE).toInstant();
    }

    @Test
    void weekendsAreSkipped() {
        WorkingDayCalendar cal = new WorkingDayCalendar(Map.of());
        // Friday 2026-11-27 10:00 + 3 working days = Wednesday 2026-12-02, end of day.
        assertThat(cal.deadline(shanghai("2026-11-27T10:00:00"), 3)).isEqualTo(shanghai("2026-12-02T23:59:59"));
    }

    @Test
    void holidaysAreSkippedAndAdjustedWorkdaysCount() {
        // National Day week of 2026 as the data would say: 1–7 Oct off, Sunday 27 Sep and Saturday 10 Oct worked.
        WorkingDayCalendar cal = new WorkingDayCalendar(Map.of(
                LocalDate.parse("2026-10-01"), HOLIDAY, LocalDate.parse("2026-10-02"), HOLIDAY,
                LocalDate.parse("2026-10-05"), HOLIDAY, LocalDate.parse("2026-10-06"), HOLIDAY,
                LocalDate.parse("2026-10-07"), HOLIDAY, LocalDate.parse("2026-09-27"), WORKDAY,
                LocalDate.parse("2026-10-10"), WORKDAY));
        // Saturday 26 Sep: Sunday 27 (worked) counts, then 28, 29, 30.
        assertThat(cal.deadline(shanghai("2026-09-26T09:00:00"), 3)).isEqualTo(shanghai("2026-09-29T23:59:59"));
        // Wednesday 30 Sep + 3: Thu 8, Fri 9, Sat 10 (worked).
        assertThat(cal.deadline(shanghai("2026-09-30T16:00:00"), 3)).isEqualTo(shanghai("2026-10-10T23:59:59"));
        assertThat(cal.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
        assertThat(cal.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    }

    @Test
    void workingDaysLeftCountsDownAndGoesNegativeWhenOverdue() {
        WorkingDayCalendar cal = new WorkingDayCalendar(Map.of(LocalDate.parse("2026-12-01"), HOLIDAY));
        Instant due = shanghai("2026-12-03T23:59:59");
        assertThat(cal.workingDaysLeft(shanghai("2026-11-27T09:00:00"), due)).isEqualTo(3);
        assertThat(cal.workingDaysLeft(shanghai("2026-12-03T09:00:00"), due)).isZero();
        assertThat(cal.workingDaysLeft(shanghai("2026-12-07T09:00:00"), due)).isEqualTo(-2);
        assertThat(cal.workingDaysLeft(shanghai("2026-12-04T08:00:00"), due)).isEqualTo(-1);
    }

    @Test
    void dayBoundariesAreShanghaiDays() {
        WorkingDayCalendar cal = new WorkingDayCalendar(Map.of());
        // 2026-11-27T17:00Z is Saturday 01:00 in Shanghai: one working day later is Monday.
        assertThat(cal.deadline(Instant.parse("2026-11-27T17:00:00Z"), 1)).isEqualTo(shanghai("2026-11-30T23:59:59"));
    }
}
