package cn.hnsw.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyStoreToolTest {

    private static final Map<String, String> ENV = Map.of("HNSW_KEYSTORE_PASSWORD", "dev-only-password");
    private static final char[] PASSWORD = "dev-only-password".toCharArray();

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final KeyStoreTool tool = new KeyStoreTool(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8), ENV, null);

    @Test
    void generatedStoresSealBetweenPlatformAndPartners() {
        int status = tool.run(new String[] {"generate", "--out", dir.toString(), "--platform", "hnsw-platform",
                "--partner", "customs-haikou", "--partner", "msa-yangpu"});

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dir.resolve("platform.p12")).exists();
        assertThat(dir.resolve("trust.p12")).exists();
        assertThat(dir.resolve("partners/customs-haikou.p12")).exists();
        assertThat(dir.resolve("partners/msa-yangpu.p12")).exists();
        assertThat(dir.resolve("certs/hnsw-platform.pem")).content().startsWith("-----BEGIN CERTIFICATE-----");

        Pkcs12CipherDevice platform = Pkcs12CipherDevice.load(dir.resolve("platform.p12"), PASSWORD);
        Pkcs12CipherDevice customs = Pkcs12CipherDevice.load(dir.resolve("partners/customs-haikou.p12"), PASSWORD);
        InMemoryKeyDirectory trust = InMemoryKeyDirectory.fromTrustStore(dir.resolve("trust.p12"), PASSWORD);
        assertThat(platform.keyIds()).containsExactly("hnsw-platform");
        assertThat(trust.keyIds()).containsExactlyInAnyOrder("hnsw-platform", "customs-haikou", "msa-yangpu");

        Clock clock = Clock.systemUTC();
        SealedMessage sealed = new MessageSealer(customs, trust, new InMemoryReplayGuard(clock, 10), clock)
                .seal("申报".getBytes(StandardCharsets.UTF_8), "customs-haikou", "hnsw-platform");
        OpenedMessage opened = new MessageSealer(platform, trust, new InMemoryReplayGuard(clock, 10), clock).open(sealed);
        assertThat(new String(opened.payload(), StandardCharsets.UTF_8)).isEqualTo("申报");

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("certificate number " + platform.certificateNumber("hnsw-platform"))
                .doesNotContain("PRIVATE");
    }

    @Test
    void missingPartnersAreAddedAndExistingKeysKept() throws Exception {
        KeyStoreTool.generateStores(dir, "hnsw-platform", java.util.List.of("customs-haikou"), PASSWORD,
                java.time.Duration.ofDays(30), "test");
        byte[] platformBefore = Files.readAllBytes(dir.resolve("platform.p12"));
        byte[] customsBefore = Files.readAllBytes(dir.resolve("partners/customs-haikou.p12"));

        java.util.List<String> lines = KeyStoreTool.addMissingPartners(dir,
                java.util.List.of("customs-haikou", "sms-platform"), PASSWORD, java.time.Duration.ofDays(30));

        assertThat(lines).anyMatch(l -> l.contains("sms-platform")).noneMatch(l -> l.contains("customs-haikou.p12"));
        assertThat(Files.readAllBytes(dir.resolve("platform.p12"))).isEqualTo(platformBefore);
        assertThat(Files.readAllBytes(dir.resolve("partners/customs-haikou.p12"))).isEqualTo(customsBefore);
        InMemoryKeyDirectory trust = InMemoryKeyDirectory.fromTrustStore(dir.resolve("trust.p12"), PASSWORD);
        assertThat(trust.keyIds()).containsExactlyInAnyOrder("hnsw-platform", "customs-haikou", "sms-platform");

        Clock clock = Clock.systemUTC();
        Pkcs12CipherDevice sms = Pkcs12CipherDevice.load(dir.resolve("partners/sms-platform.p12"), PASSWORD);
        Pkcs12CipherDevice platform = Pkcs12CipherDevice.load(dir.resolve("platform.p12"), PASSWORD);
        SealedMessage sealed = new MessageSealer(sms, trust, new InMemoryReplayGuard(clock, 10), clock)
                .seal("短信".getBytes(StandardCharsets.UTF_8), "sms-platform", "hnsw-platform");
        assertThat(new String(new MessageSealer(platform, trust, new InMemoryReplayGuard(clock, 10), clock)
                .open(sealed).payload(), StandardCharsets.UTF_8)).isEqualTo("短信");

        assertThat(KeyStoreTool.addMissingPartners(dir, java.util.List.of("customs-haikou", "sms-platform"), PASSWORD,
                java.time.Duration.ofDays(30))).isEmpty();
    }

    @Test
    void listShowsCertificateNumbersAndImportAddsAPartner() throws Exception {
        tool.run(new String[] {"generate", "--out", dir.toString(), "--platform", "hnsw-platform"});
        Path partnerPem = dir.resolve("partner.pem");
        Files.writeString(partnerPem, KeyStoreTool.pem(CryptoFixtures.MARITIME_ID.certificate()));

        assertThat(tool.run(new String[] {"import", "--trust", dir.resolve("trust.p12").toString(),
                "--cert", partnerPem.toString()})).isZero();
        out.reset();
        assertThat(tool.run(new String[] {"list", "--store", dir.resolve("trust.p12").toString()})).isZero();

        String listing = out.toString(StandardCharsets.UTF_8);
        assertThat(listing).contains("hnsw-platform\ttrusted certificate")
                .contains("msa-yangpu\ttrusted certificate\tcertificate number "
                        + CryptoFixtures.MARITIME_DEVICE.certificateNumber("msa-yangpu"));
    }

    @Test
    void refusesToOverwriteAndExplainsUsage() {
        assertThat(tool.run(new String[] {"generate", "--out", dir.toString(), "--platform", "hnsw-platform"})).isZero();
        assertThat(tool.run(new String[] {"generate", "--out", dir.toString(), "--platform", "hnsw-platform"})).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists; use --force");

        assertThat(tool.run(new String[] {"generate", "--out", dir.toString()})).isEqualTo(2);
        assertThat(tool.run(new String[] {"generate", "--out", dir.toString(), "--platform", "Bad Id"})).isEqualTo(2);
        assertThat(tool.run(new String[] {"generate", "--out", dir.toString(), "--platform", "p", "--partners", "x"}))
                .isEqualTo(2);
        assertThat(tool.run(new String[] {})).isEqualTo(2);
        assertThat(tool.run(new String[] {"--help"})).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: KeyStoreTool");

        KeyStoreTool noPassword = new KeyStoreTool(new PrintStream(out), new PrintStream(err), Map.of(), null);
        assertThat(noPassword.run(new String[] {"list", "--store", dir.resolve("trust.p12").toString()})).isEqualTo(2);
    }
}
