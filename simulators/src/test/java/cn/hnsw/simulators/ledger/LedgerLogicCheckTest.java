package cn.hnsw.simulators.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerLogicCheckTest {

    private static JsonNode declaration(String hs, String qty, String ledgerNo) throws Exception {
        return new ObjectMapper().readTree("""
                {"messageType":"LEDGER_DECLARATION","documentNo":"HNZTLE20260601000001","documentType":"LOGISTICS_ENTRY_GENERAL",
                 "enterprise":"91460000MA5T8XQ21K","ledgerNo":%s,
                 "lines":[{"lineNo":1,"kind":"GOODS","hsCode":"%s","quantity":%s,"amount":100}]}"""
                .formatted(ledgerNo == null ? "null" : "\"" + ledgerNo + "\"", hs, qty));
    }

    @Test
    void aCleanDeclarationPasses() throws Exception {
        assertThat(LedgerLogicCheck.check(declaration("8471300000", "10", "HNZBLS20260601000001"))).isEmpty();
    }

    @Test
    void excludedChaptersBadCodesQuantitiesAndMissingLedgersAreReturnedWithReasons() throws Exception {
        assertThat(LedgerLogicCheck.check(declaration("9306900000", "10", "L1")))
                .extracting(LedgerLogicCheck.Reason::code).containsExactly("EXCLUDED_GOODS");
        assertThat(LedgerLogicCheck.check(declaration("84713", "0", null)))
                .extracting(LedgerLogicCheck.Reason::code).containsExactlyInAnyOrder("NO_LEDGER", "BAD_HS_CODE", "BAD_QUANTITY");
        assertThat(LedgerLogicCheck.check(declaration("9306900000", "1", "L1")).get(0).text()).contains("第 93 章", "chapter 93");
    }
}
