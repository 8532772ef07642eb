package cn.hnsw.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JDK HTTP server per test JVM standing in for every service behind the gateway (and for the simulators' partner
 * link report). It records what reached it, keyed by the request id the gateway forwarded, so that tests that send
 * their own ids never see each other's calls.
 *
 * <ul>
 *   <li>{@code /api/flaky/**}: 503 on the first call of a request id, 200 after</li>
 *   <li>{@code /api/slow/**}, {@code /api/fragile/**}: answer after 1.5 s (beyond the test's response timeout)</li>
 *   <li>{@code /actuator/health}, {@code /v3/api-docs}, {@code /api/simulators/v1/partner-links}</li>
 *   <li>anything else: 200 with the path, method and body size as JSON</li>
 * </ul>
 */
final class TestBackend {

    /** One call as the backend saw it. */
    record Call(String method, String path, Map<String, List<String>> headers, long bodyBytes) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst()
                    .map(e -> String.join(",", e.getValue()))
                    .orElse(null);
        }
    }

    static final TestBackend INSTANCE = new TestBackend();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-backend");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, List<Call>> callsByRequestId = new ConcurrentHashMap<>();
    private final AtomicInteger healthChecks = new AtomicInteger();
    private final AtomicInteger fragileCalls = new AtomicInteger();
    private final AtomicBoolean partnersUp = new AtomicBoolean(true);
    private final int closedPort;

    private TestBackend() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
    }

    String uri() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A loopback port nothing listens on: a service that is down. */
    String downUri() {
        return "http://127.0.0.1:" + closedPort;
    }

    List<Call> calls(String requestId) {
        return callsByRequestId.getOrDefault(requestId, List.of());
    }

    int healthChecks() {
        return healthChecks.get();
    }

    int fragileCalls() {
        return fragileCalls.get();
    }

    void partnersUp(boolean up) {
        partnersUp.set(up);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            long bodyBytes;
            try (InputStream in = exchange.getRequestBody()) {
                bodyBytes = in.transferTo(OutputStream.nullOutputStream());
            }
            String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
            if (requestId != null) {
                // as common-lib's services do
                exchange.getResponseHeaders().add("X-Request-Id", requestId);
                callsByRequestId.computeIfAbsent(requestId, k -> new CopyOnWriteArrayList<>())
                        .add(new Call(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), bodyBytes));
            }
            if (path.equals("/actuator/health")) {
                healthChecks.incrementAndGet();
                respond(exchange, 200, "{\"status\":\"UP\"}");
            } else if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, """
                        {"openapi":"3.1.0","info":{"title":"passenger-service","version":"v1"},
                         "servers":[{"url":"%s","description":"Generated server url"}],
                         "paths":{"/api/passenger/v1/declarations":{"get":{"responses":{"200":{"description":"OK"}}}}}}"""
                        .formatted(uri()));
            } else if (path.equals("/api/simulators/v1/partner-links")) {
                if (partnersUp.get()) {
                    respond(exchange, 200, """
                            [{"id":"customs-h2018","nameZh":"海关H2018","nameEn":"Customs H2018","status":"UP","latencyMs":4},
                             {"id":"bank-boc","nameZh":"中国银行","nameEn":"Bank of China","status":"DOWN"}]""");
                } else {
                    respond(exchange, 503, "{}");
                }
            } else if (path.startsWith("/api/flaky/")) {
                boolean first = requestId == null || calls(requestId).size() <= 1;
                respond(exchange, first ? 503 : 200, "{\"attempt\":\"" + (first ? "first" : "later") + "\"}");
            } else if (path.startsWith("/api/slow/") || path.startsWith("/api/fragile/")) {
                if (path.startsWith("/api/fragile/")) {
                    fragileCalls.incrementAndGet();
                }
                sleep(1500);
                respond(exchange, 200, "{\"late\":true}");
            } else {
                respond(exchange, 200, "{\"path\":\"" + path + "\",\"method\":\"" + exchange.getRequestMethod()
                        + "\",\"bodyBytes\":" + bodyBytes + "}");
            }
        } catch (IOException clientGone) {
            // the gateway gave up on a slow answer; nothing to do
        }
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
