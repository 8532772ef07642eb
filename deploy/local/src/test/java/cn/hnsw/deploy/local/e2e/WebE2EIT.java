package cn.hnsw.deploy.local.e2e;

import cn.hnsw.deploy.local.keycloak.KeycloakServer;
import cn.hnsw.deploy.local.keycloak.KeycloakTestServer;
import cn.hnsw.testsupport.embedded.FreePorts;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser tests of {@code web/e2e}, run against the real parts: the built web app served by the real gateway,
 * logging in through the real Keycloak with the platform realm, in Debian's headless chromium. A customs officer
 * sees the console menu, an enterprise user does not, logout ends the session, the status page is public and the
 * language switches. {@code ./hnsw test} builds web/dist and installs chromium before Maven runs this.
 */
class WebE2EIT {

    /** The realm's web client accepts redirects to the gateway's usual port only (or Vite's), so the test uses it. */
    static final int GATEWAY_PORT = Integer.getInteger("hnsw.test.gateway.port", 8080);

    @Test
    void browserTestsPassAgainstTheGatewayAndKeycloak() throws Exception {
        Path root = Path.of(System.getProperty("hnsw.root", "../..")).toAbsolutePath().normalize();
        Path web = root.resolve("web");
        Path dist = web.resolve("dist");
        assertThat(dist.resolve("index.html")).as("web/dist is built by ./hnsw test (cd web && npm ci && npm run build)")
                .exists();
        assertThat(web.resolve("node_modules/@playwright/test")).as("web packages are installed (cd web && npm ci)")
                .exists();
        Path gatewayJar = root.resolve("gateway/target/gateway.jar");
        assertThat(gatewayJar).as("the gateway is packaged before this module in the reactor").exists();
        assertThat(FreePorts.isFree(GATEWAY_PORT)).as("port " + GATEWAY_PORT + " must be free for the gateway under test "
                + "(stop a running local stack)").isTrue();

        KeycloakServer keycloak = KeycloakTestServer.shared();
        Path servedDist = copyWithConfig(dist, keycloak.issuer());
        Path log = Path.of("target", "gateway-e2e.log").toAbsolutePath();
        ProcessBuilder gatewayProcess = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", gatewayJar.toString(), "--server.port=" + GATEWAY_PORT)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        gatewayProcess.environment().put("HNSW_ISSUER", keycloak.issuer());
        gatewayProcess.environment().put("HNSW_WEB_DIST", servedDist.toString());
        Process gateway = gatewayProcess.start();
        try {
            awaitHealthy("http://localhost:" + GATEWAY_PORT + "/actuator/health", gateway, log);
            // Never inheritIO: the test JVM's stdout carries surefire's protocol. The report is printed after the run.
            Path report = Path.of("target", "web-e2e.log").toAbsolutePath();
            ProcessBuilder playwright = new ProcessBuilder("npm", "run", "--silent", "e2e")
                    .directory(web.toFile()).redirectErrorStream(true).redirectOutput(report.toFile());
            playwright.environment().put("HNSW_BASE_URL", "http://localhost:" + GATEWAY_PORT);
            playwright.environment().put("HNSW_KEYCLOAK_URL", keycloak.baseUrl());
            Process run = playwright.start();
            boolean finished = run.waitFor(10, TimeUnit.MINUTES);
            System.out.println(Files.readString(report));
            assertThat(finished).as("browser tests finish within 10 minutes").isTrue();
            assertThat(run.exitValue()).as("npm run e2e (see the Playwright report in web/playwright-report)").isZero();
        } finally {
            gateway.destroy();
            if (!gateway.waitFor(20, TimeUnit.SECONDS)) {
                gateway.destroyForcibly();
            }
        }
    }

    /** The built app with its runtime config pointing at the test's Keycloak. */
    private static Path copyWithConfig(Path dist, String issuer) throws IOException {
        Path copy = Files.createTempDirectory("hnsw-web-dist-");
        try (Stream<Path> files = Files.walk(dist)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(dist.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String config = Files.readString(dist.resolve("config.json"))
                .replaceAll("\"authority\"\\s*:\\s*\"[^\"]*\"", "\"authority\": \"" + issuer + "\"");
        Files.writeString(copy.resolve("config.json"), config);
        return copy;
    }

    private static void awaitHealthy(String url, Process process, Path log) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited; see " + log + "\n" + tail(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the gateway did not become healthy; see " + log + "\n" + tail(log));
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
