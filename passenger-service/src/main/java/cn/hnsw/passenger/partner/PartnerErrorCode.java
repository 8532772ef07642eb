package cn.hnsw.passenger.partner;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of sealed messages that partners push to the passenger service. */
public enum PartnerErrorCode implements EnumErrorCode {
    MALFORMED(HttpStatus.BAD_REQUEST, "报文格式不正确", "The message is not a well-formed sealed message"),
    WRONG_RECIPIENT(HttpStatus.BAD_REQUEST, "报文接收方不是本平台", "The message is addressed to another recipient"),
    UNKNOWN_SIGNER(HttpStatus.UNAUTHORIZED, "发送方密钥未登记，无法验签", "The sender's key is not registered"),
    TAMPERED(HttpStatus.UNAUTHORIZED, "验签失败，报文可能被篡改", "The signature does not verify: the message was altered"),
    EXPIRED(HttpStatus.UNAUTHORIZED, "报文时间超出允许范围", "The message timestamp is outside the accepted time window"),
    REPLAYED(HttpStatus.CONFLICT, "重复报文，已拒绝", "The message was already received (replay)"),
    UNEXPECTED_SENDER(HttpStatus.FORBIDDEN, "报文发送方 {0} 无权向此接口发送", "Sender {0} may not send to this endpoint"),
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
