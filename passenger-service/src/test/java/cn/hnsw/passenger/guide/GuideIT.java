package cn.hnsw.passenger.guide;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.passenger.support.PassengerITBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FP 99–107: guides with attachments in object storage, linked to article categories, edited only by officers. */
class GuideIT extends PassengerITBase {

    private static final byte[] MANUAL = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF".getBytes(StandardCharsets.US_ASCII);

    private HttpResponse<String> upload(String guideId, String token, String fileName, String contentType,
                                        byte[] content) throws Exception {
        String boundary = "----hnsw" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/passenger/v1/guides/" + guideId + "/attachments"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void officersPublishGuidesWithAttachmentsThatTravelersReadByCategory() throws Exception {
        String officer = officer("guide.editor", "customs-officer");
        String traveler = traveler("guide.reader");
        Map<String, Object> guide = Map.of("titleZh", "出岛旅客烟酒携带指引", "titleEn", "Tobacco and alcohol for travelers leaving the island",
                "bodyZh", "出岛旅客携带烟酒应如实申报……", "bodyEn", "Travelers leaving the island declare tobacco and alcohol…",
                "categories", List.of("TOBACCO_ALCOHOL"), "published", false);
        assertThat(call("POST", "/v1/guides", traveler, guide).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = call("POST", "/v1/guides", officer, Map.of("titleZh", "", "titleEn", "x",
                "bodyZh", "y", "bodyEn", "z", "categories", List.of("WEAPONS")));
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(json(invalid).path("errors").findValuesAsText("field")).contains("titleZh", "categories");

        HttpResponse<String> created = call("POST", "/v1/guides", officer, guide);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created).path("id").asText();
        assertThat(call("GET", "/v1/guides/" + id, traveler, null).statusCode()).isEqualTo(404);

        HttpResponse<String> attached = upload(id, officer, "烟酒携带手册.pdf", "application/pdf", MANUAL);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String attachmentId = json(attached).path("id").asText();
        assertThat(upload(id, officer, "run.exe", "application/octet-stream", new byte[] {1, 2}).statusCode())
                .isEqualTo(400);
        assertThat(upload(id, officer, "fake.pdf", "application/pdf", "MZ....".getBytes(StandardCharsets.US_ASCII))
                .statusCode()).isEqualTo(400);
        assertThat(upload(id, traveler, "x.pdf", "application/pdf", MANUAL).statusCode()).isEqualTo(403);

        Map<String, Object> published = new java.util.LinkedHashMap<>(guide);
        published.put("published", true);
        assertThat(call("PUT", "/v1/guides/" + id, officer, published).statusCode()).isEqualTo(200);
        JsonNode linked = json(call("PUT", "/v1/guides/" + id + "/categories", officer,
                Map.of("categories", List.of("TOBACCO_ALCOHOL", "VALUABLES"))));
        assertThat(linked.path("categories").toString()).contains("TOBACCO_ALCOHOL").contains("VALUABLES");

        JsonNode byCategory = json(call("GET", "/v1/guides?category=VALUABLES", traveler, null));
        assertThat(byCategory.findValuesAsText("id")).contains(id);
        assertThat(json(call("GET", "/v1/guides?category=FOOD", traveler, null)).findValuesAsText("id"))
                .doesNotContain(id);
        JsonNode detail = json(call("GET", "/v1/guides/" + id, traveler, null));
        assertThat(detail.path("attachments").get(0).path("fileName").asText()).isEqualTo("烟酒携带手册.pdf");
        HttpResponse<byte[]> file = getBytes("/v1/guides/" + id + "/attachments/" + attachmentId, traveler);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(MANUAL);

        assertThat(call("DELETE", "/v1/guides/" + id, traveler, null).statusCode()).isEqualTo(403);
        assertThat(call("DELETE", "/v1/guides/" + id, officer, null).statusCode()).isEqualTo(204);
        assertThat(call("GET", "/v1/guides/" + id, officer, null).statusCode()).isEqualTo(404);
        assertThat(count("guide_attachment")).isZero();

        // FP 107 日志处理: every change to the guide, refused ones included, is in the operation log
        JsonNode log = json(call("GET", "/v1/admin/operation-log?size=100&businessId=" + id,
                officer("ops.auditor", "sw-operator"), null));
        List<String> rows = new java.util.ArrayList<>();
        log.path("content").forEach(r -> rows.add(r.path("action").asText() + " " + r.path("actorName").asText()
                + " " + r.path("result").asText()));
        assertThat(rows).contains("PUT /api/passenger/v1/guides/{id} guide.editor SUCCESS",
                "PUT /api/passenger/v1/guides/{id}/categories guide.editor SUCCESS",
                "POST /api/passenger/v1/guides/{id}/attachments guide.editor SUCCESS",
                "POST /api/passenger/v1/guides/{id}/attachments guide.editor FAILURE",
                "POST /api/passenger/v1/guides/{id}/attachments guide.reader FAILURE",
                "DELETE /api/passenger/v1/guides/{id} guide.reader FAILURE",
                "DELETE /api/passenger/v1/guides/{id} guide.editor SUCCESS");
    }
}
