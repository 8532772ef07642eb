package cn.hnsw.video.alertmode;

import cn.hnsw.video.alertmode.AlertModeService.Channel;

/**
 * 短信网关与 App 推送服务 — where an alert's SMS and app-push messages go. {@link SealedNotificationGateway} sends them
 * sealed (SM2 + SM4) to the provincial SMS platform and the officers' app-push service.
 */
public interface NotificationGateway {

    /** One message to one address (a phone number for SMS, a device id for app push). */
    record Message(Channel channel, String address, String title, String text, String reference) {
    }

    /** Sends the message; answers the partner's message id, or throws {@link NotificationFailed}. */
    String send(Message message);

    /** The partner did not take the message: {@code retryable} when it was unreachable rather than refusing it. */
    class NotificationFailed extends RuntimeException {
        private final boolean retryable;

        public NotificationFailed(String message, boolean retryable) {
            super(message);
            this.retryable = retryable;
        }

        public boolean retryable() {
            return retryable;
        }
    }
}
