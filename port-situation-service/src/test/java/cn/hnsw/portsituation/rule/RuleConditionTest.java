package cn.hnsw.portsituation.rule;

import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rule condition keeps its meaning once SpEL has compiled it (mixed mode compiles after many evaluations): the same
 * answers before and after, a fact of another type or a missing fact is no error, and the sandbox still holds.
 */
class RuleConditionTest {

    static Map<String, Object> fix(Object sog, List<String> areas) {
        Map<String, Object> facts = new HashMap<>(RuleScope.AIS_POSITION.sampleFacts());
        facts.put("sogKnots", sog);
        facts.put("areaCodes", areas);
        return facts;
    }

    @Test
    void answersStayTheSameBeforeAndAfterCompilationWhateverTheFactsTypes() {
        RuleCondition c = RuleCondition.compile("sogKnots > 18 and areaCodes.contains('QZ-CHANNEL')",
                RuleScope.AIS_POSITION);
        for (int i = 0; i < 500; i++) {
            assertThat(c.test(fix(20.0f, List.of("QZ-CHANNEL")))).isTrue();
            assertThat(c.test(fix(10.0f, List.of("QZ-CHANNEL")))).isFalse();
            assertThat(c.test(fix(25.0f, List.of("YP-ANCHORAGE")))).isFalse();
        }
        // after hundreds of evaluations: another numeric type, and a missing speed
        assertThat(c.test(fix(30, List.of("QZ-CHANNEL")))).isTrue();
        assertThat(c.test(fix(19.5, List.of("QZ-CHANNEL")))).isTrue();
        assertThat(c.test(fix(null, List.of("QZ-CHANNEL")))).isFalse();
        assertThat(c.test(fix(21.0f, List.of("QZ-CHANNEL")))).isTrue();
        assertThat(c.test(fix(21.0f, List.of()))).isFalse();
    }

    @Test
    void anIntegerLiteralTakesTheTypeOfTheFactItIsComparedWith() {
        String rule = "sogKnots > 18 and 5 <= navStatus and areaCodes.contains('QZ-CHANNEL') and shipName.substring(0, 2) != ''";
        assertThat(RuleCondition.typedLiterals(rule, new org.springframework.expression.spel.standard.SpelExpressionParser()
                .parseExpression(rule), RuleScope.AIS_POSITION))
                .isEqualTo("sogKnots > 18.0 and 5 <= navStatus and areaCodes.contains('QZ-CHANNEL') and shipName.substring(0, 2) != ''");
        String metric = "count >= 100 and windowMinutes == 15";
        assertThat(RuleCondition.typedLiterals(metric, new org.springframework.expression.spel.standard.SpelExpressionParser()
                .parseExpression(metric), RuleScope.PORT_METRIC)).isEqualTo("count >= 100L and windowMinutes == 15");
        // the saved text is the text as written
        assertThat(RuleCondition.compile("sogKnots > 18", RuleScope.AIS_POSITION).text()).isEqualTo("sogKnots > 18");
    }

    @Test
    void aConditionOverTheFactsOfAFixIsCompiledToBytecodeAndKeepsItsAnswers() {
        RuleCondition c = RuleCondition.compile("sogKnots > 18 and areaCodes.contains('QZ-CHANNEL')",
                RuleScope.AIS_POSITION);
        for (int i = 0; i < 300; i++) {
            assertThat(c.test(fix(20.0, List.of("QZ-CHANNEL")))).isTrue();
            assertThat(c.test(fix(18.0, List.of("QZ-CHANNEL")))).isFalse();
            assertThat(c.test(fix(25.0, List.of("YP-ANCHORAGE")))).isFalse();
        }
        assertThat(c.compiled()).isTrue();
        assertThat(c.test(fix(18.5, List.of("QZ-CHANNEL")))).isTrue();
        assertThat(c.test(fix(17.9, List.of("QZ-CHANNEL")))).isFalse();
        // another type or a missing fact after compilation: SpEL's mixed mode falls back to interpreting
        assertThat(c.test(fix(19.0f, List.of("QZ-CHANNEL")))).isTrue();
        assertThat(c.test(fix(null, List.of("QZ-CHANNEL")))).isFalse();
        assertThat(c.test(fix(19, List.of("QZ-CHANNEL")))).isTrue();

        RuleCondition metric = RuleCondition.compile("count > 100 and portCode == 'XINHAI_PORT'", RuleScope.PORT_METRIC);
        Map<String, Object> facts = new HashMap<>(RuleScope.PORT_METRIC.sampleFacts());
        for (int i = 0; i < 300; i++) {
            facts.put("count", 101L + i);
            assertThat(metric.test(facts)).isTrue();
        }
        assertThat(metric.compiled()).isTrue();
        facts.put("count", 100L);
        assertThat(metric.test(facts)).isFalse();
    }

    @Test
    void theSandboxRefusesTypesAndNonBooleans() {
        assertThatThrownBy(() -> RuleCondition.compile("T(java.lang.Runtime).getRuntime() != null",
                RuleScope.AIS_POSITION)).isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> RuleCondition.compile("sogKnots + 1", RuleScope.AIS_POSITION))
                .isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> RuleCondition.compile("sogKnots >", RuleScope.AIS_POSITION))
                .isInstanceOf(HnswException.class);
    }
}
