package cn.hnsw.customs;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Single Window and the manifest system at the wire, for the service's integration tests: a real HTTP server that
 * opens the platform's sealed messages with the partner's own key and answers sealed, as the simulators module does.
 * {@link #failFor} makes it answer 503 to the next attempts for one declaration, to test retries; other tests' messages
 * still in the queue are not affected, however slowly the machine runs.
 */
public final class WirePartner implements AutoCloseable {

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final MessageSealer singleWindow = CustomsTestKeys.partnerSealer(CustomsTestKeys.SINGLE_WINDOW);
    private final MessageSealer manifest = CustomsTestKeys.partnerSealer(CustomsTestKeys.MANIFEST);
    public final List<JsonNode> declarations = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    public final AtomicInteger requests = new AtomicInteger();
    /** The customs credit grade the Single Window answers for an enterprise; GENERAL for any other. */
    public final Map<String, String> creditGrades = new ConcurrentHashMap<>();
    /** Declarations whose next delivery the Single Window answers with a technical rejection (拒收). */
    public final java.util.Set<String> rejectNext = ConcurrentHashMap.newKeySet();

    public WirePartner() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sw", this::singleWindow);
        server.createContext("/manifest", this::manifest);
        server.start();
    }

    /** The next {@code attempts} deliveries of declaration {@code declarationId} are answered 503. */
    public void failFor(String declarationId, int attempts) {
        failures.put(declarationId, new AtomicInteger(attempts));
    }

    /** Answers the declaration's next delivery normally again. */
    public void recover(String declarationId) {
        failures.remove(declarationId);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void singleWindow(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        // Each attempt is sealed afresh by the platform, so opening a message that is then refused consumes nothing.
        OpenedMessage opened = singleWindow.open(exchange.getRequestBody().readAllBytes());
        JsonNode message = json.readTree(opened.payload());
        if ("ENTERPRISE_CREDIT_QUERY".equals(message.path("messageType").asText())) {
            ObjectNode answer = json.createObjectNode();
            for (JsonNode e : message.path("enterprises")) {
                answer.withArray("grades").addObject().put("enterpriseUscc", e.asText())
                        .put("grade", creditGrades.getOrDefault(e.asText(), "GENERAL"));
            }
            answer(exchange, 200, singleWindow.seal(json.writeValueAsBytes(answer), CustomsTestKeys.SINGLE_WINDOW,
                    CustomsTestKeys.PLATFORM).toJson());
            return;
        }
        AtomicInteger failing = failures.get(message.path("declaration").path("id").asText());
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            answer(exchange, 503, "{\"code\":\"PARTNER_UNAVAILABLE\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        declarations.add(message);
        boolean reject = rejectNext.remove(message.path("declaration").path("id").asText());
        ObjectNode receipt = json.createObjectNode().put("receiptKind", "TECHNICAL")
                .put("status", reject ? "REJECTED" : "RECEIVED").put("messageId", opened.messageId());
        if (reject) {
            receipt.put("code", "SW-FORMAT").put("note", "报文格式校验未通过");
        }
        answer(exchange, 200, singleWindow.seal(json.writeValueAsBytes(receipt), CustomsTestKeys.SINGLE_WINDOW,
                CustomsTestKeys.PLATFORM).toJson());
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
        } else if ("HNBL2026110009".equals(query.path("billOfLadingNo").asText())) {
            // two manifest records under one bill of lading, vessel and voyage (FP 214): the declarant chooses
            answer.put("found", true).put("billOfLadingNo", "HNBL2026110009").put("vesselName", "COSCO HAIKOU")
                    .put("voyageNo", "2611E").put("transportMode", "2").put("packages", 30);
            ArrayNode records = answer.putArray("records");
            records.addObject().put("found", true).put("billOfLadingNo", "HNBL2026110009").put("vesselName", "COSCO HAIKOU")
                    .put("voyageNo", "2611E").put("transportMode", "2").put("packages", 30).put("grossWeight", 800)
                    .put("departureCountry", "SGP").put("portCode", "SGSIN").put("goodsDescription", "分票一");
            records.addObject().put("found", true).put("billOfLadingNo", "HNBL2026110009").put("vesselName", "COSCO HAIKOU")
                    .put("voyageNo", "2611E").put("transportMode", "2").put("packages", 75).put("grossWeight", 2100.25)
                    .put("departureCountry", "MYS").put("portCode", "MYPKG").put("goodsDescription", "分票二");
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
