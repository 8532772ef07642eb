package cn.hnsw.customs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The Haikou data sub-centre's address for a service under test that listens on a port only known once it started.
 * The service is configured (before start) to distribute to this forwarder; the test tells it the service's port
 * ({@link #target}) when it knows it, and the forwarder passes each sealed POST through unchanged, headers included.
 *
 * <p>Why: picking a "free" port before the context starts and binding the service to it later leaves a window in which
 * the embedded PostgreSQL, Kafka or any outgoing connection may take that port on another machine (CI failed that
 * way); the service now binds port 0 itself.
 */
public final class SelfForwarder implements AutoCloseable {

    private static final List<String> PASSED_HEADERS = List.of("Content-Type", "Accept", "Authorization");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile URI target;

    public SelfForwarder() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::forward);
        server.start();
    }

    /** Where the service under test sends, e.g. {@code http://127.0.0.1:<forwarder>/api/customs/v1/subcentre/distributions}. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The service under test listens on {@code port}. */
    public void target(int port) {
        target = URI.create("http://127.0.0.1:" + port);
    }

    /** The sub-centre cannot be reached: every POST is answered 503 until {@link #target} is called again. */
    public void down() {
        target = null;
    }

    private void forward(HttpExchange exchange) throws IOException {
        URI to = target;
        if (to == null) {
            answer(exchange, 503, "{\"code\":\"PARTNER_UNAVAILABLE\"}".getBytes());
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(to.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
        for (String header : PASSED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().firstValue("Content-Type")
                    .ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
            answer(exchange, response.statusCode(), response.body());
        } catch (IOException e) {
            answer(exchange, 503, "{\"code\":\"PARTNER_UNAVAILABLE\"}".getBytes());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(exchange, 503, "{\"code\":\"PARTNER_UNAVAILABLE\"}".getBytes());
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
