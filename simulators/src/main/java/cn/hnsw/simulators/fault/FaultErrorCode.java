package cn.hnsw.simulators.fault;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of fault settings that make no sense; checked before anything is stored. */
public enum FaultErrorCode implements EnumErrorCode {
    FAULT_SETTING_OUT_OF_RANGE(HttpStatus.BAD_REQUEST, "故障设置 {0} 超出允许范围（{1}）",
            "Fault setting {0} is out of range ({1})"),
    OUTAGE_WINDOW_INVALID(HttpStatus.BAD_REQUEST, "停机时段 {0} 无效：开始和结束时间必填，且结束须晚于开始",
            "Outage window {0} is invalid: it needs a start and an end, and must end after it starts"),
    UNKNOWN_FAULT_SETTING(HttpStatus.BAD_REQUEST, "未知的故障设置项 {0}", "Unknown fault setting {0}"),
    OFFLINE_UNTIL_NEEDS_OFFLINE(HttpStatus.BAD_REQUEST, "只有停机（OFFLINE）状态才能设置恢复时间 offlineUntil",
            "offlineUntil may only be given when availability is OFFLINE");

    private final ErrorText text;

    FaultErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
