package cn.hnsw.ledger.support;

import cn.hnsw.common.crypto.MessageSealer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls the ledger service over real HTTP with real tokens, and plays 金关二期's receipt pushes. */
public final class LedgerApi {

    public record Response(int status, JsonNode body) {
        public String code() {
            return body.path("code").asText();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private final String base;

    public LedgerApi(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/ledger/v1";
    }

    public Response get(String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
    }

    public Response post(String token, String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), token);
    }

    public Response put(String token, String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes(body))), token);
    }

    public Response request(String method, String token, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()), token);
    }

    public Response postBytes(String token, String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    public byte[] download(String token, String path) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Seals a receipt with {@code signer}'s key to the platform and pushes it to the receipt inbox. */
    public Response pushReceipt(MessageSealer signer, String signerKeyId, String documentNo, String kind, String reason,
                                String receiptId) {
        Map<String, Object> receipt = new java.util.LinkedHashMap<>();
        receipt.put("messageType", "LEDGER_RECEIPT");
        receipt.put("receiptId", receiptId);
        receipt.put("documentNo", documentNo);
        receipt.put("kind", kind);
        receipt.put("reason", reason);
        receipt.put("issuedAt", Instant.now().toString());
        receipt.put("formalDataRef", "FORMAL_DATA".equals(kind) ? "HZ" + documentNo : null);
        byte[] sealed = signer.seal(bytes(receipt), signerKeyId, LedgerTestKeys.PLATFORM).toJson();
        return postBytes(null, "/customs/receipts", sealed, "application/json");
    }

    public byte[] sealReceipt(MessageSealer signer, String documentNo, String kind, String receiptId) {
        Map<String, Object> receipt = Map.of("messageType", "LEDGER_RECEIPT", "receiptId", receiptId,
                "documentNo", documentNo, "kind", kind, "issuedAt", Instant.now().toString());
        return signer.seal(bytes(receipt), LedgerTestKeys.CUSTOMS, LedgerTestKeys.PLATFORM).toJson();
    }

    public static String newReceiptId() {
        return "R" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    }

    private Response send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        builder.header("Accept-Language", "zh-CN");
        try {
            HttpResponse<byte[]> r = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = r.body().length == 0 ? JsonNodeFactory.instance.nullNode() : json.readTree(r.body());
            return new Response(r.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
