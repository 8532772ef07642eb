package cn.hnsw.video.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** 公安网接入地址 of the feature libraries: administrators add, modify and delete; officers query; bad input stores nothing. */
@ServiceIntegrationTest
class LibraryAccessIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void administratorsKeepThePublicSecurityNetworkAddressOfEachLibrary() {
        ApiClient api = new ApiClient(port);
        TestTokens tokens = TestTokens.issuer();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        String admin = tokens.user("zhao.min", "platform-admin").mint();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String address = "https://gaw-" + tag + ".hainan.police.example/feature/red-list";
        Map<String, Object> body = Map.of("library", "RED_LIST", "name", "公安网红名单库" + tag, "address", address);

        assertThat(api.post("/feature-library-access", officer, body).status()).isEqualTo(403);
        for (String bad : new String[] {"ftp://gaw.example/x", "https://user:pw@gaw.example/x", "not an address"}) {
            Reply refused = api.post("/feature-library-access", admin, Map.of("library", "RED_LIST", "name", "x" + tag,
                    "address", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.text("code")).isEqualTo("ACCESS_ADDRESS_INVALID");
        }
        assertThat(api.post("/feature-library-access", admin, Map.of("library", "NOPE", "name", "x" + tag, "address",
                address)).text("code")).isEqualTo("LIBRARY_INVALID");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM feature_library_access WHERE name LIKE ?", Integer.class,
                "%" + tag)).isZero();

        Reply added = api.post("/feature-library-access", admin, body);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String id = added.text("id");
        assertThat(api.post("/feature-library-access", admin, body).text("code")).isEqualTo("ACCESS_ADDRESS_TAKEN");
        assertThat(api.get("/feature-library-access?library=RED_LIST", officer).body().findValuesAsText("id"))
                .contains(id);
        assertThat(api.get("/feature-library-access?library=WHITELIST", officer).body().findValuesAsText("id"))
                .doesNotContain(id);

        Map<String, Object> moved = Map.of("library", "RED_LIST", "name", "公安网红名单库（备用）" + tag, "address",
                address.replace("gaw-", "gaw2-"), "enabled", false);
        assertThat(api.put("/feature-library-access/" + id, officer, moved).status()).isEqualTo(403);
        Reply modified = api.put("/feature-library-access/" + id, admin, moved);
        assertThat(modified.text("address")).isEqualTo(address.replace("gaw-", "gaw2-"));
        assertThat(modified.body().get("enabled").asBoolean()).isFalse();
        assertThat(api.get("/feature-library-access/" + id, officer).text("name"))
                .isEqualTo("公安网红名单库（备用）" + tag);

        assertThat(api.delete("/feature-library-access/" + id, officer).status()).isEqualTo(403);
        assertThat(api.delete("/feature-library-access/" + id, admin).status()).isEqualTo(204);
        assertThat(api.get("/feature-library-access/" + id, officer).status()).isEqualTo(404);
        assertThat(api.delete("/feature-library-access/" + id, admin).status()).isEqualTo(404);
    }
}
