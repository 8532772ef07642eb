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
    void theSandboxRefusesTypesAndNonBooleans() {
        assertThatThrownBy(() -> RuleCondition.compile("T(java.lang.Runtime).getRuntime() != null",
                RuleScope.AIS_POSITION)).isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> RuleCondition.compile("sogKnots + 1", RuleScope.AIS_POSITION))
                .isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> RuleCondition.compile("sogKnots >", RuleScope.AIS_POSITION))
                .isInstanceOf(HnswException.class);
    }
}
