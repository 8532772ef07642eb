package cn.hnsw.ledger.valueadded;

import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GACC 2025 interim measures art. 3–4, with worked figures. */
class ValueAddedCalculatorTest {

    private static final ValueAddedRule RULE = new ValueAddedRule("HAINAN_PROCESSING_VA", new BigDecimal("30.00"),
            LocalDate.of(2025, 1, 1), "暂行办法 第三条、第四条", "interim measures art. 3-4");

    private static CostLine line(String kind, String amount) {
        return new CostLine(kind, "x", new BigDecimal(amount), null, null);
    }

    @Test
    void rateIsValueAddedOverImportedPlusDomesticMaterials() {
        ValueAddedCalculation c = ValueAddedCalculator.compute(new BigDecimal("1000000"), List.of(
                line("IMPORTED_MATERIAL_COST", "500000"), line("DOMESTIC_MATERIAL_COST", "200000")), RULE);
        // (1,000,000 − 500,000 − 200,000) ÷ 700,000 = 42.857…% → 42.86
        assertThat(c.valueAdded()).isEqualByComparingTo("300000");
        assertThat(c.ratePct()).isEqualByComparingTo("42.86");
        assertThat(c.qualifies()).isTrue();
        assertThat(c.steps()).extracting(ValueAddedCalculation.Step::key).contains("A", "B", "C", "VA", "RATE", "RESULT");
        assertThat(c.ruleSourceZh()).contains("第三条");
    }

    @Test
    void islandMadeMaterialsAreValueAddedAndNotSubtracted() {
        ValueAddedCalculation without = ValueAddedCalculator.compute(new BigDecimal("1300"), List.of(
                line("IMPORTED_MATERIAL_COST", "1000")), RULE);
        ValueAddedCalculation with = ValueAddedCalculator.compute(new BigDecimal("1300"), List.of(
                line("IMPORTED_MATERIAL_COST", "1000"), line("ISLAND_MATERIAL_COST", "250")), RULE);
        assertThat(with.ratePct()).isEqualByComparingTo(without.ratePct()).isEqualByComparingTo("30.00");
        assertThat(with.islandTotal()).isEqualByComparingTo("250");
    }

    @Test
    void thirtyPercentExactlyQualifiesAndJustBelowDoesNot() {
        assertThat(ValueAddedCalculator.compute(new BigDecimal("130.00"), List.of(line("IMPORTED_MATERIAL_COST", "100")), RULE)
                .qualifies()).isTrue();
        ValueAddedCalculation below = ValueAddedCalculator.compute(new BigDecimal("129.99"),
                List.of(line("IMPORTED_MATERIAL_COST", "100")), RULE);
        assertThat(below.ratePct()).isEqualByComparingTo("29.99");
        assertThat(below.qualifies()).isFalse();
    }

    @Test
    void theThresholdComesFromTheRule() {
        ValueAddedRule stricter = new ValueAddedRule("HAINAN_PROCESSING_VA", new BigDecimal("40.00"),
                LocalDate.of(2030, 1, 1), "s", "s");
        assertThat(ValueAddedCalculator.compute(new BigDecimal("130"), List.of(line("IMPORTED_MATERIAL_COST", "100")), stricter)
                .qualifies()).isFalse();
    }

    @Test
    void cumulativeCodeMaterialsSubtractOnlyTheirUpstreamMaterialBase() {
        // upstream: 200 of material became a part worth 300 (100 value added in Hainan upstream)
        CostLine upstream = new CostLine("CUMULATIVE_CODE_COST", "半成品", new BigDecimal("300"), new BigDecimal("200"), "HNZTCC1");
        ValueAddedCalculation c = ValueAddedCalculator.compute(new BigDecimal("400"), List.of(upstream,
                line("DOMESTIC_MATERIAL_COST", "50")), RULE);
        // (400 − 50 − 200) ÷ 250 = 60 %; counting the upstream part at full price would give 14.29 %
        assertThat(c.cumulativeMaterialBase()).isEqualByComparingTo("200");
        assertThat(c.cumulativeValueAdded()).isEqualByComparingTo("100");
        assertThat(c.ratePct()).isEqualByComparingTo("60.00");
    }

    @Test
    void missingInputsAreRefused() {
        assertThatThrownBy(() -> ValueAddedCalculator.compute(null, List.of(), RULE)).isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> ValueAddedCalculator.compute(BigDecimal.TEN, List.of(line("ISLAND_MATERIAL_COST", "5")), RULE))
                .isInstanceOf(HnswException.class).hasMessageContaining("VALUE_ADDED_INPUT_INVALID");
    }
}
