package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.simulators.TestKeys;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partners' keys without Spring: each opens only what the platform sealed to it, and answers the platform. */
class PartnerSealersTest {

    static final Partner CUSTOMS = new Partner(TestKeys.CUSTOMS, "H2018 通关管理系统模拟器",
            "H2018 clearance management system simulator", PartnerKind.CUSTOMS_H2018, TestKeys.CUSTOMS);
    static final Partner BANK = new Partner(TestKeys.BANK, "中国银行海南省分行模拟器", "BOC Hainan simulator",
            PartnerKind.BANK, TestKeys.BANK);
    static final Partner NO_KEY = new Partner(TestKeys.WITHOUT_KEY, "海易办模拟器", "Haiyiban simulator",
            PartnerKind.HAIYIBAN, TestKeys.WITHOUT_KEY);

    final PartnerSealers sealers = new PartnerSealers(TestKeys.dir(), TestKeys.PASSWORD, TestKeys.PLATFORM,
            Duration.ofMinutes(5), List.of(CUSTOMS, BANK, NO_KEY), new InMemoryReplayGuard(Clock.systemUTC(), 1_000),
            Clock.systemUTC());
    final MessageSealer platform = TestKeys.platformSealer();

    @Test
    void opensWhatThePlatformSealedToThePartnerAndAnswersThePlatform() {
        byte[] declaration = "{\"preEntryNo\":\"460120260000000001\"}".getBytes(StandardCharsets.UTF_8);
        SealedMessage sent = platform.seal(declaration, TestKeys.PLATFORM, TestKeys.CUSTOMS);

        OpenedMessage opened = sealers.open(CUSTOMS, sent);
        assertThat(opened.payload()).isEqualTo(declaration);
        assertThat(opened.senderKeyId()).isEqualTo(TestKeys.PLATFORM);

        SealedMessage reply = sealers.sealToPlatform(CUSTOMS, "ok".getBytes(StandardCharsets.UTF_8));
        assertThat(reply.senderKeyId()).isEqualTo(TestKeys.CUSTOMS);
        assertThat(platform.open(reply.toJson()).payload()).isEqualTo("ok".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void refusesWhatIsAddressedToAnotherPartnerOrSignedByAnyoneButThePlatform() {
        SealedMessage toBank = platform.seal(new byte[]{1}, TestKeys.PLATFORM, TestKeys.BANK);
        assertThatThrownBy(() -> sealers.open(CUSTOMS, toBank)).isInstanceOfSatisfying(SealRefusedException.class,
                e -> assertThat(e.code()).isEqualTo(RefusalCode.WRONG_RECIPIENT));

        SealedMessage fromBank = TestKeys.partnerSealer(TestKeys.BANK).seal(new byte[]{1}, TestKeys.BANK, TestKeys.CUSTOMS);
        assertThatThrownBy(() -> sealers.open(CUSTOMS, fromBank)).isInstanceOfSatisfying(SealRefusedException.class,
                e -> assertThat(e.code()).as("a trusted partner key is still not the platform")
                        .isEqualTo(RefusalCode.UNKNOWN_SIGNER));
    }

    @Test
    void aPartnerWithoutAKeyStoreHasNoSealer() {
        assertThat(sealers.holdsKeyOf(CUSTOMS)).isTrue();
        assertThat(sealers.holdsKeyOf(NO_KEY)).isFalse();
        assertThatThrownBy(() -> sealers.sealToPlatform(NO_KEY, new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withoutAKeysFolderNoPartnerHasKeys() {
        PartnerSealers none = new PartnerSealers(null, null, TestKeys.PLATFORM, Duration.ofMinutes(5), List.of(CUSTOMS),
                new InMemoryReplayGuard(Clock.systemUTC(), 10), Clock.systemUTC());
        assertThat(none.holdsKeyOf(CUSTOMS)).isFalse();
    }

    @Test
    void theKeyStorePasswordNeverShowsInTheProperties() {
        SealingProperties properties = new SealingProperties(Path.of("/keys"), "s3cret-pw", "hnsw-platform",
                Duration.ofMinutes(5), null);
        assertThat(properties.toString()).doesNotContain("s3cret-pw").contains("keyStorePassword=***");
        assertThat(new SealingProperties(Path.of(""), "", "hnsw-platform", null, null).keysDir())
                .as("an unset environment variable means no keys, not the working directory").isNull();
    }

    @Test
    void aBrokenKeysFolderStopsTheStart() {
        assertThatThrownBy(() -> new PartnerSealers(TestKeys.dir(), "wrong-password", TestKeys.PLATFORM,
                Duration.ofMinutes(5), List.of(CUSTOMS), new InMemoryReplayGuard(Clock.systemUTC(), 10), Clock.systemUTC()))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> new PartnerSealers(TestKeys.dir(), TestKeys.PASSWORD, "another-platform",
                Duration.ofMinutes(5), List.of(CUSTOMS), new InMemoryReplayGuard(Clock.systemUTC(), 10), Clock.systemUTC()))
                .hasMessageContaining("another-platform");
        Partner posingAsPlatform = new Partner("impostor", "冒名模拟器", "Impostor simulator", PartnerKind.BANK, TestKeys.PLATFORM);
        assertThatThrownBy(() -> new PartnerSealers(null, null, TestKeys.PLATFORM, Duration.ofMinutes(5),
                List.of(posingAsPlatform), new InMemoryReplayGuard(Clock.systemUTC(), 10), Clock.systemUTC()))
                .hasMessageContaining("platform key id");
        assertThatThrownBy(() -> new PartnerSealers(TestKeys.dir(), null, TestKeys.PLATFORM,
                Duration.ofMinutes(5), List.of(CUSTOMS), new InMemoryReplayGuard(Clock.systemUTC(), 10), Clock.systemUTC()))
                .hasMessageContaining("key-store-password");
    }
}
