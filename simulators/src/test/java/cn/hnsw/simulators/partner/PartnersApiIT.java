package cn.hnsw.simulators.partner;

import cn.hnsw.simulators.SimulatorsWithKeysTestBase;
import cn.hnsw.simulators.TestKeys;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry of simulated partners as operators and platform services read it. */
class PartnersApiIT extends SimulatorsWithKeysTestBase {

    @Test
    void listsEveryPartnerWithItsKindAndKeyForOperatorsAndServices() {
        JsonNode partners = json(get("/v1/partners", operatorToken()).body());
        // the keyed partners, plus those without a key in these tests: haiyiban, issue 8's sms-platform and data-sharing,
        // and the video alerts' app-push service
        assertThat(partners.size()).isEqualTo(TestKeys.PARTNERS.size() + 4);
        JsonNode first = partners.get(0);
        assertThat(first.path("id").asText()).isEqualTo(TestKeys.CUSTOMS);
        assertThat(first.path("nameZh").asText()).isEqualTo("H2018 通关管理系统模拟器");
        assertThat(first.path("nameEn").asText()).isEqualTo("H2018 clearance management system simulator");
        assertThat(first.path("kind").asText()).isEqualTo("CUSTOMS_H2018");
        assertThat(first.path("keyId").asText()).isEqualTo(TestKeys.CUSTOMS);
        assertThat(get("/v1/partners", serviceToken()).statusCode()).isEqualTo(200);
        assertThat(get("/v1/partners", token("traveler")).statusCode()).isEqualTo(403);
        assertThat(get("/v1/partners", null).statusCode()).isEqualTo(401);
    }
}
