package cn.hnsw.simulators.fault;

import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault logic without Spring: decisions, outages and the limits of the settings. */
class FaultSettingsTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

    static FaultSettings settings(int latencyMs, int jitterMs, double failureRate, FailureMode mode) {
        return new FaultSettings(latencyMs, jitterMs, failureRate, mode, Availability.ONLINE, null, List.of());
    }

    @Test
    void aHealthyPartnerAnswersAtOnce() {
        FaultDecision decision = FaultSettings.HEALTHY.decide(NOW, new SplittableRandom(1));
        assertThat(decision.outcome()).isEqualTo(FaultOutcome.ANSWER);
        assertThat(decision.latency()).isZero();
        assertThat(decision.outage()).isNull();
    }

    @Test
    void aFailureRateOfOneAlwaysFailsAndZeroNeverDoes() {
        SplittableRandom random = new SplittableRandom(42);
        FaultSettings always = settings(0, 0, 1.0, FailureMode.UNAVAILABLE);
        FaultSettings never = settings(0, 0, 0.0, FailureMode.UNAVAILABLE);
        for (int i = 0; i < 10_000; i++) {
            assertThat(always.decide(NOW, random).outcome()).isEqualTo(FaultOutcome.FAIL_UNAVAILABLE);
            assertThat(never.decide(NOW, random).outcome()).isEqualTo(FaultOutcome.ANSWER);
        }
    }

    @Test
    void aFailureRateOfOneAlwaysFailsEvenWithTheLargestDraw() {
        // Random whose nextDouble() returns the largest double below 1: still a failure at rate 1.
        Random almostOne = new Random() {
            @Override
            public double nextDouble() {
                return Math.nextDown(1.0);
            }
        };
        assertThat(settings(0, 0, 1.0, FailureMode.UNAVAILABLE).decide(NOW, almostOne).outcome())
                .isEqualTo(FaultOutcome.FAIL_UNAVAILABLE);
    }

    @Test
    void aPartialFailureRateFailsAboutThatShare() {
        SplittableRandom random = new SplittableRandom(7);
        FaultSettings third = settings(0, 0, 0.3, FailureMode.UNAVAILABLE);
        int failures = 0;
        for (int i = 0; i < 10_000; i++) {
            if (third.decide(NOW, random).outcome() != FaultOutcome.ANSWER) {
                failures++;
            }
        }
        assertThat(failures).isBetween(2_800, 3_200);
    }

    @Test
    void theFailureModeChoosesHowItFails() {
        assertThat(settings(0, 0, 1.0, FailureMode.SEALED_ERROR).decide(NOW, new SplittableRandom(1)).outcome())
                .isEqualTo(FaultOutcome.FAIL_SEALED_ERROR);
        assertThat(settings(0, 0, 1.0, null).failureMode()).isEqualTo(FailureMode.UNAVAILABLE);
    }

    @Test
    void latencyIsTheFixedPartPlusAtMostTheJitter() {
        FaultSettings slow = settings(300, 100, 0.0, FailureMode.UNAVAILABLE);
        SplittableRandom random = new SplittableRandom(3);
        List<Long> seen = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            seen.add(slow.decide(NOW, random).latency().toMillis());
        }
        assertThat(seen).allSatisfy(ms -> assertThat(ms).isBetween(300L, 400L));
        assertThat(seen).contains(300L, 400L);
        assertThat(slow.worstLatency()).isEqualTo(Duration.ofMillis(400));
        assertThat(settings(250, 0, 0.0, null).decide(NOW, random).latency()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void latencyAlsoDelaysFailures() {
        FaultDecision failing = settings(500, 0, 1.0, FailureMode.UNAVAILABLE).decide(NOW, new SplittableRandom(1));
        assertThat(failing.outcome()).isEqualTo(FaultOutcome.FAIL_UNAVAILABLE);
        assertThat(failing.latency()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void switchedOffNowIsAnOutageWithNoEndThatWinsOverEverythingAndAnswersAtOnce() {
        FaultSettings off = new FaultSettings(5_000, 0, 0.0, null, Availability.OFFLINE, null, List.of());
        FaultDecision decision = off.decide(NOW, new SplittableRandom(1));
        assertThat(decision.outcome()).isEqualTo(FaultOutcome.OUTAGE);
        assertThat(decision.outage().indefinite()).isTrue();
        assertThat(decision.latency()).isZero();
        assertThat(FaultSettings.offline().outageAt(NOW.plus(Duration.ofDays(365)))).contains(Outage.INDEFINITE);
    }

    @Test
    void switchedOffUntilATimeComesBackByItself() {
        Instant until = NOW.plusSeconds(60);
        FaultSettings off = FaultSettings.HEALTHY.withAvailability(Availability.OFFLINE, until);
        assertThat(off.outageAt(NOW)).contains(new Outage(until));
        assertThat(off.outageAt(until.minusMillis(1))).isPresent();
        assertThat(off.outageAt(until)).isEmpty();
        assertThat(off.decide(until, new SplittableRandom(1)).outcome()).isEqualTo(FaultOutcome.ANSWER);
    }

    @Test
    void aScheduledWindowIsDownFromItsStartUntilJustBeforeItsEnd() {
        OutageWindow window = new OutageWindow(NOW.plusSeconds(10), NOW.plusSeconds(20));
        FaultSettings scheduled = new FaultSettings(0, 0, 0.0, null, null, null, List.of(window));
        assertThat(scheduled.outageAt(NOW)).isEmpty();
        assertThat(scheduled.outageAt(NOW.plusSeconds(10))).contains(new Outage(NOW.plusSeconds(20)));
        assertThat(scheduled.outageAt(NOW.plusSeconds(20).minusMillis(1))).isPresent();
        assertThat(scheduled.outageAt(NOW.plusSeconds(20))).isEmpty();
    }

    @Test
    void overlappingAndBackToBackOutagesEndWhenTheLastOfThemEnds() {
        FaultSettings chained = new FaultSettings(0, 0, 0.0, null, Availability.OFFLINE, NOW.plusSeconds(30), List.of(
                new OutageWindow(NOW.plusSeconds(60), NOW.plusSeconds(90)),       // back to back with the next
                new OutageWindow(NOW.plusSeconds(20), NOW.plusSeconds(60)),       // overlaps the switch-off
                new OutageWindow(NOW.plusSeconds(200), NOW.plusSeconds(300))));   // separate
        assertThat(chained.outageAt(NOW)).contains(new Outage(NOW.plusSeconds(90)));
        assertThat(chained.outageAt(NOW.plusSeconds(100))).isEmpty();
        assertThat(chained.outageAt(NOW.plusSeconds(250))).contains(new Outage(NOW.plusSeconds(300)));
        assertThat(chained.outageWindows()).extracting(OutageWindow::start)
                .as("kept sorted by start").isSorted();
    }

    @Test
    void aWindowInsideAnIndefiniteSwitchOffLeavesItIndefinite() {
        FaultSettings off = new FaultSettings(0, 0, 0.0, null, Availability.OFFLINE, null,
                List.of(new OutageWindow(NOW.minusSeconds(5), NOW.plusSeconds(5))));
        assertThat(off.outageAt(NOW)).contains(Outage.INDEFINITE);
    }

    @Test
    void refusesSettingsOutOfRange() {
        assertCode(() -> settings(-1, 0, 0, null), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertCode(() -> settings(60_001, 0, 0, null), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertCode(() -> settings(0, -5, 0, null), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertCode(() -> settings(0, 0, 1.01, null), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertCode(() -> settings(0, 0, -0.1, null), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertCode(() -> settings(0, 0, Double.NaN, null), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertCode(() -> new OutageWindow(NOW, NOW), FaultErrorCode.OUTAGE_WINDOW_INVALID);
        assertCode(() -> new OutageWindow(NOW, NOW.minusSeconds(1)), FaultErrorCode.OUTAGE_WINDOW_INVALID);
        assertCode(() -> new OutageWindow(null, NOW), FaultErrorCode.OUTAGE_WINDOW_INVALID);
        assertCode(() -> new FaultSettings(0, 0, 0, null, Availability.ONLINE, NOW, List.of()),
                FaultErrorCode.OFFLINE_UNTIL_NEEDS_OFFLINE);
        List<OutageWindow> tooMany = new ArrayList<>();
        for (int i = 0; i <= FaultSettings.MAX_WINDOWS; i++) {
            tooMany.add(new OutageWindow(NOW.plusSeconds(i * 10L), NOW.plusSeconds(i * 10L + 5)));
        }
        assertCode(() -> new FaultSettings(0, 0, 0, null, null, null, tooMany), FaultErrorCode.FAULT_SETTING_OUT_OF_RANGE);
        assertThat(settings(60_000, 60_000, 1.0, null).latencyMs()).isEqualTo(60_000);
    }

    @Test
    void aRequestWithNothingInItRestoresAHealthyPartner() {
        assertThat(new FaultSettingsRequest(null, null, null, null, null, null, null).toSettings())
                .isEqualTo(FaultSettings.HEALTHY);
    }

    private static void assertCode(Runnable action, FaultErrorCode code) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(HnswException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }
}
