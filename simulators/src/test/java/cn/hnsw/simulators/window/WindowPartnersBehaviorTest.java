package cn.hnsw.simulators.window;

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

class WindowPartnersBehaviorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Partner HAIYIBAN = new Partner("haiyiban", "海易办模拟器", "Haiyiban simulator", PartnerKind.HAIYIBAN, "haiyiban");
    static final Partner SHARING = new Partner("data-sharing", "海南省数据共享平台模拟器", "Data-sharing platform simulator",
            PartnerKind.DATA_SHARING, "data-sharing");
    static final Partner SMS = new Partner("sms-platform", "海南省短信平台模拟器", "SMS platform simulator",
            PartnerKind.SMS_PLATFORM, "sms-platform");

    final HaiyibanCaseBook book = new HaiyibanCaseBook();
    final WindowPartnersBehavior behavior = new WindowPartnersBehavior(book, new SharedDataFixtures());

    JsonNode send(Partner partner, String payload) throws Exception {
        var request = new PartnerRequest(partner, UUID.randomUUID().toString(), "hnsw-platform", Instant.now(),
                Instant.now(), EnvelopeForm.JSON, payload.getBytes(StandardCharsets.UTF_8));
        return JSON.readTree(behavior.reply(request).payload());
    }

    @Test
    void numbersEachCaseOnceAndKeepsItsPushedStatuses() throws Exception {
        JsonNode first = send(HAIYIBAN, "{\"messageType\":\"CASE_NUMBER_REQUEST\",\"businessType\":\"PILOT_APPLICATION\",\"businessId\":\"a-1\"}");
        JsonNode again = send(HAIYIBAN, "{\"messageType\":\"CASE_NUMBER_REQUEST\",\"businessType\":\"PILOT_APPLICATION\",\"businessId\":\"a-1\"}");
        JsonNode other = send(HAIYIBAN, "{\"messageType\":\"CASE_NUMBER_REQUEST\",\"businessType\":\"PILOT_APPLICATION\",\"businessId\":\"a-2\"}");
        String number = first.path("caseNumber").asText();
        assertThat(number).matches("HYB-SIM-\\d{8}-\\d{6}");
        assertThat(again.path("caseNumber").asText()).isEqualTo(number);
        assertThat(other.path("caseNumber").asText()).isNotEqualTo(number);
        assertThat(first.path("simulator").asBoolean()).isTrue();

        String push = "{\"messageType\":\"CASE_STATUS\",\"caseNumber\":\"" + number + "\",\"status\":\"IN_REVIEW\",\"eventId\":\"e-1\"}";
        assertThat(send(HAIYIBAN, push).path("accepted").asBoolean()).isTrue();
        assertThat(send(HAIYIBAN, push).path("accepted").asBoolean()).isTrue();
        assertThat(book.byNumber(number).orElseThrow().statuses()).hasSize(1);
        JsonNode unknown = send(HAIYIBAN, "{\"messageType\":\"CASE_STATUS\",\"caseNumber\":\"HYB-SIM-X\",\"status\":\"APPROVED\",\"eventId\":\"e-2\"}");
        assertThat(unknown.path("accepted").asBoolean()).isFalse();
        assertThat(unknown.path("code").asText()).isEqualTo("UNKNOWN_CASE");
    }

    @Test
    void keepsEachPendingTaskNoticeAndRefusesUnknownTypes() throws Exception {
        JsonNode notice = send(HAIYIBAN, "{\"messageType\":\"PENDING_TASK_NOTICE\",\"recipient\":\"/org/haikou/unit\","
                + "\"content\":\"待市县单位审核\",\"businessId\":\"a-9\"}");
        assertThat(notice.path("accepted").asBoolean()).isTrue();
        assertThat(book.notices()).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo("PENDING_TASK");
            assertThat(n.recipient()).isEqualTo("/org/haikou/unit");
            assertThat(n.businessId()).isEqualTo("a-9");
        });
        assertThat(send(HAIYIBAN, "{\"messageType\":\"TASK_NOTICE\",\"recipient\":\"x\"}").path("code").asText())
                .isEqualTo("UNKNOWN_MESSAGE_TYPE");
        assertThat(book.notices()).hasSize(1);
    }

    @Test
    void sharedDataAndSms() throws Exception {
        JsonNode dishonest = send(SHARING, "{\"messageType\":\"SHARED_DATA_QUERY\",\"enterpriseUscc\":\"" + SharedDataFixtures.DISHONEST
                + "\",\"kind\":\"SERIOUS_DISHONESTY\"}");
        assertThat(dishonest.path("records")).hasSize(1);
        JsonNode clean = send(SHARING, "{\"messageType\":\"SHARED_DATA_QUERY\",\"enterpriseUscc\":\"" + SharedDataFixtures.YEFENG
                + "\",\"kind\":\"SERIOUS_DISHONESTY\"}");
        assertThat(clean.path("records")).isEmpty();
        assertThat(send(SHARING, "{\"messageType\":\"SHARED_DATA_QUERY\",\"enterpriseUscc\":\"123\",\"kind\":\"AEO_STATUS\"}")
                .path("code").asText()).isEqualTo("USCC_INVALID");
        assertThat(send(SHARING, "{\"messageType\":\"SHARED_DATA_QUERY\",\"enterpriseUscc\":\"" + SharedDataFixtures.YEFENG
                + "\",\"kind\":\"PASSPORTS\"}").path("code").asText()).isEqualTo("UNKNOWN_DATA_SET");
        JsonNode sms = send(SMS, "{\"messageType\":\"SMS\",\"recipient\":\"13807541234\",\"content\":\"您的申请已批准\"}");
        assertThat(sms.path("smsId").asText()).startsWith("SMS-SIM-");
        assertThat(send(SMS, "{\"messageType\":\"SMS\",\"recipient\":\"x\",\"content\":\"\"}").path("code").asText())
                .isEqualTo("CONTENT_INVALID");
        assertThat(send(SMS, "not json").path("code").asText()).isEqualTo("MALFORMED_PAYLOAD");
    }
}
