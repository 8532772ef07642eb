package cn.hnsw.common.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Keys and devices shared by the crypto tests. Key generation and certificates cost a few milliseconds each, so
 * they are made once per JVM.
 */
final class CryptoFixtures {

    static final String PLATFORM = "hnsw-platform";
    static final String CUSTOMS = "customs-haikou";
    static final String MARITIME = "msa-yangpu";
    /** Has keys but is in nobody's key directory. */
    static final String STRANGER = "stranger-corp";

    static final Instant NOW = Instant.parse("2025-06-01T08:00:00.123Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final char[] PASSWORD = "changeit-test-only".toCharArray();

    static final Sm2Identity PLATFORM_ID = identity(PLATFORM);
    static final Sm2Identity CUSTOMS_ID = identity(CUSTOMS);
    static final Sm2Identity MARITIME_ID = identity(MARITIME);
    static final Sm2Identity STRANGER_ID = identity(STRANGER);

    static final Pkcs12CipherDevice PLATFORM_DEVICE = device(PLATFORM_ID);
    static final Pkcs12CipherDevice CUSTOMS_DEVICE = device(CUSTOMS_ID);
    static final Pkcs12CipherDevice MARITIME_DEVICE = device(MARITIME_ID);
    static final Pkcs12CipherDevice STRANGER_DEVICE = device(STRANGER_ID);

    /** Everyone but the stranger. */
    static final InMemoryKeyDirectory DIRECTORY = InMemoryKeyDirectory.of(List.of(
            trusted(PLATFORM_ID), trusted(CUSTOMS_ID), trusted(MARITIME_ID)));
    /** The stranger's own view: it knows the platform, so it can seal to it. */
    static final InMemoryKeyDirectory STRANGER_DIRECTORY = InMemoryKeyDirectory.of(List.of(
            trusted(PLATFORM_ID), trusted(STRANGER_ID)));

    private CryptoFixtures() {
    }

    static Sm2Identity identity(String keyId) {
        return KeyStores.generateIdentity(keyId, "Test " + keyId, Duration.ofDays(30), Clock.systemUTC());
    }

    static Pkcs12CipherDevice device(Sm2Identity... identities) {
        return Pkcs12CipherDevice.fromKeyStore(KeyStores.privateStore(List.of(identities), PASSWORD), PASSWORD);
    }

    static TrustedKey trusted(Sm2Identity identity) {
        return TrustedKey.of(PlatformCertificate.of(identity.keyId(), identity.certificate()));
    }

    static byte[] hex(String hex) {
        return java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
    }
}
