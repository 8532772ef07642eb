package cn.hnsw.simulators.harness;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.RefusalCode;
import cn.hnsw.common.crypto.SealedMessage;
import cn.hnsw.common.partner.ClientCredentialsTokenProvider;
import cn.hnsw.common.partner.EnvelopeFormat;
import cn.hnsw.common.partner.PartnerClient;
import cn.hnsw.common.partner.PartnerProperties;
import cn.hnsw.common.partner.PartnerRefusedException;
import cn.hnsw.common.partner.PartnerReply;
import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.partner.SealedInbox;
import cn.hnsw.common.partner.SealedRequest;
import cn.hnsw.common.partner.ServiceTokenProvider;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.simulators.SimulatorsWithKeysTestBase;
import cn.hnsw.simulators.TestKeys;
import cn.hnsw.testsupport.jwt.TestTokens;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * common-lib's {@link PartnerClient} and {@link SealedInbox} against the real simulators over HTTP, with a service
 * token fetched by the client-credentials grant from the test issuer: what every platform service does to talk to
 * customs, banks or gates.
 */
class PartnerClientIT extends SimulatorsWithKeysTestBase {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private PartnerClient client(MessageSealer sealer, ServiceTokenProvider tokens) {
        PartnerProperties properties = new PartnerProperties(url("/v1/partners/{partnerId}/messages"), Map.of(),
                Map.of(), null, null, null, null, null);
        return new PartnerClient(sealer, TestKeys.PLATFORM, properties, tokens, CLIENT);
    }

    private static ServiceTokenProvider serviceClient(String clientId, String secret) {
        return new ClientCredentialsTokenProvider(URI.create(TestTokens.issuer().tokenUri()), clientId, secret, CLIENT,
                Duration.ofSeconds(5), Clock.systemUTC());
    }

