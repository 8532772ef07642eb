package cn.hnsw.video.analysistask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysistask.AnalysisKind.Family;
import cn.hnsw.video.behavior.BehaviorRules;
import cn.hnsw.video.diagnosis.DiagnosisStandards;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalysisInstructionTest {

    @Test
    void aBehaviourInstructionOverridesOnlyWhatItNames() {
        Map<String, Object> ins = AnalysisInstruction.validate(Family.BEHAVIOR, Map.of("runningSpeed", 0.5,
                "region", List.of(0.1, 0.2, 0.5, 0.5)));
        BehaviorRules r = AnalysisInstruction.behaviorRules(BehaviorRules.defaults(), ins);
        assertThat(r.runningSpeed()).isEqualTo(0.5);
        assertThat(r.region()).containsExactly(0.1, 0.2, 0.5, 0.5);
        assertThat(r.loiterSeconds()).isEqualTo(BehaviorRules.defaults().loiterSeconds());
    }

    @Test
    void keysOfAnotherFamilyAndValuesOutOfRangeAreRefused() {
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.BEHAVIOR, Map.of("BLUR", 10)))
                .isInstanceOf(HnswException.class).hasMessageContaining("BLUR");
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.FACE, Map.of("runningSpeed", 1)))
                .isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.BEHAVIOR, Map.of("crowdCount", 1)))
                .isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.BEHAVIOR, Map.of("region", List.of(0.6, 0, 0.6, 1))))
                .isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.DIAGNOSIS, Map.of("BLUR", "sharp")))
                .isInstanceOf(HnswException.class);
        // fusion takes both the face and the behaviour keys
        assertThat(AnalysisInstruction.validate(Family.FUSION, Map.of("clusterDistance", 0.4, "crowdCount", 3)))
                .containsEntry("clusterDistance", 0.4).containsEntry("crowdCount", 3.0);
    }

    @Test
    void aDiagnosisWindowIsADiagnosisKeyInItsRange() {
        assertThat(AnalysisInstruction.validate(Family.DIAGNOSIS, Map.of("windowSeconds", 5)))
                .containsEntry("windowSeconds", 5.0);
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.DIAGNOSIS, Map.of("windowSeconds", 0)))
                .isInstanceOf(HnswException.class).hasMessageContaining("windowSeconds");
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.DIAGNOSIS, Map.of("windowSeconds", 601)))
                .isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> AnalysisInstruction.validate(Family.BEHAVIOR, Map.of("windowSeconds", 5)))
                .isInstanceOf(HnswException.class);
    }

    @Test
    void aDiagnosisInstructionOverridesTheStandard() {
        DiagnosisStandards base = new DiagnosisStandards(Map.of("BLUR", 400.0, "SNOW", 20.0));
        DiagnosisStandards s = AnalysisInstruction.standards(base,
                AnalysisInstruction.validate(Family.DIAGNOSIS, Map.of("BLUR", 250)));
        assertThat(s.get("BLUR")).isEqualTo(250.0);
        assertThat(s.get("SNOW")).isEqualTo(20.0);
    }
}
