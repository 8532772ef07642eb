package cn.hnsw.ledger.guide;

import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** 业务指引 (FP 1330–1459): the operator keeps guides with steps and files in object storage; enterprises read them. */
class GuideIT extends LedgerIntegrationTestBase {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectStorage storage;

    private static final String TOPIC = "ZT_LOGISTICS_BATCH_EXIT";

    @Test
    void theOperatorKeepsGuidesWithStepsAndFilesAndEnterprisesReadThem() {
        String operator = officer("sw-operator");
        String enterprise = declarant(YANGPU_TRADING);
        JsonNode guide = ok(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", "分批出岛集中报关办理指引",
                "summary", "出库申请、核放单、集中报关三步",
                "steps", List.of(Map.of("title", "出库申请", "description", "每批货物提交出库申请"),
                        Map.of("title", "核放单", "description", "每批一张核放单过卡"),
                        Map.of("title", "集中报关", "description", "月度汇总生成报关单草稿")))));
        long id = guide.path("id").asLong();
        byte[] pdf = ("%PDF-1.4 guide " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        JsonNode file = ok(upload(operator, "/guides/" + id + "/attachments", "操作手册.pdf", "application/pdf", pdf));
        assertThat(file.path("sm3").asText()).hasSize(64);

        // the enterprise finds it under its topic, with the process in order and the file from object storage
        JsonNode topics = ok(api.get(enterprise, "/guides/topics"));
        assertThat(topics).hasSize(26);
        assertThat(topics.get(0).path("code").asText()).isEqualTo("ZT_LOGISTICS_FILING");
        JsonNode listed = ok(api.get(enterprise, "/guides?topic=" + TOPIC));
        assertThat(listed.findValuesAsText("title")).contains("分批出岛集中报关办理指引");
        JsonNode read = ok(api.get(enterprise, "/guides/" + id));
        assertThat(read.path("steps").findValuesAsText("title")).containsExactly("出库申请", "核放单", "集中报关");
        assertThat(api.download(enterprise, "/guides/" + id + "/attachments/" + file.path("id").asLong())).isEqualTo(pdf);
        String key = jdbc.sql("SELECT object_key FROM ledger_guide_attachment WHERE id = :id")
                .param("id", file.path("id").asLong()).query(String.class).single();
        assertThat(storage.exists(GuideService.BUCKET, key)).isTrue();

        // modify: new steps, version moves
        JsonNode changed = ok(api.put(operator, "/guides/" + id, Map.of("title", "分批出岛集中报关办理指引（2026 版）",
                "steps", List.of(Map.of("title", "出库申请"), Map.of("title", "集中报关")))));
        assertThat(changed.path("version").asInt()).isEqualTo(1);
        assertThat(changed.path("steps").findValuesAsText("title")).containsExactly("出库申请", "集中报关");
        assertThat(changed.path("topic").asText()).isEqualTo(TOPIC);

        // delete: the guide and its file are gone
        assertThat(api.request("DELETE", operator, "/guides/" + id).status()).isEqualTo(204);
        assertThat(api.get(enterprise, "/guides/" + id).code()).isEqualTo("GUIDE_NOT_FOUND");
        assertThat(storage.exists(GuideService.BUCKET, key)).isFalse();
    }

    @Test
    void enterprisesCannotChangeGuidesAndBadInputChangesNothing() {
        String operator = officer("sw-operator");
        String enterprise = declarant(HAIKOU_LOGISTICS);
        long before = jdbc.sql("SELECT count(*) FROM ledger_guide").query(Long.class).single();
        assertThat(api.post(enterprise, "/guides", Map.of("topic", TOPIC, "title", "企业自建")).status()).isEqualTo(403);
        LedgerApi.Response unknown = api.post(operator, "/guides", Map.of("topic", "NO_SUCH_TOPIC", "title", "x"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("GUIDE_INVALID");
        assertThat(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", " ")).code()).isEqualTo("GUIDE_INVALID");
        assertThat(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", "无名步骤",
                "steps", List.of(Map.of("description", "缺名称")))).code()).isEqualTo("GUIDE_INVALID");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_guide").query(Long.class).single()).isEqualTo(before);

        long id = ok(api.post(operator, "/guides", Map.of("topic", TOPIC, "title", "权限测试指引"))).path("id").asLong();
        assertThat(api.put(enterprise, "/guides/" + id, Map.of("title", "改")).status()).isEqualTo(403);
        assertThat(api.request("DELETE", enterprise, "/guides/" + id).status()).isEqualTo(403);
        assertThat(upload(enterprise, "/guides/" + id + "/attachments", "a.pdf", "application/pdf", new byte[] {1}).status())
                .isEqualTo(403);
        assertThat(upload(operator, "/guides/" + id + "/attachments", "x.exe", "application/x-msdownload", new byte[] {1}).code())
                .isEqualTo("ATTACHMENT_INVALID");
        assertThat(api.get(officer("traveler"), "/guides").status()).isEqualTo(403);
        assertThat(ok(api.get(enterprise, "/guides/" + id)).path("title").asText()).isEqualTo("权限测试指引");
        assertThat(ok(api.get(enterprise, "/guides/" + id)).path("attachments")).isEmpty();
    }

    private LedgerApi.Response upload(String token, String path, String fileName, String contentType, byte[] content) {
        String boundary = "----hnsw" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.postBytes(token, path, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
    }
}
