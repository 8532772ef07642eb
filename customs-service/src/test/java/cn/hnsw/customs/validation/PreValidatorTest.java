package cn.hnsw.customs.validation;

import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The rule kinds without Spring: each refuses what it should, with the rule's own message. */
class PreValidatorTest {

    static final String OWNER = "91460100MA5T00001L";

    static final ReferenceLookups REFS = new ReferenceLookups() {
        final Map<String, Set<String>> codes = Map.of("COUNTRY_REGION", Set.of("SGP", "CHN"), "CURRENCY", Set.of("USD"));

        @Override
        public boolean knownCode(String table, String code) {
            return codes.getOrDefault(table, Set.of()).contains(code);
        }

        @Override
        public boolean qualified(String enterpriseUscc) {
            return OWNER.equals(enterpriseUscc);
        }

        @Override
        public boolean whitelisted(String hsCode) {
            return hsCode.startsWith("3907");
        }

        @Override
        public Set<String> directReleaseLevyNatures() {
            return Set.of("101");
        }
    };

    static ValidationRule rule(ValidationRuleKind kind, Severity severity, String parameter, String zh) {
        return new ValidationRule("R-" + kind, CheckFamily.BASIC_DATA, kind, Set.of(DeclarationType.values()), severity,
                true, zh, "en " + zh, parameter, 1);
    }

    static DeclarationItem item(String hs, String qty, String price, String total, String gross, String net) {
        return new DeclarationItem(1, hs, "聚酯切片", null, new BigDecimal(qty), "035", null, null, null, null,
                new BigDecimal(price), new BigDecimal(total), "USD", "SGP", "CHN", "3",
                gross == null ? null : new BigDecimal(gross), net == null ? null : new BigDecimal(net), null);
    }

    static CustomsDeclaration declaration(DeclarationHeader header, DeclarationItem... items) {
        return CustomsDeclaration.draft("640020261000000001", DeclarationType.DIRECT_RELEASE, null, OWNER, "企业",
                header, List.of(items), null, Instant.now());
    }

    static DeclarationHeader header(String levy, String gross, String net, String country) {
        return new DeclarationHeader("6400", "6400", null, "0110", levy, false, "2", "COSCO HAIKOU", "2611E", "HNBL1",
                OWNER, "海南企业", "PACIFIC", OWNER, "海南企业", country, "SGP", "SGSIN", "1", "22", 10,
                gross == null ? null : new BigDecimal(gross), net == null ? null : new BigDecimal(net), null, null,
                null, null);
    }

    @Test
    void grossMustExceedNetOnHeaderAndItems() {
        ValidationRule r = rule(ValidationRuleKind.GROSS_EXCEEDS_NET, Severity.ERROR, null, "{0}毛重须大于净重");
        ValidationReport ok = PreValidator.validate(declaration(header("101", "10", "9", "SGP"),
                item("3907610000", "2", "1.5", "3.00", "5", "4")), List.of(r), REFS);
        assertThat(ok.passed()).isTrue();
        ValidationReport equal = PreValidator.validate(declaration(header("101", "10", "10", "SGP"),
                item("3907610000", "2", "1.5", "3.00", "4", "5")), List.of(r), REFS);
        assertThat(equal.errorCount()).isEqualTo(2);
        assertThat(equal.findings()).extracting(ValidationFinding::messageZh).containsExactly("表头毛重须大于净重", "第1项商品毛重须大于净重");
    }

    @Test
    void theLevyNatureOutsideTheDirectReleaseSetOnlyWarns() {
        ValidationRule r = rule(ValidationRuleKind.DIRECT_RELEASE_LEVY_NATURE, Severity.WARNING, null, "此征免性质不适用于径予放行申报，是否继续。");
        ValidationReport report = PreValidator.validate(declaration(header("789", "10", "9", "SGP"),
                item("3907610000", "2", "1.5", "3.00", null, null)), List.of(r), REFS);
        assertThat(report.passed()).isTrue();
        assertThat(report.warningCount()).isEqualTo(1);
        assertThat(PreValidator.validate(declaration(header("101", "10", "9", "SGP"),
                item("3907610000", "2", "1.5", "3.00", null, null)), List.of(r), REFS).warningCount()).isZero();
    }

