package cn.hnsw.customs.admin;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the log audit (日志审计), each with a Chinese and an English message. */
public enum SystemLogErrorCode implements EnumErrorCode {
    LOG_RANGE_INVALID(HttpStatus.BAD_REQUEST, "查询起始时间须早于截止时间", "The start of the period must be before its end"),
    LOG_RANGE_TOO_LONG(HttpStatus.BAD_REQUEST, "查询时间跨度最长{0}天", "The period is at most {0} days"),
    LOG_CONDITION_INVALID(HttpStatus.BAD_REQUEST, "查询条件“{0}”无效：{1}", "Query condition {0} is not valid: {1}"),
    LOG_ENTRY_NOT_FOUND(HttpStatus.NOT_FOUND, "日志记录不存在", "The log entry does not exist"),
    LOG_EXPORT_TOO_LARGE(HttpStatus.UNPROCESSABLE_ENTITY, "符合条件的日志共{0}条，超过导出上限{1}条，请缩小查询条件",
            "{0} entries match, more than the export limit of {1}; narrow the conditions");

    private final ErrorText text;

    SystemLogErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
