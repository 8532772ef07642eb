package cn.hnsw.customs.declaration;

import cn.hnsw.customs.CustomsIntegrationTestBase;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static cn.hnsw.customs.declaration.DeclarationFixtures.header;
import static cn.hnsw.customs.declaration.DeclarationFixtures.item;
import static cn.hnsw.customs.declaration.DeclarationFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 监管证件检查 (FP 437, 893, 1178): a commodity whose licence condition names a supervision document type is declared
 * only with a document of that type attached; the refusal says which item, condition and document; operators keep the
 * conditions, enterprises their own declarations' documents.
 */
class SupervisionDocumentIT extends CustomsIntegrationTestBase {

    /** A commodity no other test declares, so that its condition holds only here. */
    static final String WINE = "2204210000";
    static final String ENTERPRISE_D = UnifiedSocialCreditCode.complete("91460108MA5T04PDC");

    @Test
    void aCommodityWhoseLicenceConditionNeedsADocumentIsDeclaredOnlyWithItAttached() {
        assertThat(put("/v1/supervision-conditions/" + WINE, enterpriseToken(ENTERPRISE_D), Map.of("conditionCodes", "7"))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> unknown = put("/v1/supervision-conditions/" + WINE, operatorToken(), Map.of("conditionCodes", "7Z"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(json(unknown.body()).path("code").asText()).isEqualTo("SUPERVISION_CONDITION_INVALID");
        assertThat(json(unknown.body()).path("messageZh").asText()).isEqualTo("商品监管条件设置无效：监管条件“7Z”须由监管证件代码组成");
        assertThat(put("/v1/supervision-conditions/" + WINE, operatorToken(), Map.of("conditionCodes", "7A")).statusCode()).isEqualTo(200);
        try {
            assertThat(json(get("/v1/supervision-conditions", enterpriseToken(ENTERPRISE_D)).body()).findValuesAsText("hsCode")).contains(WINE);
            for (String type : List.of("FIRST_LINE_GENERAL", "SECOND_LINE_GENERAL", "SECOND_LINE_DOMESTIC_SALE")) {
                declaredOnlyWithTheDocuments(type);
            }
        } finally {
            assertThat(delete("/v1/supervision-conditions/" + WINE, operatorToken()).statusCode()).isEqualTo(204);
        }
    }

    private void declaredOnlyWithTheDocuments(String type) {
        String token = enterpriseToken(ENTERPRISE_D);
        Map<String, Object> h = header(ENTERPRISE_D);
        if (type.startsWith("SECOND")) {
            h.put("verificationListNo", "QD640026E000000789");
            h.put("ledgerNo", "L6400D26000009");
        }
        HttpResponse<String> created = post("/v1/declarations", token, request(type, h,
                List.of(item("3907610000", "聚酯切片"), item(WINE, "葡萄酒"))));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = json(created.body()).path("declaration").path("id").asText();

        HttpResponse<String> missing = post("/v1/declarations/" + id + "/submission", token, "");
        assertThat(missing.statusCode()).as(type + " " + missing.body()).isEqualTo(422);
        JsonNode problem = json(missing.body());
        assertThat(problem.path("code").asText()).as(missing.body()).isEqualTo("SUPERVISION_DOCUMENT_MISSING");
        assertThat(problem.path("messageZh").asText())
                .isEqualTo("第2项商品2204210000的监管条件为“7A”，须随附监管证件“自动进口许可证”（代码7），报关单未随附");
        assertThat(problem.path("messageEn").asText()).contains("Item 2", "licence condition 7A", "Automatic import licence");
        assertThat(status(id)).isEqualTo("DRAFT");

        // A document of a type not in the code table is refused; one of the two types is not enough.
        HttpResponse<String> badType = put("/v1/declarations/" + id + "/attached-documents", token,
                List.of(Map.of("docType", "ZZ", "docNo", "X1")));
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(json(badType.body()).path("code").asText()).isEqualTo("ATTACHED_DOCUMENT_INVALID");
        assertThat(put("/v1/declarations/" + id + "/attached-documents", token,
                List.of(Map.of("docType", "7", "docNo", "AIL2026000123"))).statusCode()).isEqualTo(200);
        HttpResponse<String> half = post("/v1/declarations/" + id + "/submission", token, "");
        assertThat(half.statusCode()).isEqualTo(422);
        assertThat(json(half.body()).path("messageZh").asText()).contains("（代码A）");

        // Another enterprise neither reads nor changes them.
        assertThat(get("/v1/declarations/" + id + "/attached-documents", enterpriseToken(ENTERPRISE_B)).statusCode()).isEqualTo(404);
        assertThat(put("/v1/declarations/" + id + "/attached-documents", enterpriseToken(ENTERPRISE_B),
                List.of(Map.of("docType", "7", "docNo", "X"))).statusCode()).isEqualTo(404);

        assertThat(put("/v1/declarations/" + id + "/attached-documents", token, List.of(
                Map.of("docType", "7", "docNo", "AIL2026000123"), Map.of("docType", "A", "docNo", "CIQ2026000456"))).statusCode()).isEqualTo(200);
        assertThat(json(get("/v1/declarations/" + id + "/attached-documents", token).body()).findValuesAsText("docType"))
                .containsExactly("7", "A");
        HttpResponse<String> declared = post("/v1/declarations/" + id + "/submission", token, "");
        assertThat(declared.statusCode()).as(type + " " + declared.body()).isEqualTo(200);
        // Declared: the documents no longer change.
        assertThat(put("/v1/declarations/" + id + "/attached-documents", token, List.of()).statusCode()).isEqualTo(409);
    }

    private String status(String id) {
        return jdbc.queryForObject("SELECT status FROM customs_declaration WHERE id = ?::uuid", String.class, id);
    }
}
