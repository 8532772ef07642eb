package cn.hnsw.video.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 特征库管理 of each of the six libraries through HTTP: an entry added from a photograph is found by 1:N search (exact
 * and through the HNSW graph), relabelled, and once deleted found by neither.
 */
@ServiceIntegrationTest
class FeatureLibraryEntriesIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @EnumSource(value = FeatureLibraryType.class, mode = EnumSource.Mode.EXCLUDE, names = "FACE_BASE")
    void anEntryIsAddedFoundRelabelledAndDeleted(FeatureLibraryType library) {
        ApiClient api = new ApiClient(port);
        TestTokens tokens = TestTokens.issuer();
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        String reviewer = tokens.user("li.qiang", "customs-reviewer").mint();
        // a face of the package's photographs that no other test stores
        String photo = Base64.getEncoder().encodeToString(TestMedia.jpeg(
                TestMedia.isolated(TestMedia.sample("sample6"), 592, 393, 286, 259)));
        String path = "/feature-libraries/" + library.name() + "/entries";
        Reply added = api.post(path, officer, Map.of("photoBase64", photo, "label", "旅客乙（" + library + "）"));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String id = added.text("id");
        assertThat(api.get(path, officer).body().findValuesAsText("id")).contains(id);

        assertThat(api.put(path + "/" + id, reviewer, Map.of("label", "x")).status()).isEqualTo(403);
        Reply relabelled = api.put(path + "/" + id, officer, Map.of("label", "旅客乙（已核实）"));
        assertThat(relabelled.text("label")).isEqualTo("旅客乙（已核实）");
        assertThat(api.put(path + "/" + UUID.randomUUID(), officer, Map.of("label", "x")).text("code"))
                .isEqualTo("LIBRARY_ENTRY_NOT_FOUND");
        for (boolean exact : new boolean[] {true, false}) {
            Reply found = api.post("/identity-checks", officer, Map.of("photoBase64", photo, "library", library.name(),
                    "topK", 1, "exact", exact));
            assertThat(found.body().get(0).get("featureId").asText()).isEqualTo(id);
            assertThat(found.body().get(0).get("label").asText()).isEqualTo("旅客乙（已核实）");
        }

        assertThat(api.delete(path + "/" + id, reviewer).status()).isEqualTo(403);
        assertThat(api.delete(path + "/" + id, officer).status()).isEqualTo(204);
        assertThat(api.get(path, officer).body().findValuesAsText("id")).doesNotContain(id);
        for (boolean exact : new boolean[] {true, false}) {
            Reply after = api.post("/identity-checks", officer, Map.of("photoBase64", photo, "library", library.name(),
                    "topK", 5, "exact", exact));
            assertThat(after.body().findValuesAsText("featureId")).doesNotContain(id);
        }
        assertThat(api.delete(path + "/" + id, officer).status()).isEqualTo(404);
        assertThat(api.delete("/feature-libraries/FACE_BASE/entries/" + id, officer).text("code"))
                .isEqualTo("LIBRARY_ENTRY_FIXED");
    }
}
