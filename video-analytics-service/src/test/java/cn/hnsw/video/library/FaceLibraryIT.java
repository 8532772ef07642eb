package cn.hnsw.video.library;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.ApiClient;
import cn.hnsw.video.support.ApiClient.Reply;
import cn.hnsw.video.support.TestMedia;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Face base library, feature libraries and the searches over them (1:1, 1:N with HNSW and exact, N:M, search by
 * image), on the real database and object storage; the HNSW index is rebuilt from the database.
 */
@ServiceIntegrationTest
class FaceLibraryIT {

    @LocalServerPort
    int port;
    @Autowired
    FaceFeatureRepository features;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    final TestTokens tokens = TestTokens.issuer();

    static String b64(BufferedImage image) {
        return Base64.getEncoder().encodeToString(TestMedia.jpeg(image));
    }

    @Test
    void enrolVerifyIdentifyCrossSearchAndRebuildTheIndexFromTheDatabase(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        ApiClient api = new ApiClient(port);
        String officer = tokens.user("zhang.wei", "customs-officer").mint();
        String[] photos = {"sample1", "sample2", "sample3", "sample5", "sample6"};
        int[][] boxes = {{768, 401, 305, 273}, {1424, 152, 274, 259}, {1011, 246, 346, 314}, {1376, 399, 273, 234},
            {159, 524, 350, 297}};
        String[] ids = new String[boxes.length];
        for (int i = 0; i < boxes.length; i++) {
            int[] b = boxes[i];
            Reply r = api.post("/face-base-records", officer, Map.of("personCode", "P46010020000101000" + i, "name",
                    "旅客" + i, "idNo", "46010020000101000" + i, "photoBase64",
                    b64(TestMedia.isolated(TestMedia.sample(photos[i]), b[0], b[1], b[2], b[3]))));
            assertThat(r.status()).as(r.body().toString()).isEqualTo(201);
            ids[i] = r.text("id");
        }
        assertThat(api.post("/face-base-records", officer, Map.of("personCode", "P460100200001010000", "name", "重复",
                "photoBase64", b64(TestMedia.isolated(TestMedia.sample("sample1"), 768, 401, 305, 273)))).status())
                .isEqualTo(409);

        RgbImage g3 = TestMedia.sample("sample3");
        BufferedImage probe = TestMedia.onCanvas(TestMedia.variant(TestMedia.isolated(g3, 1011, 246, 346, 314), 0.85,
                1.1f), 960, 720, 200, 90);
        // 1:1 — same person (another shot) matches, a different person does not
        Reply same = api.post("/face-verifications", officer, Map.of("photoBase64", b64(probe), "faceBaseRecordId", ids[2]));
        assertThat(same.status()).as(same.body().toString()).isEqualTo(200);
        assertThat(same.body().get("match").asBoolean()).as(same.body().toString()).isTrue();
        Reply other = api.post("/face-verifications", officer, Map.of("photoBase64", b64(probe), "faceBaseRecordId", ids[0]));
        assertThat(other.body().get("match").asBoolean()).as(other.body().toString()).isFalse();
        assertThat(other.body().get("distance").asDouble()).isGreaterThan(same.body().get("distance").asDouble());
        assertThat(same.body().get("model").asText()).isEqualTo("FACE_API");
        // the operator's YuNet + SFace path is refused when this instance has none configured, and unknown models too
        Reply noOperator = api.post("/face-verifications", officer, Map.of("photoBase64", b64(probe),
                "otherPhotoBase64", b64(probe), "model", "OPERATOR"));
        assertThat(noOperator.status()).isEqualTo(409);
        assertThat(noOperator.text("code")).isEqualTo("OPERATOR_MODELS_NOT_CONFIGURED");
        assertThat(api.post("/face-verifications", officer, Map.of("photoBase64", b64(probe),
                "otherPhotoBase64", b64(probe), "model", "ARCFACE")).status()).isEqualTo(400);

        // 1:N — HNSW and exact search agree on the best candidate
        Reply hnsw = api.post("/identity-checks", officer, Map.of("photoBase64", b64(probe), "topK", 3));
        Reply exact = api.post("/identity-checks", officer, Map.of("photoBase64", b64(probe), "topK", 3, "exact", true));
        assertThat(hnsw.body().get(0).get("faceBaseRecordId").asText()).isEqualTo(ids[2]);
        assertThat(exact.body().get(0).get("faceBaseRecordId").asText()).isEqualTo(ids[2]);
        assertThat(hnsw.body().get(0).get("distance").asDouble())
                .isCloseTo(exact.body().get(0).get("distance").asDouble(), org.assertj.core.data.Offset.offset(1e-4));

        // feature libraries and N:M: person 2 on the red list and the whitelist, cross retrieval finds the pair
        assertThat(api.post("/feature-libraries/red-list/entries", officer, Map.of("faceBaseRecordId", ids[2],
                "label", "红名单-2")).status()).isEqualTo(201);
        assertThat(api.post("/feature-libraries/business/entries", officer, Map.of("photoBase64", b64(probe),
                "label", "业务-2")).status()).isEqualTo(201);
        assertThat(api.post("/feature-libraries/nonsense/entries", officer, Map.of("faceBaseRecordId", ids[2]))
                .text("code")).isEqualTo("LIBRARY_INVALID");
        Reply cross = api.post("/cross-retrievals", officer, Map.of("left", "RED_LIST", "right", "FACE_BASE"));
        // the test database is shared: other tests' faces may resemble person 2; of this test's travellers only 旅客2
        List<String> travellers = new java.util.ArrayList<>();
        cross.body().forEach(p -> {
            if (p.get("leftLabel").asText().equals("红名单-2") && p.get("rightLabel").asText().startsWith("旅客")) {
                travellers.add(p.get("rightLabel").asText());
            }
        });
        assertThat(travellers).containsExactly("旅客2");

        // persons of interest are bound to the face base library
        Reply poi = api.post("/persons-of-interest", officer, Map.of("faceBaseRecordId", ids[4], "category", "走私嫌疑",
                "reason", "多次携带超量物品"));
        assertThat(poi.status()).isEqualTo(201);
        Reply poiSearch = api.post("/identity-checks", officer, Map.of("photoBase64",
                b64(TestMedia.isolated(TestMedia.sample("sample6"), 159, 524, 350, 297)), "library", "PERSON_OF_INTEREST", "topK", 1));
        assertThat(poiSearch.body().get(0).get("faceBaseRecordId").asText()).isEqualTo(ids[4]);
        assertThat(poiSearch.body().get(0).get("match").asBoolean()).isTrue();

        // captures: intake refuses data without device code or capture time, then search by image finds the capture
        String photo = b64(probe);
        Reply noDevice = api.post("/face-captures", officer, Map.of("capturedAt", "2026-11-27T03:00:00Z", "photoBase64", photo));
        assertThat(noDevice.status()).isEqualTo(422);
        assertThat(noDevice.text("code")).isEqualTo("DEVICE_CODE_MISSING");
        Reply noTime = api.post("/face-captures", officer, Map.of("deviceCode", "46010000001320000009", "photoBase64", photo));
        assertThat(noTime.text("code")).isEqualTo("CAPTURE_TIME_MISSING");
        Reply intake = api.post("/face-captures", officer, Map.of("deviceCode", "46010000001320000009",
                "capturedAt", "2026-11-27T03:00:00Z", "photoBase64", photo));
        assertThat(intake.status()).as(intake.body().toString()).isEqualTo(200);
        // attributes computed on the capture: gender and age by face-api's age/gender net
        String attributes = jdbc.queryForObject("SELECT attributes::text FROM face_capture WHERE device_code = "
                + "'46010000001320000009'", String.class);
        assertThat(attributes).contains("\"gender\"").contains("\"age\"");
        Reply found = api.post("/face-searches", officer, Map.of("photoBase64",
                b64(TestMedia.isolated(g3, 1011, 246, 346, 314))));
        assertThat(found.body()).as(found.body().toString()).hasSize(1);
        assertThat(found.body().get(0).get("deviceCode").asText()).isEqualTo("46010000001320000009");
        Reply outOfWindow = api.post("/face-searches", officer, Map.of("photoBase64",
                b64(TestMedia.isolated(g3, 1011, 246, 346, 314)), "from", "2026-11-28T00:00:00Z"));
        assertThat(outOfWindow.body()).isEmpty();

        // a fresh index directory is rebuilt from the database and answers the same; so does a quantized one, whose
        // re-rank on the stored floats reports exact distances
        for (boolean quantized : new boolean[] {true, false}) {
            VectorIndex rebuilt = new VectorIndex(features, tmp.resolve(quantized ? "index-int7" : "index"), 100,
                    quantized);
            rebuilt.open();
            try {
                assertThat(rebuilt.rebuiltAtStart()).isTrue();
                assertThat(rebuilt.size()).isEqualTo(features.count());
                float[] q = features.byLibrary(FeatureLibraryType.FACE_BASE).get(2).descriptor();
                List<VectorIndex.Neighbour> approx = rebuilt.nearest(FeatureLibraryType.FACE_BASE, q, 2);
                List<VectorIndex.Neighbour> exactTwo = rebuilt.exact(FeatureLibraryType.FACE_BASE, q, 2);
                // the same neighbours as the exact search, rank by rank; other tests of this JVM may enrol the same
                // photograph, so two records can stand at the same distance and either may come first: compare the
                // distances at each rank, and the nearest record where no other stands at its distance
                assertThat(approx).hasSize(2);
                for (int rank = 0; rank < 2; rank++) {
                    assertThat(approx.get(rank).distance()).as("rank %d", rank).isCloseTo(exactTwo.get(rank).distance(),
                            org.assertj.core.data.Offset.offset(1e-4));
                }
                if (exactTwo.get(1).distance() - exactTwo.get(0).distance() > 1e-4) {
                    assertThat(approx.get(0).featureId()).isEqualTo(exactTwo.get(0).featureId());
                }
            } finally {
                rebuilt.close();
            }
        }
        // and reopening it finds it in step with the database: no rebuild
        VectorIndex reopened = new VectorIndex(features, tmp.resolve("index"), 100, false);
        reopened.open();
        try {
            assertThat(reopened.rebuiltAtStart()).isFalse();
        } finally {
            reopened.close();
        }

        // a traveller cannot use the face library
        assertThat(api.get("/face-base-records", tokens.user("li.na", "traveler").mint()).status()).isEqualTo(403);
    }
}
