package cn.hnsw.portsituation.gate;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of the gate loop. */
public enum GateErrorCode implements EnumErrorCode {
    GATE_UNKNOWN(HttpStatus.BAD_REQUEST, "卡口 {0} 不存在", "Gate {0} does not exist"),
    GATE_CAPTURE_INCOMPLETE(HttpStatus.BAD_REQUEST, "卡口采集数据不完整，缺少：{0}", "The gate capture is incomplete; missing: {0}"),
    GATE_CAPTURE_MALFORMED(HttpStatus.BAD_REQUEST, "卡口报文格式错误：{0}", "The gate message is malformed: {0}"),
    PASS_NOT_FOUND(HttpStatus.NOT_FOUND, "过卡记录 {0} 不存在", "Gate pass {0} does not exist"),
    PASS_STATE_CONFLICT(HttpStatus.CONFLICT, "过卡记录当前状态为 {0}，不能变为 {1}", "The pass is {0} and cannot become {1}");

    private final ErrorText text;

    GateErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
