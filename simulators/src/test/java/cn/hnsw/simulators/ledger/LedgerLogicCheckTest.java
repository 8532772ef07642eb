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

    private static JsonNode chain(String... members) throws Exception {
        StringBuilder m = new StringBuilder();
        for (int i = 0; i < members.length; i++) {
            m.append(i == 0 ? "" : ",").append("{\"seq\":").append(i + 1).append(",\"enterprise\":\"").append(members[i]).append("\"}");
        }
        return new ObjectMapper().readTree("""
                {"messageType":"LEDGER_DECLARATION","documentNo":"JC2026000001","documentType":"JOINT_CHAIN",
                 "enterprise":"91460000MA5T8XQ21K","header":{"members":[%s]},"lines":[]}""".formatted(m));
    }

    @Test
    void aJointChainWithADishonestOrInvalidMemberIsReturnedNamingIt() throws Exception {
        assertThat(LedgerLogicCheck.check(chain("91460000MA5T8XQ21K", "91460100MA5RCL3Y4P"))).isEmpty();
        assertThat(LedgerLogicCheck.check(chain("91460000MA5T8XQ21K", EnterpriseCreditRecords.DISHONEST)))
                .extracting(LedgerLogicCheck.Reason::code).containsExactly("DISHONEST_MEMBER");
        assertThat(LedgerLogicCheck.check(chain("91460000MA5T8XQ21K", EnterpriseCreditRecords.DISHONEST)).get(0).text())
                .contains("第 2 家", EnterpriseCreditRecords.DISHONEST, "dishonest");
        assertThat(LedgerLogicCheck.check(chain("91460000MA5T8XQ21K", "123")))
                .extracting(LedgerLogicCheck.Reason::code).containsExactly("BAD_USCC");
        assertThat(LedgerLogicCheck.check(chain("91460000MA5T8XQ21K")))
                .extracting(LedgerLogicCheck.Reason::code).containsExactly("CHAIN_TOO_SHORT");
    }

    @Test
    void creditProfilesAreTheSameForTheSameCodeAndRefusedForABadOne() {
        var general = EnterpriseCreditRecords.profile("91460100MA5RCL3Y4P");
        assertThat(general).containsEntry("messageType", "CREDIT_PROFILE").containsEntry("creditGrade", "GENERAL");
        assertThat(EnterpriseCreditRecords.profile("91460100MA5RCL3Y4P")).isEqualTo(general);
        assertThat(EnterpriseCreditRecords.profile(EnterpriseCreditRecords.YEFENG)).containsEntry("creditGrade", "AEO_ADVANCED");
        assertThat(EnterpriseCreditRecords.profile(EnterpriseCreditRecords.DISHONEST)).containsEntry("creditGrade", "DISHONEST");
        assertThat(EnterpriseCreditRecords.profile("bad")).containsEntry("messageType", "CREDIT_QUERY_REFUSED");
    }
}
