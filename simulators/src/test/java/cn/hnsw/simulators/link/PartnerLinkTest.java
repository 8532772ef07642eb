package cn.hnsw.simulators.link;

import cn.hnsw.simulators.fault.Availability;
import cn.hnsw.simulators.fault.FailureMode;
import cn.hnsw.simulators.fault.FaultSettings;
import cn.hnsw.simulators.fault.OutageWindow;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How fault settings turn into the status page's UP / DEGRADED / DOWN. */
class PartnerLinkTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    static final Partner BANK = new Partner("bank-boc-hainan", "中国银行海南省分行模拟器", "Bank of China Hainan Branch simulator",
            PartnerKind.BANK, "bank-boc-hainan");

    static PartnerLink link(FaultSettings settings) {
        return PartnerLink.of(BANK, settings, true, NOW);
    }

    @Test
    void aHealthyPartnerIsUp() {
        PartnerLink link = link(FaultSettings.HEALTHY);
        assertThat(link).isEqualTo(new PartnerLink("bank-boc-hainan", "中国银行海南省分行模拟器",
                "Bank of China Hainan Branch simulator", PartnerKind.BANK, LinkStatus.UP, 0, 0.0, null));
    }

    @Test
    void anyFailureRateOrAnAnswerSlowerThanASecondDegrades() {
        assertThat(link(new FaultSettings(0, 0, 0.01, FailureMode.SEALED_ERROR, null, null, List.of())).status())
                .isEqualTo(LinkStatus.DEGRADED);
        assertThat(link(new FaultSettings(1_001, 0, 0, null, null, null, List.of())).status()).isEqualTo(LinkStatus.DEGRADED);
        assertThat(link(new FaultSettings(800, 300, 0, null, null, null, List.of())).status())
                .as("latency plus jitter can exceed a second").isEqualTo(LinkStatus.DEGRADED);
        assertThat(link(new FaultSettings(1_000, 0, 0, null, null, null, List.of())).status())
                .as("exactly a second is not slower than a second").isEqualTo(LinkStatus.UP);
    }

    @Test
    void anOutageIsDownWithItsEnd() {
        Instant until = NOW.plusSeconds(600);
        PartnerLink off = link(FaultSettings.HEALTHY.withAvailability(Availability.OFFLINE, until));
        assertThat(off.status()).isEqualTo(LinkStatus.DOWN);
        assertThat(off.outageUntil()).isEqualTo(until);

        PartnerLink window = link(new FaultSettings(0, 0, 0.5, null, null, null,
                List.of(new OutageWindow(NOW.minusSeconds(1), NOW.plusSeconds(30)))));
        assertThat(window.status()).as("down wins over degraded").isEqualTo(LinkStatus.DOWN);
        assertThat(window.outageUntil()).isEqualTo(NOW.plusSeconds(30));

        PartnerLink indefinitely = link(FaultSettings.offline());
        assertThat(indefinitely.status()).isEqualTo(LinkStatus.DOWN);
        assertThat(indefinitely.outageUntil()).isNull();
    }

    @Test
    void aPartnerWhoseKeyTheSimulatorLacksIsDown() {
        assertThat(PartnerLink.of(BANK, FaultSettings.HEALTHY, false, NOW).status()).isEqualTo(LinkStatus.DOWN);
    }
}
