package cn.hnsw.tradewindow.calendar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** 节假日管理配置 and 审批预警配置 (S1 FP 266–275, 383–392). */
@Repository
public class HolidayCalendarRepository {

    private final JdbcClient jdbc;

    public HolidayCalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Holiday(LocalDate day, WorkingDayCalendar.DayKind kind, String nameZh, String nameEn) {
    }

    public record WarningConfig(String step, int limitWorkingDays, int warnBeforeDays, boolean enabled) {
    }

    public List<Holiday> holidays() {
        return jdbc.sql("SELECT * FROM holiday_calendar ORDER BY day").query((rs, i) -> new Holiday(
                rs.getObject("day", LocalDate.class), WorkingDayCalendar.DayKind.valueOf(rs.getString("kind")),
                rs.getString("name_zh"), rs.getString("name_en"))).list();
    }

    public void save(Holiday h) {
        jdbc.sql("""
                INSERT INTO holiday_calendar (day, kind, name_zh, name_en) VALUES (?, ?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en""")
                .params(h.day(), h.kind().name(), h.nameZh(), h.nameEn()).update();
    }

    public boolean delete(LocalDate day) {
        return jdbc.sql("DELETE FROM holiday_calendar WHERE day = ?").param(day).update() == 1;
    }

    /** The calendar as it is now in the database. */
    public WorkingDayCalendar calendar() {
        Map<LocalDate, WorkingDayCalendar.DayKind> map = new HashMap<>();
        holidays().forEach(h -> map.put(h.day(), h.kind()));
        return new WorkingDayCalendar(map);
    }

    public List<WarningConfig> warningConfigs() {
        return jdbc.sql("SELECT * FROM approval_warning_config ORDER BY step").query((rs, i) -> new WarningConfig(
                rs.getString("step"), rs.getInt("limit_working_days"), rs.getInt("warn_before_days"),
                rs.getBoolean("enabled"))).list();
    }

    public WarningConfig warningConfig(String step) {
        return warningConfigs().stream().filter(c -> c.step().equals(step)).findFirst()
                .orElse(new WarningConfig(step, 5, 1, true));
    }

    /** Deletes a step's configuration: the step falls back to the default (5 working days, warned 1 day before). */
    public boolean deleteWarningConfig(String step) {
        return jdbc.sql("DELETE FROM approval_warning_config WHERE step = ?").param(step).update() == 1;
    }

    public void saveWarningConfig(WarningConfig c) {
        jdbc.sql("""
                INSERT INTO approval_warning_config (step, limit_working_days, warn_before_days, enabled) VALUES (?, ?, ?, ?)
                ON CONFLICT (step) DO UPDATE SET limit_working_days = EXCLUDED.limit_working_days,
                  warn_before_days = EXCLUDED.warn_before_days, enabled = EXCLUDED.enabled""")
                .params(c.step(), c.limitWorkingDays(), c.warnBeforeDays(), c.enabled()).update();
    }
}
