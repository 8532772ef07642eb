package cn.hnsw.simulators.harness;

import cn.hnsw.common.crypto.InMemoryKeyDirectory;
import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.Pkcs12CipherDevice;
import cn.hnsw.common.partner.ClientCredentialsTokenProvider;
import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerProperties;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.testsupport.jwt.TestTokens;
import cn.hnsw.testsupport.spring.TestInfrastructureInitializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulators started the way a service's integration test starts them: inside its JVM with
 * {@link SimulatorsHarness}, their own configuration and migrations, keys from {@link SimulatorKeys}, and a real
 * {@link PartnerClient} exchange with one of them.
 */
class SimulatorsHarnessIT {

    @Test
    void startsBesideTheTestAndAnswersSealedMessagesWithTheGeneratedKeys() throws Exception {
        SimulatorKeys keys = SimulatorKeys.of("customs-smart-supervision", "wallet-alipay");
        try (SimulatorsHarness simulators = SimulatorsHarness.start(keys, new TestInfrastructureInitializer())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> links = http.send(HttpRequest.newBuilder(
                    URI.create(simulators.baseUrl() + "/v1/partner-links")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(links.statusCode()).isEqualTo(200);
            assertThat(links.body()).contains("customs-smart-supervision");

            Map<String, String> platform = keys.platformProperties();
            char[] password = platform.get("hnsw.crypto.key-store-password").toCharArray();
            MessageSealer sealer = new MessageSealer(
                    Pkcs12CipherDevice.load(Path.of(platform.get("hnsw.crypto.key-store")), password),
                    InMemoryKeyDirectory.fromTrustStore(Path.of(platform.get("hnsw.crypto.trust-store")), password),
                    new InMemoryReplayGuard(Clock.systemUTC(), 1000), Clock.systemUTC());
            PartnerClient client = new PartnerClient(sealer, SimulatorKeys.PLATFORM_KEY_ID,
                    new PartnerProperties(simulators.partnerEndpoint(), null, null, null, null, null, null, null),
                    new ClientCredentialsTokenProvider(URI.create(TestTokens.issuer().tokenUri()), "hnsw-svc-passenger",
                            TestTokens.clientSecret("hnsw-svc-passenger"), http, Duration.ofSeconds(5), Clock.systemUTC()),
                    http);

            PartnerReply reply = client.send("wallet-alipay", "{\"order\":\"P-1\"}".getBytes(StandardCharsets.UTF_8));

            assertThat(reply.reply().senderKeyId()).isEqualTo("wallet-alipay");
            assertThat(new String(reply.payload(), StandardCharsets.UTF_8)).contains("\"status\":\"RECEIVED\"");
        }
    }
}
