package cn.hnsw.simulators.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The app-push service simulator: accepts a push to a device, refuses one without device, answers 503 while down. */
class AppPushBehaviorTest {

    static final Partner PUSH = new Partner("app-push", "移动端推送服务模拟器", "Mobile app push service simulator",
            PartnerKind.APP_PUSH, "app-push");
    static final ObjectMapper JSON = new ObjectMapper();

    final AppPushInbox inbox = new AppPushInbox();
    final AppPushBehavior behavior = new AppPushBehavior(inbox);

    JsonNode send(String payload) throws Exception {
        var request = new PartnerRequest(PUSH, UUID.randomUUID().toString(), "hnsw-platform", Instant.now(),
                Instant.now(), EnvelopeForm.JSON, payload.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(behavior.reply(request).payload());
    }

    @Test
    void pushesToTheDeviceRefusesWithoutOneAndIsDownWhenSwitched() throws Exception {
        assertThat(behavior.handles(PUSH)).isTrue();
        JsonNode ok = send("{\"messageType\":\"APP_PUSH\",\"deviceId\":\"hnsw-app-1\",\"title\":\"布控预警\",\"body\":\"请处置\","
                + "\"reference\":\"VA-1\"}");
        assertThat(ok.get("accepted").asBoolean()).isTrue();
        assertThat(ok.get("pushId").asText()).startsWith("PUSH-SIM-");
        assertThat(inbox.pushes()).singleElement().satisfies(p -> {
            assertThat(p.deviceId()).isEqualTo("hnsw-app-1");
            assertThat(p.reference()).isEqualTo("VA-1");
        });
        JsonNode noDevice = send("{\"messageType\":\"APP_PUSH\",\"title\":\"布控预警\"}");
        assertThat(noDevice.get("accepted").asBoolean()).isFalse();
        assertThat(noDevice.get("code").asText()).isEqualTo("DEVICE_MISSING");

        inbox.failNext(1);
        assertThatThrownBy(() -> send("{\"messageType\":\"APP_PUSH\",\"deviceId\":\"d-2\",\"title\":\"t\"}"))
                .isInstanceOf(HnswException.class);
        assertThat(send("{\"messageType\":\"APP_PUSH\",\"deviceId\":\"d-2\",\"title\":\"t\"}").get("accepted").asBoolean())
                .isTrue();
        assertThat(inbox.pushes()).hasSize(2);
    }
}
