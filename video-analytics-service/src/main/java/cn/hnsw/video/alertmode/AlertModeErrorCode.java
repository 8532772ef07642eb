package cn.hnsw.video.alertmode;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of the risk alert modes (风险预警模式). */
public enum AlertModeErrorCode implements EnumErrorCode {
    ALERT_MODE_NOT_FOUND(HttpStatus.NOT_FOUND, "风险预警模式不存在：{0}", "Risk alert mode not found: {0}"),
    ALERT_MODE_CODE_TAKEN(HttpStatus.CONFLICT, "风险预警模式编码已存在：{0}", "Risk alert mode code already in use: {0}"),
    ALERT_MODE_CODE_MISSING(HttpStatus.UNPROCESSABLE_ENTITY, "风险预警模式编码不能为空", "The risk alert mode code must not be empty");

    private final ErrorText text;

    AlertModeErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
