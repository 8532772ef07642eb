package cn.hnsw.simulators.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.hnsw.simulators.video.SimulatedCameraFleet.Health;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedCameraFleetTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneOffset.UTC);
    final SimulatedCameraFleet fleet = new SimulatedCameraFleet(clock);

    @Test
    void aCameraStreamsOnlyWhileItAndItsDistributionPointAreOnline() {
        String camera = "46010500001320000001";
        String point = fleet.device(camera).orElseThrow().distributionPoint();
        assertThat(fleet.streaming(camera)).isTrue();
        fleet.set(point, Health.FAULT, "流媒体服务无响应", "media service not answering");
        assertThat(fleet.streaming(camera)).isFalse();
        // the other port's cameras are not behind that point
        assertThat(fleet.streaming("46010800001320000001")).isTrue();
        fleet.set(point, Health.ONLINE, null, null);
        fleet.set(camera, Health.OFFLINE, "网络中断", "network down");
        assertThat(fleet.streaming(camera)).isFalse();
        fleet.reset();
        assertThat(fleet.streaming(camera)).isTrue();
    }

    @Test
    void theStatusReportNamesFaultsAndShowsNoPictureFromABlindCamera() {
        String camera = "46010800001320000001";
        fleet.set(camera, Health.OFFLINE, "网络中断", "network down");
        Map<String, Object> entry = fleet.statusReport().stream().filter(e -> camera.equals(e.get("deviceCode")))
                .findFirst().orElseThrow();
        assertThat(entry).containsEntry("status", "OFFLINE").containsEntry("faultZh", "网络中断")
                .containsEntry("kind", "CAMERA").containsEntry("frameRate", 0);
        assertThat(fleet.statusReport()).hasSize(fleet.devices().size() + fleet.points().size());
        assertThatThrownBy(() -> fleet.set("00000000000000000000", Health.FAULT, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
