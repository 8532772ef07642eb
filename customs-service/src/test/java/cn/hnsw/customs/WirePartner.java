package cn.hnsw.customs;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Single Window and the manifest system at the wire, for the service's integration tests: a real HTTP server that
 * opens the platform's sealed messages with the partner's own key and answers sealed, as the simulators module does.
 * {@link #failNext} makes it answer 503 to test retries.
 */
public final class WirePartner implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final MessageSealer singleWindow = CustomsTestKeys.partnerSealer(CustomsTestKeys.SINGLE_WINDOW);
    private final MessageSealer manifest = CustomsTestKeys.partnerSealer(CustomsTestKeys.MANIFEST);
    public final List<JsonNode> declarations = new CopyOnWriteArrayList<>();
    public final AtomicInteger failNext = new AtomicInteger();
    public final AtomicInteger requests = new AtomicInteger();
    private final HttpClient forwarder = HttpClient.newHttpClient();
    /**
     * Where {@code /subcentre} forwards to: the Haikou data sub-centre's receiving side of the service under test, set
     * once its server listens. The service binds a port of its own choosing (no port picked in advance that another
     * process could take meanwhile), so its sub-centre endpoint points here and the hop is forwarded as it is.
     */
    private volatile String subcentreTarget;

    public WirePartner() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sw", this::singleWindow);
        server.createContext("/manifest", this::manifest);
        server.createContext("/subcentre", this::subcentre);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void singleWindow(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 503, "{\"code\":\"PARTNER_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        OpenedMessage opened = singleWindow.open(exchange.getRequestBody().readAllBytes());
        JsonNode message = json.readTree(opened.payload());
        declarations.add(message);
        ObjectNode receipt = json.createObjectNode().put("receiptKind", "TECHNICAL").put("status", "RECEIVED")
                .put("messageId", opened.messageId());
        answer(exchange, 200, singleWindow.seal(json.writeValueAsBytes(receipt), CustomsTestKeys.SINGLE_WINDOW,
                CustomsTestKeys.PLATFORM).toJson());
    }

    /** Points {@code /subcentre} at the service under test, listening on {@code port}. */
    public void forwardSubcentreTo(int port) {
        subcentreTarget = "http://127.0.0.1:" + port + "/api/customs/v1/subcentre/distributions";
    }

    private void subcentre(HttpExchange exchange) throws IOException {
        String target = subcentreTarget;
        if (target == null) {
            answer(exchange, 503, "{\"code\":\"PARTNER_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(URI.create(target))
                .POST(HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        for (String header : List.of("Content-Type", "Accept", "Authorization")) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                forward.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> reply = forwarder.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            exchange.getResponseHeaders().add("Content-Type",
                    reply.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(reply.statusCode(), reply.body().length == 0 ? -1 : reply.body().length);
            exchange.getResponseBody().write(reply.body());
            exchange.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void manifest(HttpExchange exchange) throws IOException {
        OpenedMessage opened = manifest.open(exchange.getRequestBody().readAllBytes());
        JsonNode query = json.readTree(opened.payload());
        ObjectNode answer = json.createObjectNode();
        if ("HNBL2026110001".equals(query.path("billOfLadingNo").asText())) {
            answer.put("found", true).put("billOfLadingNo", "HNBL2026110001").put("vesselName", "COSCO HAIKOU")
                    .put("voyageNo", "2611E").put("transportMode", "2").put("packages", 120)
                    .put("grossWeight", 5400.5).put("departureCountry", "SGP").put("portCode", "SGSIN")
                    .put("goodsDescription", "工业原料");
        } else {
            answer.put("found", false);
        }
        answer(exchange, 200, manifest.seal(json.writeValueAsBytes(answer), CustomsTestKeys.MANIFEST,
                CustomsTestKeys.PLATFORM).toJson());
    }

    /** A business receipt as the Single Window pushes it for customs, sealed by the Single Window's key. */
    public byte[] businessReceipt(String receiptId, String conversationId, String status, String customsNo) {
        try {
            ObjectNode body = json.createObjectNode().put("receiptKind", "BUSINESS").put("receiptId", receiptId)
                    .put("conversationId", conversationId).put("status", status).put("customsNo", customsNo)
                    .put("note", "海关审核通过");
            return singleWindow.seal(json.writeValueAsBytes(body), CustomsTestKeys.SINGLE_WINDOW, CustomsTestKeys.PLATFORM).toJson();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
