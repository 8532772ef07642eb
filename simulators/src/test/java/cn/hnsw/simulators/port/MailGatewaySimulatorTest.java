package cn.hnsw.simulators.port;

import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import cn.hnsw.simulators.sealed.EnvelopeForm;
import cn.hnsw.simulators.sealed.PartnerRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MailGatewaySimulatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Partner MAIL = new Partner("mail-gateway", "海南省政务邮件网关模拟器", "Mail gateway simulator",
            PartnerKind.MAIL_GATEWAY, "mail-gateway");

    final MailGatewaySimulator gateway = new MailGatewaySimulator();

    JsonNode send(String recipient, String subject, String body, String businessId) throws Exception {
        String payload = JSON.writeValueAsString(java.util.Map.of("messageType", "EMAIL", "recipient", recipient,
                "subject", subject, "body", body, "businessId", businessId));
        var request = new PartnerRequest(MAIL, UUID.randomUUID().toString(), "hnsw-platform", Instant.now(),
                Instant.now(), EnvelopeForm.JSON, payload.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(gateway.reply(request).payload());
    }

    @Test
    void acceptsAMailOncePerBusinessIdAndKeepsIt() throws Exception {
        JsonNode first = send("duty@xinhai-port.cn", "【预警】新海港禁航区闯入", "船舶 QIONG HAI 8 进入禁航区", "d-1");
        JsonNode again = send("duty@xinhai-port.cn", "【预警】新海港禁航区闯入", "船舶 QIONG HAI 8 进入禁航区", "d-1");
        assertThat(first.path("accepted").asBoolean()).isTrue();
        assertThat(again.path("mailId").asText()).isEqualTo(first.path("mailId").asText());
        assertThat(gateway.received()).hasSize(1);
        assertThat(gateway.received().getFirst().recipient()).isEqualTo("duty@xinhai-port.cn");
    }

    @Test
    void refusesBadAddressesEmptyMailsAndBouncingMailboxes() throws Exception {
        assertThat(send("not-an-address", "s", "b", "d-2").path("code").asText()).isEqualTo("RECIPIENT_INVALID");
        assertThat(send("a@b", "s", "b", "d-3").path("code").asText()).isEqualTo("RECIPIENT_INVALID");
        assertThat(send("duty@xinhai-port.cn", "", "b", "d-4").path("code").asText()).isEqualTo("CONTENT_INVALID");
        assertThat(send("gone@bounce.example", "s", "b", "d-5").path("code").asText()).isEqualTo("MAILBOX_UNAVAILABLE");
        assertThat(gateway.received()).isEmpty();
    }
}
