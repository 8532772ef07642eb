package cn.hnsw.simulators.notify;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.PartnerBehavior;
import cn.hnsw.simulators.sealed.PartnerReply;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * 移动端推送服务模拟器 — partner of kind {@code APP_PUSH} ({@code app-push}): the service that pushes alerts to the
 * officers' phones. Sealed message {@code APP_PUSH} ({@code deviceId}, {@code title}, {@code body},
 * {@code reference}) is answered {@code accepted} with a {@code pushId}; a message without a device or title is
 * refused ({@code accepted: false}, {@code code}); while the operator's fault switch counts, it answers 503 as a
 * service that is down.
 */
@Component
@Order(36)
public class AppPushBehavior implements PartnerBehavior {

    private static final Logger log = LoggerFactory.getLogger(AppPushBehavior.class);

    private final AppPushInbox inbox;
    private final ObjectMapper json = new ObjectMapper();

    public AppPushBehavior(AppPushInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public boolean handles(Partner partner) {
        return partner.kind() == PartnerKind.APP_PUSH;
    }

    @Override
    public PartnerReply reply(PartnerRequest request) {
        JsonNode in;
        try {
            in = json.readTree(request.payload());
        } catch (Exception e) {
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, "app push message is not JSON");
        }
        if (inbox.failThisOne()) {
            log.info("event=simulator-app-push-down partner={}", request.partner().id());
            throw new HnswException(NotifyErrorCode.PUSH_SERVICE_DOWN);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("simulator", true);
        answer.put("partnerId", request.partner().id());
        String deviceId = in.path("deviceId").asText("");
        String title = in.path("title").asText("");
        if (!"APP_PUSH".equals(in.path("messageType").asText())) {
            answer.put("accepted", false);
            answer.put("code", "UNKNOWN_MESSAGE_TYPE");
        } else if (deviceId.isBlank() || title.isBlank()) {
            answer.put("accepted", false);
            answer.put("code", deviceId.isBlank() ? "DEVICE_MISSING" : "TITLE_MISSING");
        } else {
            AppPushInbox.Push p = inbox.accept(deviceId, title, in.path("body").asText(""), in.path("reference").asText(""));
            answer.put("accepted", true);
            answer.put("pushId", p.pushId());
        }
        log.info("event=simulator-app-push partner={} accepted={}", request.partner().id(), answer.get("accepted"));
        try {
            return new PartnerReply(json.writeValueAsBytes(answer), "app-push " + answer.get("accepted"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