    @Test
    void whitelistParameterCodesTotalsAndHsPrefixes() {
        List<ValidationRule> rules = List.of(
                rule(ValidationRuleKind.ZERO_TARIFF_WHITELIST, Severity.ERROR, null, "该商品不在白名单范围。"),
                rule(ValidationRuleKind.PARAMETER_CODES, Severity.ERROR, "tradingCountry=COUNTRY_REGION,item.currency=CURRENCY", "{0}:{1}"),
                rule(ValidationRuleKind.TOTAL_MATCHES_PRICE, Severity.ERROR, "0.01", "第{0}项总价不符"),
                rule(ValidationRuleKind.HS_PREFIX_REFUSED, Severity.ERROR, "02,03", "{0}涉检"));
        ValidationReport report = PreValidator.validate(declaration(header("101", "10", "9", "XXX"),
                item("0302110000", "2", "1.5", "4.00", null, null)), rules, REFS);
        assertThat(report.findings()).extracting(ValidationFinding::messageZh)
                .containsExactly("该商品不在白名单范围。", "tradingCountry:XXX", "第1项总价不符", "0302110000涉检");
    }

    @Test
    void headerCodeSetsAndTheFieldsThatGoTogether() {
        List<ValidationRule> rules = List.of(
                rule(ValidationRuleKind.HEADER_CODE_IN_SET, Severity.ERROR, "supervisionMode=0644,0245", "in:{0}={1}"),
                rule(ValidationRuleKind.HEADER_CODE_NOT_IN_SET, Severity.ERROR, "departureCountry=SGP", "out:{0}={1}"),
                rule(ValidationRuleKind.HEADER_CODE_IMPLIES, Severity.ERROR,
                        "supervisionMode=0214>levyNature=502;supervisionMode=0110|0130>levyNature=101|299", "{0}>{1}:{2}"));
        ValidationReport report = PreValidator.validate(declaration(header("789", "10", "9", "SGP"),
                item("3907610000", "2", "1.5", "3.00", null, null)), rules, REFS);
        assertThat(report.findings()).extracting(ValidationFinding::messageZh)
                .containsExactly("in:supervisionMode=0110", "out:departureCountry=SGP", "0110>101/299:789");
        ValidationReport fine = PreValidator.validate(declaration(header("299", "10", "9", "SGP"),
                item("3907610000", "2", "1.5", "3.00", null, null)), List.of(rules.get(2)), REFS);
        assertThat(fine.passed()).isTrue();
        assertThat(fine.findings()).isEmpty();
    }

    @Test
    void disabledRulesAndRulesForOtherTypesDoNotRun() {
        ValidationRule disabled = new ValidationRule("X", CheckFamily.TAX, ValidationRuleKind.ITEMS_PRESENT,
                Set.of(DeclarationType.DIRECT_RELEASE), Severity.ERROR, false, "无商品", "none", null, 1);
        ValidationRule otherType = new ValidationRule("Y", CheckFamily.TAX, ValidationRuleKind.ITEMS_PRESENT,
                Set.of(DeclarationType.SECOND_LINE_GENERAL), Severity.ERROR, true, "无商品", "none", null, 1);
        ValidationReport report = PreValidator.validate(declaration(header("101", null, null, "SGP")),
                List.of(disabled, otherType), REFS);
        assertThat(report.rulesRun()).isZero();
        assertThat(report.passed()).isTrue();
    }

    @Test
    void unifiedSocialCreditCodeCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.valid(OWNER)).isTrue();
        assertThat(UnifiedSocialCreditCode.valid("91460100MA5T00001F")).isFalse();
        assertThat(UnifiedSocialCreditCode.complete("91460000MA5RC2KX8")).isEqualTo("91460000MA5RC2KX8P");
        assertThat(UnifiedSocialCreditCode.valid("91460100MA5T0000I1")).isFalse();
    }
}
