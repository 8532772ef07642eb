package cn.hnsw.simulators.sealed;

import cn.hnsw.common.crypto.InMemoryReplayGuard;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.events.Backoff;
import cn.hnsw.simulators.TestKeys;
import cn.hnsw.simulators.partner.Partner;
import cn.hnsw.simulators.partner.PartnerKind;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Pushing to a platform URL (a JDK HTTP server standing in for it): sealed once, resent as is, retried only when it helps. */
class PlatformPushClientTest {

    static final Partner GATE = new Partner("gate-control", "卡口管理与控制系统模拟器", "Gate control simulator",
            PartnerKind.GATE, "gate-control");

    final PartnerSealers sealers = new PartnerSealers(TestKeys.dir(), TestKeys.PASSWORD, TestKeys.PLATFORM,
            Duration.ofMinutes(5), List.of(GATE), new InMemoryReplayGuard(Clock.systemUTC(), 100), Clock.systemUTC());
    final PlatformPushClient client = new PlatformPushClient(sealers, HttpClient.newHttpClient(), 3, Duration.ofSeconds(5),
            new Backoff(Duration.ofMillis(10), Duration.ofMillis(20), 2.0, 0.0));
    final List<byte[]> received = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    HttpServer platform;

    URI platformAnswering(int... statuses) throws IOException {
        AtomicInteger call = new AtomicInteger();
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/receipts", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            int status = statuses[Math.min(call.getAndIncrement(), statuses.length - 1)];
            byte[] body = ("status " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        platform.start();
        return URI.create("http://127.0.0.1:" + platform.getAddress().getPort() + "/receipts");
    }

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop(0);
        }
    }

    @Test
    void retriesA503WithTheSameEnvelopeAndThePlatformCanOpenIt() throws IOException {
        byte[] receipt = "{\"receiptKind\":\"BUSINESS\"}".getBytes(StandardCharsets.UTF_8);
        PushResult result = client.push(GATE, platformAnswering(503, 200), receipt, EnvelopeForm.JSON, "token-1");

        assertThat(result.outcome()).isEqualTo(PushOutcome.DELIVERED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.status()).isEqualTo(200);
        assertThat(received).hasSize(2);
        assertThat(received.get(1)).as("a resend is the same envelope").isEqualTo(received.get(0));
        assertThat(authorizations).containsOnly("Bearer token-1");

        OpenedMessage opened = TestKeys.platformSealer().open(received.get(0));
        assertThat(opened.payload()).isEqualTo(receipt);
        assertThat(opened.senderKeyId()).isEqualTo("gate-control");
        assertThat(opened.messageId()).isEqualTo(result.messageId());
    }

    @Test
    void doesNotRetryARefusal() throws IOException {
        PushResult result = client.push(GATE, platformAnswering(400), new byte[]{1}, EnvelopeForm.XML, null);
        assertThat(result.outcome()).isEqualTo(PushOutcome.REFUSED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("status 400");
        assertThat(new String(received.get(0), StandardCharsets.UTF_8)).contains("<SealedMessage><version>1</version>");
        assertThat(authorizations).containsOnlyNulls();
    }

    @Test
    void givesUpAfterTheLastAttempt() throws IOException {
        PushResult result = client.push(GATE, platformAnswering(503, 429, 500), new byte[]{1}, EnvelopeForm.JSON, null);
        assertThat(result.outcome()).isEqualTo(PushOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.status()).isEqualTo(500);
    }

    @Test
    void retriesWhenNobodyListens() throws IOException {
        URI closed = platformAnswering(200);
        platform.stop(0);
        platform = null;
        PushResult result = client.push(GATE, closed, new byte[]{1}, EnvelopeForm.JSON, null);
        assertThat(result.outcome()).isEqualTo(PushOutcome.FAILED);
        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.status()).isZero();
    }

    @Test
    void knowsWhichStatusesAreWorthARetry() {
        assertThat(PlatformPushClient.retryable(503)).isTrue();
        assertThat(PlatformPushClient.retryable(408)).isTrue();
        assertThat(PlatformPushClient.retryable(429)).isTrue();
        assertThat(PlatformPushClient.retryable(409)).as("REPLAYED: it arrived before").isFalse();
        assertThat(PlatformPushClient.retryable(401)).isFalse();
    }
}
