package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;
import cn.hnsw.portsituation.PortSituationIT;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 内贸/外贸路线信息展示 (S2 FP 553, 566) through the real API and PostgreSQL: the enabled routes of one trade, as the
 * route display draws them (origin → port → destination), read by officers; an officer registered as a port user gets
 * their port's routes only and is refused another port's (403 PORT_SCOPE).
 */
class RouteDisplayIT extends PortSituationIT {

    String route(String code, String trade, String port, boolean enabled) {
        Api.Reply r = api.post("/v1/base-data/logistics-routes", operator, CatalogueIT.route(code, trade, "SEA", port));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        if (!enabled) {
            assertThat(api.put("/v1/base-data/logistics-routes/" + id + "/enabled", operator, Map.of("enabled", false))
                    .status()).isEqualTo(200);
        }
        return id;
    }

    static List<String> codes(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("content").forEach(n -> out.add(n.get("code").asText()));
        return out;
    }

    @Test
    void theEnabledRoutesOfATradeAreShownToOfficersWithinTheirPort() {
        String tag = "DISP" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String domesticYangpu = tag + "-DY";
        String foreignYangpu = tag + "-FY";
        String domesticXinhai = tag + "-DX";
        String disabled = tag + "-DD";
        List<String> ids = List.of(route(domesticYangpu, "DOMESTIC", "YANGPU_PORT", true),
                route(foreignYangpu, "FOREIGN", "YANGPU_PORT", true), route(domesticXinhai, "DOMESTIC", "XINHAI_PORT", true),
                route(disabled, "DOMESTIC", "YANGPU_PORT", false));
        try {
            // the display's query: one trade, enabled only
            JsonNode domestic = api.get("/v1/base-data/logistics-routes?trade=DOMESTIC&enabled=true&q=" + tag + "&size=200",
                    customs).json();
            assertThat(codes(domestic)).containsExactlyInAnyOrder(domesticYangpu, domesticXinhai);
            domestic.get("content").forEach(r -> {
                assertThat(r.get("origin").asText()).isEqualTo("洋浦港");
                assertThat(r.get("destination").asText()).isEqualTo("钦州港");
            });
            assertThat(codes(api.get("/v1/base-data/logistics-routes?trade=FOREIGN&enabled=true&q=" + tag, maritime)
                    .json())).containsExactly(foreignYangpu);

            String username = "xhroute" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
            String officer = tokens.user(username, "maritime-officer").organization("/海南海事局").mint();
            String userId = PortAdminITAccess.registerXinhai(api, operator, username);
            try {
                assertThat(codes(api.get("/v1/base-data/logistics-routes?trade=DOMESTIC&enabled=true&q=" + tag,
                        officer).json())).containsExactly(domesticXinhai);
                assertThat(codes(api.get("/v1/base-data/logistics-routes?trade=FOREIGN&enabled=true&q=" + tag,
                        officer).json())).isEmpty();
                PortScopeIT.refused(api.get("/v1/base-data/logistics-routes?portCode=YANGPU_PORT", officer));
                PortScopeIT.refused(api.get("/v1/base-data/logistics-routes/" + ids.get(0), officer));
                assertThat(api.get("/v1/base-data/logistics-routes/" + ids.get(2), officer).status()).isEqualTo(200);
            } finally {
                api.delete("/v1/base-data/port-users/" + userId, operator);
            }
            // not an officer of the port situation: refused
            assertThat(api.get("/v1/base-data/logistics-routes?trade=DOMESTIC", tokens.user("youke", "traveler").mint())
                    .status()).isEqualTo(403);
        } finally {
            ids.forEach(id -> api.delete("/v1/base-data/logistics-routes/" + id, operator));
        }
    }
}
