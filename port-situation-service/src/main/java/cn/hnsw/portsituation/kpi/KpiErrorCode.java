package cn.hnsw.portsituation.kpi;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the indicator system. */
public enum KpiErrorCode implements EnumErrorCode {
    INDICATOR_NOT_FOUND(HttpStatus.NOT_FOUND, "指标 {0} 不存在", "Indicator {0} does not exist"),
    KPI_QUERY_INVALID(HttpStatus.BAD_REQUEST, "指标查询无效：{0}", "The indicator query is invalid: {0}"),
    KPI_NOT_TIMED(HttpStatus.BAD_REQUEST, "指标 {0} 是实时快照，没有趋势和时段分布",
            "Indicator {0} is a live snapshot and has no trend or hourly distribution"),
    FACT_INVALID(HttpStatus.BAD_REQUEST, "口岸业务数据无效：{0}", "The port business fact is invalid: {0}"),
    TARGET_INVALID(HttpStatus.BAD_REQUEST, "指标目标值无效：{0}", "The indicator target is invalid: {0}"),
    TARGET_NOT_FOUND(HttpStatus.NOT_FOUND, "指标 {0} 尚未设定目标值", "No target is set for indicator {0}"),
    PRINT_FONT_MISSING(HttpStatus.SERVICE_UNAVAILABLE, "打印字体缺失，暂不能打印", "The print font is missing: printing is unavailable");

    private final ErrorText text;

    KpiErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
