package cn.hnsw.portsituation.basedata;

import cn.hnsw.portsituation.Api;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Port-user set-up for the integration tests of other packages: registers a login as a Xinhai duty officer. */
public final class PortAdminITAccess {

    private PortAdminITAccess() {
    }

    /** Registers {@code username} as a port user of the Xinhai duty office; returns the port user's id. */
    public static String registerXinhai(Api api, String operator, String username) {
        Api.Reply r = api.post("/v1/base-data/port-users", operator, PortAdminIT.body("code", username,
                "nameZh", "新海港值班员", "orgCode", "XINHAI_DUTY", "roles", List.of("DUTY_OFFICER")));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
