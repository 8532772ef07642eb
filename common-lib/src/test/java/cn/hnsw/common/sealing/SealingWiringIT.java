package cn.hnsw.common.sealing;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.KeyDirectory;
import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealRefusedException;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.testapp.SampleApplication;
import cn.hnsw.testsupport.spring.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A service's sealing as Spring wires it: keys from PKCS#12 stores made by {@link KeyStoreTool}, the replay guard in
 * the service's real database, so that a message replayed to a second instance is refused too.
 */
@ServiceIntegrationTest(classes = SampleApplication.class)
class SealingWiringIT {

    static final String PLATFORM = "hnsw-platform";
    static final String CUSTOMS = "customs-haikou";
    static final char[] PASSWORD = "sealing-it-password".toCharArray();
    static final Path KEYS;

    static {
        try {
            KEYS = Files.createTempDirectory("hnsw-keys-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        KeyStoreTool.generateStores(KEYS, PLATFORM, List.of(CUSTOMS, "bank-boc-hainan"), PASSWORD, Duration.ofDays(30),
                "Hainan Single Window");
    }

    @DynamicPropertySource
    static void crypto(DynamicPropertyRegistry registry) {
        registry.add("hnsw.crypto.key-store", () -> KEYS.resolve("platform.p12").toString());
        registry.add("hnsw.crypto.key-store-password", () -> new String(PASSWORD));
        registry.add("hnsw.crypto.trust-store", () -> KEYS.resolve("trust.p12").toString());
        registry.add("hnsw.crypto.trust-store-password", () -> new String(PASSWORD));
        registry.add("hnsw.crypto.platform-key-id", () -> PLATFORM);
    }

    @Autowired
    MessageSealer platform;
    @Autowired
    KeyDirectory directory;
    @Autowired
    JdbcTemplate jdbc;

    MessageSealer customsSide() {
        return new MessageSealer(Pkcs12CipherDevice.load(KEYS.resolve("partners").resolve(CUSTOMS + ".p12"), PASSWORD),
                InMemoryKeyDirectory.fromTrustStore(KEYS.resolve("trust.p12"), PASSWORD),
                new InMemoryReplayGuard(Clock.systemUTC(), 10_000), Clock.systemUTC());
    }

    @Test
    void aCustomsReceiptIsOpenedOnceAndAReplayToAnotherInstanceIsRefused() {
        byte[] receipt = "<CustomsReceipt><status>RELEASED</status><remark>准予放行</remark></CustomsReceipt>"
                .getBytes(StandardCharsets.UTF_8);
        SealedMessage sealed = customsSide().seal(receipt, CUSTOMS, PLATFORM);

        OpenedMessage opened = platform.open(sealed.toXml());
        assertThat(opened.payload()).isEqualTo(receipt);
        assertThat(opened.senderKeyId()).isEqualTo(CUSTOMS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seal_replay_guard WHERE message_id = ?", Integer.class,
                sealed.messageId())).isEqualTo(1);

        assertThatThrownBy(() -> platform.open(sealed.toJson()))
                .isInstanceOfSatisfying(SealRefusedException.class, e -> assertThat(e.code()).isEqualTo(RefusalCode.REPLAYED));

        MessageSealer secondInstance = new MessageSealer(Pkcs12CipherDevice.load(KEYS.resolve("platform.p12"), PASSWORD),
                directory, new JdbcReplayGuard(jdbc, Clock.systemUTC()), Clock.systemUTC());
        assertThatThrownBy(() -> secondInstance.open(sealed.toXml()))
                .isInstanceOfSatisfying(SealRefusedException.class, e -> assertThat(e.code()).isEqualTo(RefusalCode.REPLAYED));
    }

    @Test
    void whatThePlatformSealsOnlyItsRecipientOpens() {
        byte[] declaration = "{\"declarationNo\":\"BD202611270001\",\"port\":\"XINHAI_PORT\"}".getBytes(StandardCharsets.UTF_8);
        SealedMessage sealed = platform.seal(declaration, PLATFORM, CUSTOMS);
        assertThat(customsSide().open(sealed.toJson()).payload()).isEqualTo(declaration);

        MessageSealer bank = new MessageSealer(
                Pkcs12CipherDevice.load(KEYS.resolve("partners").resolve("bank-boc-hainan.p12"), PASSWORD),
                InMemoryKeyDirectory.fromTrustStore(KEYS.resolve("trust.p12"), PASSWORD),
                new InMemoryReplayGuard(Clock.systemUTC(), 100), Clock.systemUTC());
        assertThatThrownBy(() -> bank.open(platform.seal(declaration, PLATFORM, CUSTOMS).toJson()))
                .isInstanceOfSatisfying(SealRefusedException.class,
                        e -> assertThat(e.code()).isEqualTo(RefusalCode.WRONG_RECIPIENT));
    }

    @Test
    void expiredIdsArePurged() {
        JdbcReplayGuard guard = new JdbcReplayGuard(jdbc, Clock.systemUTC());
        assertThat(guard.firstSeen("partner-x", "old-message-1", java.time.Instant.now().minusSeconds(60))).isTrue();
        assertThat(guard.firstSeen("partner-x", "old-message-1", java.time.Instant.now().plusSeconds(60)))
                .as("an id whose window closed may be used again; the time check guards it").isTrue();
        assertThat(guard.firstSeen("partner-x", "old-message-1", java.time.Instant.now().plusSeconds(60))).isFalse();
        guard.firstSeen("partner-x", "old-message-2", java.time.Instant.now().minusSeconds(60));
        assertThat(guard.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM seal_replay_guard WHERE message_id = 'old-message-2'",
                Integer.class)).isZero();
    }
}
