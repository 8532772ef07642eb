package cn.hnsw.portsituation.kpi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PortScoresTest {

    @Test
    void scoresEachDimensionFromItsFactsAveragesThoseWithDataAndRanks() {
        PortFacts yangpu = new PortFacts("YANGPU_PORT", "洋浦港", "Yangpu Port", 10, 9, 400, 50, 45, 8, 8, 20, 15,
                500, 100, 2, 50);
        PortFacts xinhai = new PortFacts("XINHAI_PORT", "新海港", "Xinhai Port", 4, 2, 800, 100, 70, 10, 5, 0, 0,
                1000, 50, 4, 0);
        PortFacts boao = new PortFacts("BOAO_AIRPORT", "博鳌机场", "Bo'ao Airport", 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0);
        List<PortScores.Score> scores = PortScores.of(List.of(yangpu, xinhai, boao));

        PortScores.Score y = scores.get(0);
        assertThat(y.dimensions()).containsEntry("facilities", 90.0).containsEntry("throughput", 50.0)
                .containsEntry("facilitation", 90.0).containsEntry("smart", 100.0).containsEntry("collaboration", 75.0)
                // 经济效益: trade value 500 of the leading 1000, volume the leader's, 2 of 4 enterprises, all the duty
                .containsEntry("economy", 75.0);
        assertThat(y.overall()).isEqualTo(80.0); // (90 + 50 + 90 + 100 + 75 + 75) / 6
        PortScores.Score x = scores.get(1);
        assertThat(x.dimensions()).containsEntry("facilities", 50.0).containsEntry("throughput", 100.0)
                .containsEntry("collaboration", null).containsEntry("economy", 62.5); // (100 + 50 + 100 + 0) / 4
        assertThat(x.overall()).isEqualTo(66.5); // (50 + 100 + 70 + 50 + 62.5) / 5
        assertThat(y.rank()).isEqualTo(1);
        assertThat(x.rank()).isEqualTo(2);
        // no entries today is a measured zero; the dimensions without data stay null, not zero
        assertThat(scores.get(2).dimensions()).containsEntry("throughput", 0.0).containsEntry("facilities", null)
                .containsEntry("smart", null).containsEntry("economy", 0.0);
        assertThat(scores.get(2).overall()).isEqualTo(0.0);
        assertThat(scores.get(2).rank()).isEqualTo(3);
        // a port without any data has no score and no rank, rather than a zero that would look measured
        List<PortScores.Score> empty = PortScores.of(List.of(boao));
        assertThat(empty.getFirst().overall()).isNull();
        // no declaration at any port today: the economic benefit is not scored at all
        assertThat(empty.getFirst().dimensions()).containsEntry("economy", null);
        assertThat(empty.getFirst().rank()).isZero();
    }
}
