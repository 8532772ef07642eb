package cn.hnsw.passenger.support;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.crypto.SealRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The test playing partner systems over real HTTP with real keys: each partner opens what the passenger service
 * sealed to it with its own private key (refusing anything that does not verify) and answers with a technical
 * receipt sealed with that key. A partner can be switched off (503) to see messages queue.
 */
public final class PartnerDouble implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Received(String partnerId, String messageType, JsonNode body) {
    }

    private final HttpServer server;
    private final Map<String, MessageSealer> sealers = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Boolean> off = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, Map<String, Object>>> replies = new ConcurrentHashMap<>();

    public PartnerDouble() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                String[] path = exchange.getRequestURI().getPath().split("/");
                String partner = path[1];
                if (off.getOrDefault(partner, false)) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                byte[] body = exchange.getRequestBody().readAllBytes();
                MessageSealer sealer = sealers.computeIfAbsent(partner, TestKeys::partnerSealer);
                OpenedMessage opened;
                try {
                    opened = sealer.open(body);
                } catch (SealRefusedException e) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
                JsonNode node = JSON.readTree(opened.payload());
                received.add(new Received(partner, node.path("messageType").asText(), node));
                Map<String, Object> reply = replies.getOrDefault(partner,
                        n -> Map.of("receiptKind", "TECHNICAL", "status", "RECEIVED")).apply(node);
                byte[] sealed = sealer.seal(JSON.writeValueAsBytes(reply), partner, TestKeys.PLATFORM).toJson();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, sealed.length);
                exchange.getResponseBody().write(sealed);
            }
        });
        server.start();
    }

    public String endpointBase() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void switchOff(String partner, boolean isOff) {
        off.put(partner, isOff);
    }

    public void replyWith(String partner, Function<JsonNode, Map<String, Object>> reply) {
        replies.put(partner, reply);
    }

    public List<Received> received(String partner, String messageType) {
        return received.stream().filter(r -> r.partnerId().equals(partner) && r.messageType().equals(messageType))
                .toList();
    }

    public List<Received> all() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
