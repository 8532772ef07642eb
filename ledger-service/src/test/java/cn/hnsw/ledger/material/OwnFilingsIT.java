package cn.hnsw.ledger.material;

import cn.hnsw.ledger.support.LedgerApi;
import cn.hnsw.ledger.support.LedgerIntegrationTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 本企业料件成品备案信息查询: the enterprise's own filed materials and products, as customs approved them (the
 * library is filled from customs' approval receipts), listed by kind and shown one by one with their filing;
 * another enterprise sees neither the list entry nor the detail.
 */
class OwnFilingsIT extends LedgerIntegrationTestBase {

    @Test
    void theEnterpriseListsAndOpensItsOwnApprovedFilingsOnly() {
        String owner = "91460300MA5TOWNF1X";
        String token = declarant(owner);
        long id = fileMaterial(token, "OF-AL-01", "7601100000", "未锻轧非合金铝锭");

        JsonNode list = ok(api.get(token, "/commodities?kind=MATERIAL"));
        assertThat(list.findValuesAsText("itemNo")).containsExactly("OF-AL-01");
        assertThat(ok(api.get(token, "/commodities?kind=FINISHED_PRODUCT"))).isEmpty();

        JsonNode detail = ok(api.get(token, "/commodities/" + id));
        assertThat(detail.path("commodity").path("itemNo").asText()).isEqualTo("OF-AL-01");
        assertThat(detail.path("commodity").path("hsCode").asText()).isEqualTo("7601100000");
        assertThat(detail.path("filing").path("status").asText()).isEqualTo("APPROVED");
        assertThat(detail.path("filing").path("documentNo").asText()).isNotBlank();
        assertThat(detail.path("filing").path("lines").findValuesAsText("itemNo")).contains("OF-AL-01");

        String other = declarant(YANGPU_TRADING);
        assertThat(ok(api.get(other, "/commodities")).findValuesAsText("itemNo")).doesNotContain("OF-AL-01");
        LedgerApi.Response denied = api.get(other, "/commodities/" + id);
        assertThat(denied.status()).isEqualTo(404);
        assertThat(denied.code()).isEqualTo("COMMODITY_NOT_FOUND");
        assertThat(api.get(token, "/commodities/999999999").status()).isEqualTo(404);
        assertThat(api.get(officer("customs-officer"), "/commodities/" + id).status()).isEqualTo(403);
    }
}
