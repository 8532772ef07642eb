package cn.hnsw.tradewindow.calendar;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** 预警管理: the holiday calendar and the approval-warning configuration (S1 FP 266–275, 383–392). */
@RestController
@RequestMapping("/api/trade-window/v1")
@PreAuthorize("hasAnyRole('gov-county-unit','gov-county','gov-provincial-dept','gov-province','sw-operator','platform-admin')")
class CalendarController {

    private static final String CONFIGURERS = "hasAnyRole('gov-province','gov-provincial-dept','sw-operator','platform-admin')";

    private final HolidayCalendarRepository repository;

    CalendarController(HolidayCalendarRepository repository) {
        this.repository = repository;
    }

    record HolidayRequest(@NotNull WorkingDayCalendar.DayKind kind, @NotBlank @Size(max = 100) String nameZh,
                          @NotBlank @Size(max = 200) String nameEn) {
    }

    record WarningRequest(@Min(1) @Max(60) int limitWorkingDays, @Min(0) @Max(30) int warnBeforeDays,
                          boolean enabled) {
    }

    @GetMapping("/holidays")
    List<HolidayCalendarRepository.Holiday> holidays() {
        return repository.holidays();
    }

    @PutMapping("/holidays/{day}")
    @PreAuthorize(CONFIGURERS)
    HolidayCalendarRepository.Holiday saveHoliday(@PathVariable LocalDate day, @Valid @RequestBody HolidayRequest r) {
        var h = new HolidayCalendarRepository.Holiday(day, r.kind(), r.nameZh(), r.nameEn());
        repository.save(h);
        return h;
    }

    @DeleteMapping("/holidays/{day}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteHoliday(@PathVariable LocalDate day) {
        if (!repository.delete(day)) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
    }

    /** The deadline a step started at {@code from} would get: lets an operator check the calendar. */
    @GetMapping("/holidays/deadline")
    Map<String, Object> deadline(@RequestParam Instant from, @RequestParam int workingDays) {
        if (workingDays < 0 || workingDays > 60) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        return Map.of("from", from, "workingDays", workingDays,
                "deadline", repository.calendar().deadline(from, workingDays));
    }

    @GetMapping("/approval-warning-configs")
    List<HolidayCalendarRepository.WarningConfig> warningConfigs() {
        return repository.warningConfigs();
    }

    @PutMapping("/approval-warning-configs/{step}")
    @PreAuthorize(CONFIGURERS)
    HolidayCalendarRepository.WarningConfig saveWarningConfig(@PathVariable String step,
                                                              @Valid @RequestBody WarningRequest r) {
        if (!step.matches("[a-zA-Z]{3,64}")) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
        }
        var c = new HolidayCalendarRepository.WarningConfig(step, r.limitWorkingDays(), r.warnBeforeDays(), r.enabled());
        repository.saveWarningConfig(c);
        return c;
    }

    /** 删除审批预警配置: the step goes back to the default limit (5 working days, warned 1 day before). */
    @DeleteMapping("/approval-warning-configs/{step}")
    @PreAuthorize(CONFIGURERS)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteWarningConfig(@PathVariable String step) {
        if (!repository.deleteWarningConfig(step)) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
    }
}
