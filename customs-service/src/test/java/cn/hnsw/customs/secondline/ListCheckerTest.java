package cn.hnsw.customs.secondline;

import cn.hnsw.customs.validation.ReferenceLookups;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Each list check refuses its own case with its own code; a clean list passes them all; a disabled check is silent. */
class ListCheckerTest {

    static final String OWNER = "91460100MA5T00001L";

    static final ReferenceLookups LOOKUPS = new ReferenceLookups() {
        final Map<String, Set<String>> known = Map.of("CURRENCY", Set.of("CNY", "USD"), "COUNTRY_REGION", Set.of("CHN", "SGP"));

        @Override
        public boolean knownCode(String table, String code) {
            return known.getOrDefault(table, Set.of()).contains(code);
        }

        @Override
        public boolean qualified(String enterpriseUscc) {
            return true;
        }

        @Override
        public boolean whitelisted(String hsCode) {
            return true;
        }

        @Override
        public Set<String> directReleaseLevyNatures() {
            return Set.of();
        }
    };

    static final List<SecondLineRules.ListCheck> CHECKS = List.of(
            check("LIST-BASIC-NUMBER", "BASIC_DATA", null), check("LIST-BASIC-HS", "BASIC_DATA", null),
            check("LIST-PERMISSION-OWNER", "DECLARATION_PERMISSION", null), check("LIST-GENERAL-ITEMS", "GENERAL_BUSINESS", null),
            check("LIST-TAX-CURRENCY", "TAX", null), check("LIST-INSPECTION-ORIGIN", "INSPECTION", null),
            check("LIST-LICENCE-MODE", "LICENSE", "0644,0245"), check("LIST-COMMODITY-WEIGHT", "SPECIFIC_COMMODITY", null),
            check("LIST-DOCUMENTS-LEDGER", "RELATED_DOCUMENTS", null), check("LIST-BUSINESS-EXHAUSTED", "SPECIFIC_BUSINESS", null));

    @Test
    void aCleanListPassesAllNineFamilies() {
        assertThat(ListChecker.check(list("QD640026I000000001", "0644", "T6400D26000001", "120", "100",
                line("3907610000", "100", "0", "CNY", "CHN")), OWNER, CHECKS, LOOKUPS)).isEmpty();
    }

    @Test
    void eachFamilyRefusesItsOwnCase() {
        assertThat(codes(list("QD64-BAD", "0644", "T1", "120", "100", line("3907610000", "1", "0", "CNY", "CHN")), OWNER))
                .containsExactly("LIST-BASIC-NUMBER");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "120", "100", line("39076100", "1", "0", "CNY", "CHN")), OWNER))
                .containsExactly("LIST-BASIC-HS");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "120", "100", line("3907610000", "1", "0", "CNY", "CHN")),
                "91460000MA5RC2KX8P")).containsExactly("LIST-PERMISSION-OWNER");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "120", "100", line("3907610000", "0", "0", "CNY", "CHN")), OWNER))
                .contains("LIST-GENERAL-ITEMS");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "120", "100", line("3907610000", "1", "0", "XXX", "CHN")), OWNER))
                .containsExactly("LIST-TAX-CURRENCY");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "120", "100", line("3907610000", "1", "0", "CNY", "ATL")), OWNER))
                .containsExactly("LIST-INSPECTION-ORIGIN");
        assertThat(codes(list("QD640026I000000001", "0110", "T1", "120", "100", line("3907610000", "1", "0", "CNY", "CHN")), OWNER))
                .containsExactly("LIST-LICENCE-MODE");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "100", "100", line("3907610000", "1", "0", "CNY", "CHN")), OWNER))
                .containsExactly("LIST-COMMODITY-WEIGHT");
        assertThat(codes(list("QD640026I000000001", "0644", " ", "120", "100", line("3907610000", "1", "0", "CNY", "CHN")), OWNER))
                .containsExactly("LIST-DOCUMENTS-LEDGER");
        assertThat(codes(list("QD640026I000000001", "0644", "T1", "120", "100", line("3907610000", "5", "5", "CNY", "CHN")), OWNER))
                .containsExactly("LIST-BUSINESS-EXHAUSTED");
    }

    @Test
    void aDisabledCheckIsSilent() {
        List<SecondLineRules.ListCheck> without = CHECKS.stream()
                .map(c -> c.code().equals("LIST-COMMODITY-WEIGHT") ? new SecondLineRules.ListCheck(c.code(), c.family(), false,
                        c.messageZh(), c.messageEn(), c.parameter(), 2, Instant.now(), "officer.zhang") : c)
                .toList();
        assertThat(ListChecker.check(list("QD640026I000000001", "0644", "T1", "100", "100",
                line("3907610000", "1", "0", "CNY", "CHN")), OWNER, without, LOOKUPS)).isEmpty();
    }

    @Test
    void theFillRulesTakeAListFieldOrAConstantAndRespectOnlyIfBlank() {
        List<SecondLineRules.FillRule> rules = List.of(
                fill("A", "HEADER", "remark", null, "二线内销", false, 1),
                fill("B", "HEADER", "remark", null, "不应覆盖", true, 2),
                fill("C", "HEADER", "ledgerNo", "ledgerNo", null, false, 3),
                fill("D", "BODY", "quantity", "remainingQuantity", null, false, 1));
        VerificationList l = list("QD640026I000000001", "0644", "T6400D26000001", "120", "100", line("3907610000", "100", "40", "CNY", "CHN"));
        assertThat(SecondLineService.apply(rules, "HEADER", l.headerFields()))
                .containsEntry("remark", "二线内销").containsEntry("ledgerNo", "T6400D26000001").doesNotContainKey("quantity");
        assertThat((BigDecimal) SecondLineService.apply(rules, "BODY", l.items().get(0).fields()).get("quantity"))
                .isEqualByComparingTo("60");
    }

    private static List<String> codes(VerificationList list, String caller) {
        return ListChecker.check(list, caller, CHECKS, LOOKUPS).stream().map(VerificationList.ListFinding::code).distinct().toList();
    }

    private static SecondLineRules.ListCheck check(String code, String family, String parameter) {
        return new SecondLineRules.ListCheck(code, family, true, code + " 未通过", code + " failed", parameter, 1, Instant.now(), "migration");
    }

    private static SecondLineRules.FillRule fill(String id, String scope, String target, String source, String constant,
                                                 boolean onlyIfBlank, int sort) {
        return new SecondLineRules.FillRule(id, scope, target, source, constant, onlyIfBlank, true, sort, id, id, 1,
                Instant.now(), "migration");
    }

    private static VerificationList.Line line(String hs, String quantity, String writtenOff, String currency, String origin) {
        return new VerificationList.Line(1, 3, hs, "聚酯切片", null, new BigDecimal(quantity), "035", new BigDecimal(quantity),
                "035", new BigDecimal("8.5"), new BigDecimal(quantity).multiply(new BigDecimal("8.5")), currency, origin,
                new BigDecimal(writtenOff));
    }

    private static VerificationList list(String no, String mode, String ledger, String gross, String net, VerificationList.Line... lines) {
        return new VerificationList(UUID.randomUUID(), no, VerificationList.DOMESTIC_SALE, OWNER, "海南洋浦新材料科技有限公司", ledger,
                "IMPORT", mode, "4", "6400", "6400", "CHN", new BigDecimal(gross), new BigDecimal(net), 10,
                LocalDate.of(2026, 11, 20), VerificationList.Status.LOADED, List.of(), Instant.now(), null, null, List.of(lines));
    }
}
