package cn.hnsw.tradewindow.calendar;

import org.flowable.common.engine.impl.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Date;

/**
 * The working-day business calendar of the approval processes ({@value #NAME}). Each user task of the BPMN files
 * declares its deadline as {@code flowable:dueDate="step:<task id>"} with {@code flowable:businessCalendarName="workingDays"};
 * the engine asks this calendar when it creates the task, and the deadline is the end of the N-th working day on the
 * holiday calendar (data), N being the step's configured limit (审批预警配置, data). A plain number is N itself.
 * Changing a limit or a holiday applies to tasks created afterwards; a task keeps the deadline it was given.
 */
@Component
public class StepDeadlineCalendar implements BusinessCalendar {

    public static final String NAME = "workingDays";
    public static final String STEP_PREFIX = "step:";

    private final HolidayCalendarRepository calendar;
    private final Clock clock;

    public StepDeadlineCalendar(HolidayCalendarRepository calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The working days a deadline description stands for: a step's configured limit, or a number. */
    public int workingDays(String description) {
        String d = description == null ? "" : description.trim();
        if (d.startsWith(STEP_PREFIX)) {
            return calendar.warningConfig(d.substring(STEP_PREFIX.length())).limitWorkingDays();
        }
        try {
            return Integer.parseInt(d);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a working-day deadline: '" + description
                    + "' (expected step:<task id> or a number of working days)", e);
        }
    }

    @Override
    public Date resolveDuedate(String description) {
        return Date.from(calendar.calendar().deadline(clock.instant(), workingDays(description)));
    }

    @Override
    public Date resolveDuedate(String description, int maxIterations) {
        return resolveDuedate(description);
    }

    @Override
    public Boolean validateDuedate(String description, int maxIterations, Date endDate, Date newTimer) {
        return true;
    }

    @Override
    public Date resolveEndDate(String endDateString) {
        return resolveDuedate(endDateString);
    }
}
