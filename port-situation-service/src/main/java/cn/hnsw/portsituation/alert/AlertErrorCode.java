package cn.hnsw.portsituation.alert;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Error codes of alert handling. */
public enum AlertErrorCode implements EnumErrorCode {
    ALERT_NOT_FOUND(HttpStatus.NOT_FOUND, "预警 {0} 不存在", "Alert {0} does not exist"),
    ALERT_STATE_CONFLICT(HttpStatus.CONFLICT, "预警当前状态为 {0}，不能变为 {1}", "The alert is {0} and cannot become {1}"),
    ALERT_NOT_VISIBLE(HttpStatus.FORBIDDEN, "无权查看或处置该预警", "You may not see or handle this alert"),
    ALERT_PORT_SCOPE(HttpStatus.FORBIDDEN, "您所在机构只能查看 {0} 的预警", "Your organisation sees the alerts of {0} only"),
    ALERT_HANDLE_DENIED(HttpStatus.FORBIDDEN, "您的口岸角色无预警处置权限", "Your port roles do not include handling alerts"),
    ALERT_FILTER_INVALID(HttpStatus.BAD_REQUEST, "预警查询条件无效：{0}", "The alert filter is invalid: {0}");

    private final ErrorText text;

    AlertErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
