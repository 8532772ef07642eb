package cn.hnsw.tradewindow.partner;

/**
 * 统一代办 and 短信 — to-do notices to 海易办/海政通 and one-to-one SMS through the provincial SMS platform
 * (service list 74–82). A refusal or outage is thrown; the caller records the notice as failed.
 */
public interface NoticeGateway {

    /** @param channel {@code PENDING_TASK} (统一代办, unified to-do) or {@code SMS} */
    void send(String channel, String recipient, String content, String businessId);
}