    @Test
    void sealsSendsAndOpensTheVerifiedReplyWithAClientCredentialsToken() throws Exception {
        PartnerClient client = client(TestKeys.platformSealer(),
                serviceClient("hnsw-svc-passenger", TestTokens.clientSecret("hnsw-svc-passenger")));

        PartnerReply reply = client.send(TestKeys.CUSTOMS, "{\"declaration\":\"D-1\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(reply.alreadyDelivered()).isFalse();
        assertThat(reply.reply().senderKeyId()).isEqualTo(TestKeys.CUSTOMS);
        JsonNode receipt = JSON.readTree(reply.payload());
        assertThat(receipt.path("status").asText()).isEqualTo("RECEIVED");
        assertThat(receipt.path("messageId").asText()).isEqualTo(reply.requestMessageId());
        assertThat(receipt.path("simulator").asBoolean()).isTrue();
    }

    @Test
    void aResendOfTheSameSealedRequestIsReportedAsDeliveredBefore() {
        PartnerClient client = client(TestKeys.platformSealer(),
                serviceClient("hnsw-svc-customs", TestTokens.clientSecret("hnsw-svc-customs")));
        SealedRequest request = client.prepare(TestKeys.BANK, "{\"order\":1}".getBytes(StandardCharsets.UTF_8),
                EnvelopeFormat.XML);

        assertThat(client.deliver(request).alreadyDelivered()).isFalse();
        PartnerReply again = client.deliver(SealedRequest.restore(TestKeys.BANK, request.encoded()));

        assertThat(again.alreadyDelivered()).isTrue();
        assertThat(again.requestMessageId()).isEqualTo(request.messageId());
    }

    @Test
    void aPartnerThatIsDownIsUnavailableAndTheSameRequestGoesThroughLater() {
        PartnerClient client = client(TestKeys.platformSealer(),
                serviceClient("hnsw-svc-ledger", TestTokens.clientSecret("hnsw-svc-ledger")));
        put("/v1/partners/" + TestKeys.CUSTOMS + "/faults", operatorToken(), "{\"availability\":\"OFFLINE\"}");
        SealedRequest request = client.prepare(TestKeys.CUSTOMS, "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> client.deliver(request)).isInstanceOf(PartnerUnavailableException.class);

        put("/v1/partners/" + TestKeys.CUSTOMS + "/faults", operatorToken(), "{}");
        assertThat(client.deliver(request).alreadyDelivered()).isFalse();
    }

    @Test
    void aMessageSignedByAKeyThePartnerDoesNotTrustIsRefusedForGood() {
        // Sealed by a partner key instead of the platform key: the simulator trusts only the platform.
        MessageSealer impostor = TestKeys.partnerSealer("gate-control");
        PartnerProperties properties = new PartnerProperties(url("/v1/partners/{partnerId}/messages"), Map.of(),
                Map.of(), null, null, null, null, null);
        PartnerClient client = new PartnerClient(impostor, "gate-control", properties,
                serviceClient("hnsw-svc-port-situation", TestTokens.clientSecret("hnsw-svc-port-situation")), CLIENT);

        assertThatThrownBy(() -> client.send(TestKeys.CUSTOMS, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PartnerRefusedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo(RefusalCode.UNKNOWN_SIGNER.name());
                });
    }

    @Test
    void withoutAValidClientSecretNoTokenIsIssuedAndNothingIsSent() {
        PartnerClient client = client(TestKeys.platformSealer(), serviceClient("hnsw-svc-passenger", "wrong-secret"));

        assertThatThrownBy(() -> client.send(TestKeys.CUSTOMS, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PartnerUnavailableException.class)
                .hasMessageContaining("401");
    }

    @Test
    void withoutAnyTokenThePartnerEndpointRefuses() {
        ServiceTokenProvider none = new ServiceTokenProvider() {
            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public void invalidate() {
            }
        };
        PartnerClient client = client(TestKeys.platformSealer(), none);

        assertThatThrownBy(() -> client.send(TestKeys.CUSTOMS, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PartnerRefusedException.class, e -> assertThat(e.status()).isEqualTo(401));
    }

    @Test
    void theInboxOpensAPushFromAnExpectedPartnerAndRefusesOthersTamperingAndReplays() {
        PartnerProperties properties = new PartnerProperties(null, null, null, null, null, null, null, null);
        SealedInbox inbox = new SealedInbox(TestKeys.platformSealer(), TestKeys.PLATFORM, properties);
        MessageSealer customs = TestKeys.partnerSealer(TestKeys.CUSTOMS);
        byte[] receipt = customs.seal("{\"status\":\"RELEASED\"}".getBytes(StandardCharsets.UTF_8), TestKeys.CUSTOMS,
                TestKeys.PLATFORM).toJson();

        OpenedMessage opened = inbox.open(receipt, Set.of(TestKeys.CUSTOMS));
        assertThat(new String(opened.payload(), StandardCharsets.UTF_8)).contains("RELEASED");
        assertRefused(() -> inbox.open(receipt, Set.of(TestKeys.CUSTOMS)), RefusalCode.REPLAYED, 409);

        byte[] fromBank = TestKeys.partnerSealer(TestKeys.BANK).seal("{}".getBytes(StandardCharsets.UTF_8),
                TestKeys.BANK, TestKeys.PLATFORM).toJson();
        assertRefused(() -> inbox.open(fromBank, List.of(TestKeys.CUSTOMS)), RefusalCode.UNKNOWN_SIGNER, 401);

        SealedMessage good = customs.seal("{\"n\":1}".getBytes(StandardCharsets.UTF_8), TestKeys.CUSTOMS,
                TestKeys.PLATFORM);
        byte[] tampered = good.toJson();
        String text = new String(tampered, StandardCharsets.UTF_8);
        int at = text.indexOf("\"ciphertext\":\"") + 14;
        char c = text.charAt(at);
        text = text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1);
        String finalText = text;
        assertRefused(() -> inbox.open(finalText.getBytes(StandardCharsets.UTF_8), List.of(TestKeys.CUSTOMS)),
                RefusalCode.TAMPERED, 401);

        byte[] reply = inbox.reply(opened, "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), EnvelopeFormat.JSON);
        assertThat(customs.open(reply).senderKeyId()).isEqualTo(TestKeys.PLATFORM);
    }

    private static void assertRefused(Runnable action, RefusalCode code, int status) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(HnswException.class, e -> {
            assertThat(e.errorCode().code()).isEqualTo(code.name());
            assertThat(e.errorCode().status().value()).isEqualTo(status);
        });
    }
}
