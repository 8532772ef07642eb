package cn.hnsw.video.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** 随机布控: the draw picks the share of captures the sampling rate says, the same way every time it is asked. */
class WatchlistTaskTest {

    private static WatchlistTask random(double rate) {
        return WatchlistTask.submit("随机抽查", WatchlistKind.RANDOM, 0.6, List.of(), List.of("he.min"), null, null,
                Alert.Level.MEDIUM, "he.min", rate);
    }

    private static List<UUID> captures(int n, long seed) {
        Random r = new Random(seed);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(new UUID(r.nextLong(), r.nextLong()));
        }
        return ids;
    }

    @Test
    void picksTheSamplingRateShareOfCapturesReproducibly() {
        List<UUID> ids = captures(20_000, 7);
        for (double rate : new double[] {0.02, 0.1, 0.5}) {
            WatchlistTask task = random(rate);
            long picked = ids.stream().filter(task::picks).count();
            double sigma = Math.sqrt(ids.size() * rate * (1 - rate));
            // within four standard deviations of the expected count
            assertThat((double) picked).as("rate %s", rate).isBetween(ids.size() * rate - 4 * sigma,
                    ids.size() * rate + 4 * sigma);
            assertThat(ids.stream().filter(task::picks).count()).isEqualTo(picked);
        }
        WatchlistTask all = random(1.0);
        assertThat(ids.stream().allMatch(all::picks)).isTrue();
    }

    @Test
    void twoTasksDrawIndependently() {
        List<UUID> ids = captures(20_000, 11);
        WatchlistTask a = random(0.5);
        WatchlistTask b = random(0.5);
        long both = ids.stream().filter(id -> a.picks(id) && b.picks(id)).count();
        double expected = ids.size() * 0.25;
        double sigma = Math.sqrt(ids.size() * 0.25 * 0.75);
        assertThat((double) both).isBetween(expected - 4 * sigma, expected + 4 * sigma);
    }

    @Test
    void onlyRandomControlTakesARateAndItMustLieInZeroToOne() {
        for (Double rate : new Double[] {null, 0.0, -0.1, 1.01, Double.NaN}) {
            assertThatThrownBy(() -> random(rate == null ? Double.NaN : rate)).isInstanceOf(HnswException.class);
        }
        assertThatThrownBy(() -> WatchlistTask.submit("x", WatchlistKind.RANDOM, 0.6, List.of(), List.of("a"), null,
                null, Alert.Level.LOW, "a", null)).isInstanceOf(HnswException.class);
        assertThatThrownBy(() -> WatchlistTask.submit("x", WatchlistKind.FACE_BASE, 0.6, List.of(), List.of("a"), null,
                null, Alert.Level.LOW, "a", 0.5)).isInstanceOf(HnswException.class);
        assertThat(WatchlistTask.submit("x", WatchlistKind.FACE_BASE, 0.6, List.of(), List.of("a"), null, null,
                Alert.Level.LOW, "a", null).picks(UUID.randomUUID())).isFalse();
    }

    @Test
    void onlyTheSubmitterRevisesATaskAndOnlyBeforeItsFirstReview() {
        WatchlistTask t = WatchlistTask.submit("重点旅客布控", WatchlistKind.KEY_PASSENGER, 0.6, List.of(),
                List.of("zhang.wei"), null, "发现后核查", cn.hnsw.common.events.Alert.Level.HIGH, "zhang.wei");
        WatchlistTask r = t.revised("zhang.wei", "重点旅客布控（修订）", 0.5, null, List.of("zhang.wei", "wu.gang"), null);
        org.assertj.core.api.Assertions.assertThat(r.name()).isEqualTo("重点旅客布控（修订）");
        org.assertj.core.api.Assertions.assertThat(r.maxDistance()).isEqualTo(0.5);
        org.assertj.core.api.Assertions.assertThat(r.officers()).containsExactly("zhang.wei", "wu.gang");
        org.assertj.core.api.Assertions.assertThat(r.instruction()).isEqualTo("发现后核查");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.revised("wu.gang", "x", null, null, null, null))
                .hasMessageContaining("NOT_REVISION_SUBMITTER");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.revised("zhang.wei", "x", null, null, List.of(), null))
                .hasMessageContaining("TASK_WITHOUT_OFFICERS");
        r.review(true, "li.qiang", "同意");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.revised("zhang.wei", "x", null, null, null, null))
                .hasMessageContaining("TASK_STATE_INVALID");
    }

    @Test
    void aCameraBoundTaskDoesNotWatchACaptureOfNoCamera() {
        UUID camera = UUID.randomUUID();
        WatchlistTask t = WatchlistTask.submit("口岸通道布控", WatchlistKind.FACE_BASE, 0.6, List.of(camera),
                List.of("zhang.wei"), null, null, Alert.Level.HIGH, "zhang.wei");
        t.review(true, "li.qiang", "同意");
        assertThat(t.matchesCamera(camera)).isTrue();
        assertThat(t.matchesCamera(UUID.randomUUID())).isFalse();
        assertThat(t.matchesCamera(null)).isFalse();
    }
}
