package cn.hnsw.passenger.partner;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of sealed messages that partners push to the passenger service. */
public enum PartnerErrorCode implements EnumErrorCode {
    NOT_A_PARTNER(HttpStatus.FORBIDDEN, "仅合作方系统可调用此接口", "Only partner systems may call this endpoint"),
    PAYLOAD_UNREADABLE(HttpStatus.BAD_REQUEST, "报文内容无法解析：{0}", "The message content cannot be read: {0}"),
    SEALING_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "密码服务暂不可用，请稍后重试",
            "The cipher service is unavailable, try again later");

    private final ErrorText text;

    PartnerErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
