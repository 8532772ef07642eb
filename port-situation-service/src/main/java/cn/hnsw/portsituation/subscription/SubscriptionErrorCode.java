package cn.hnsw.portsituation.subscription;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of alert subscriptions. */
public enum SubscriptionErrorCode implements EnumErrorCode {
    SUBSCRIPTION_NOT_FOUND(HttpStatus.NOT_FOUND, "订阅 {0} 不存在", "Subscription {0} does not exist"),
    SUBSCRIPTION_INVALID(HttpStatus.BAD_REQUEST, "订阅无效：{0}", "The subscription is invalid: {0}"),
    WEBHOOK_TARGET_REFUSED(HttpStatus.BAD_REQUEST, "推送地址不被允许：{0}", "The webhook address is not allowed: {0}"),
    SUBSCRIBER_NOT_ALLOWED(HttpStatus.FORBIDDEN, "无权为该订阅方订阅", "You may not subscribe for this subscriber"),
    SUBSCRIPTION_CANCELLED(HttpStatus.CONFLICT, "订阅已取消", "The subscription is already cancelled");

    private final ErrorText text;

    SubscriptionErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
