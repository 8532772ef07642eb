package cn.hnsw.gateway;

import cn.hnsw.testsupport.jwt.TestTokens;
import com.sun.net.httpserver.HttpServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * A gateway in front of a trivial backend, for a quick, indicative run of {@code cn.hnsw.bench.gateway.LatencyDriver}
 * without the whole stack (see bench/README.md). Not a test: surefire does not pick it up. It starts the test token
 * issuer, a JDK HTTP server answering {@code GET /api/passenger/v1/ping}, and the gateway routing to it with the
 * production filters (token check, request id, header clean-up, rate limit, breaker, retry); writes a one-hour token
 * to a file; prints both URLs; and stops by itself after the given number of seconds.
 *
 * <p>The backend checks no token, so the difference the driver reports is the gateway's whole cost including its JWT
 * check, which the real stack pays at the service as well: figures from here overstate the added latency.
 */
public final class GatewayBenchHarness {

    private GatewayBenchHarness() {
    }

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            // the token issuer's and the backend's server threads would otherwise keep the JVM alive
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        Path tokenFile = Path.of(args.length > 0 ? args[0] : "target/bench-token.txt").toAbsolutePath();
        long seconds = Math.min(1800, args.length > 1 ? Long.parseLong(args[1]) : 300);

        HttpServer backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.setExecutor(Executors.newFixedThreadPool(4));
        byte[] pong = "{\"pong\":true}".getBytes(StandardCharsets.UTF_8);
        backend.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, pong.length);
                exchange.getResponseBody().write(pong);
            }
        });
        backend.start();
        String backendUri = "http://127.0.0.1:" + backend.getAddress().getPort();

        TestTokens tokens = TestTokens.issuer();
        // as command-line arguments, so that they win over application.yml
        ConfigurableApplicationContext gateway = new SpringApplicationBuilder(GatewayApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuerUri(),
                        "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                        "--hnsw.gateway.services[0].id=passenger-service",
                        "--hnsw.gateway.services[0].uri=" + backendUri,
                        "--hnsw.gateway.services[0].path=/api/passenger",
                        // one client sends everything: the limiter runs (its cost is measured) but never refuses
                        "--hnsw.gateway.rate-limit.capacity=1000000000",
                        "--hnsw.gateway.rate-limit.refill-per-second=1000000000",
                        "--hnsw.gateway.status.simulators-uri=",
                        "--logging.level.root=WARN");
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();

        Files.createDirectories(tokenFile.getParent());
        Files.writeString(tokenFile, tokens.user("bench.user", "traveler").lifetime(Duration.ofHours(1)).mint());
        System.out.println("direct:  " + backendUri + "/api/passenger/v1/ping");
        System.out.println("gateway: http://127.0.0.1:" + port + "/api/passenger/v1/ping");
        System.out.println("token:   " + tokenFile);
        System.out.println("stopping by itself in " + seconds + " s");
        System.out.flush();
        try {
            Thread.sleep(Duration.ofSeconds(seconds));
        } finally {
            gateway.close();
            backend.stop(0);
        }
    }
}
