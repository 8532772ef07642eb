package cn.hnsw.video.analysistask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SameFaceClustersTest {

    private static float[] v(float... xs) {
        return xs;
    }

    @Test
    void facesWithinTheDistanceShareAClusterTransitivelyAndOthersDoNot() {
        // a-b within 0.5, b-c within 0.5 (a-c not): one person by transitivity; d far from all
        int[] c = SameFaceClusters.cluster(List.of(v(0, 0), v(0.4f, 0), v(0.8f, 0), v(5, 5)), 0.5);
        assertThat(c).containsExactly(1, 1, 1, 2);
    }

    @Test
    void aTighterDistanceSplitsThem() {
        int[] c = SameFaceClusters.cluster(List.of(v(0, 0), v(0.4f, 0), v(0.8f, 0), v(5, 5)), 0.3);
        assertThat(c).containsExactly(1, 2, 3, 4);
    }

    @Test
    void numbersFollowFirstAppearance() {
        int[] c = SameFaceClusters.cluster(List.of(v(5, 5), v(0, 0), v(5.1f, 5)), 0.5);
        assertThat(c).containsExactly(1, 2, 1);
    }
}
