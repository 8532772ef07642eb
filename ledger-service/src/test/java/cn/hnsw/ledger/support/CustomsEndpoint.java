package cn.hnsw.ledger.support;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * 金关二期 at the wire, played by the test: an HTTP endpoint that opens each sealed declaration with the partner's
 * own key (so a declaration that was not sealed to customs by the platform key fails here) and answers with a sealed
 * technical receipt. The business receipts are pushed by the test itself (see {@link LedgerApi#pushReceipt}).
 */
public final class CustomsEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final MessageSealer customs = LedgerTestKeys.partnerSealer(LedgerTestKeys.CUSTOMS);
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> declarations = new ConcurrentHashMap<>();
    private final Map<String, String> senders = new ConcurrentHashMap<>();
    private volatile boolean down;

    public CustomsEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/messages", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
                return;
            }
            OpenedMessage opened = customs.open(body);
            JsonNode declaration = json.readTree(opened.payload());
            declarations.put(declaration.path("documentNo").asText(), declaration);
            senders.put(declaration.path("documentNo").asText(), opened.senderKeyId());
            byte[] receipt = json.writeValueAsBytes(Map.of("receiptKind", "TECHNICAL", "status", "RECEIVED",
                    "messageId", opened.messageId(), "simulator", true));
            byte[] reply = customs.seal(receipt, LedgerTestKeys.CUSTOMS, LedgerTestKeys.PLATFORM).toJson();
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/messages";
    }

    public JsonNode declaration(String documentNo) {
        return declarations.get(documentNo);
    }

    public String sender(String documentNo) {
        return senders.get(documentNo);
    }

    public void down(boolean value) {
        this.down = value;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
