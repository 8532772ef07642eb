package cn.hnsw.simulators.notify;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the app-push service simulator. */
public enum NotifyErrorCode implements EnumErrorCode {
    PUSH_SERVICE_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "移动端推送服务模拟器暂不可用（运维故障开关）",
            "The app-push service simulator is down (operator fault switch)");

    private final ErrorText text;

    NotifyErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
