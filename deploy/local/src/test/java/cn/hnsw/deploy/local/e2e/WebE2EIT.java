package cn.hnsw.deploy.local.e2e;

import cn.hnsw.deploy.local.keycloak.KeycloakServer;
import cn.hnsw.deploy.local.keycloak.KeycloakTestServer;
import cn.hnsw.deploy.local.LocalStack;
import cn.hnsw.testsupport.embedded.FreePorts;
import cn.hnsw.testsupport.embedded.SharedInfrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser tests of {@code web/e2e}, run against the whole platform: every service, the simulators and the
 * gateway started by {@link LocalStack} as child processes on their usual ports, on the test JVM's PostgreSQL, Kafka
 * and S3, logging in through the real Keycloak with the platform realm, in Debian's headless chromium.
 * {@code -Dhnsw.e2e.specs="e2e/passenger.spec.ts"} runs only those specs (scripts/e2e.sh). A customs officer
 * sees the console menu, an enterprise user does not, logout ends the session, the status page is public and the
 * language switches. {@code ./hnsw test} builds web/dist and installs chromium before Maven runs this.
 */
class WebE2EIT {

    /** The realm's web client accepts redirects to the gateway's usual port only (or Vite's), so the test uses it. */
    static final int GATEWAY_PORT = Integer.getInteger("hnsw.test.gateway.port", 8080);

    @Test
    void browserTestsPassAgainstTheWholePlatform() throws Exception {
        Path root = Path.of(System.getProperty("hnsw.root", "../..")).toAbsolutePath().normalize();
        Path web = root.resolve("web");
        Path dist = web.resolve("dist");
        assertThat(dist.resolve("index.html")).as("web/dist is built by ./hnsw test (cd web && npm ci && npm run build)")
                .exists();
        assertThat(web.resolve("node_modules/@playwright/test")).as("web packages are installed (cd web && npm ci)")
                .exists();
        assertThat(root.resolve("gateway/target/gateway.jar")).as("the services are packaged before this module in the reactor").exists();
        for (LocalStack.ServiceSpec service : LocalStack.SERVICES) {
            assertThat(FreePorts.isFree(service.port())).as("port " + service.port() + " must be free for " + service.module()
                    + " (stop a running local stack)").isTrue();
        }
        assertThat(GATEWAY_PORT).as("the realm's web client redirects to the gateway's usual port").isEqualTo(8080);

        KeycloakServer keycloak = KeycloakTestServer.shared();
        Path servedDist = copyWithConfig(dist, keycloak.issuer());
        Path var = Path.of("target", "e2e-var").toAbsolutePath();
        if (Files.exists(var)) {
            try (Stream<Path> old = Files.walk(var)) {
                for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        LocalStack stack = new LocalStack(root, var, servedDist);
        String password = "hnsw-e2e-keys";
        LocalStack.Connections connections = new LocalStack.Connections(SharedInfrastructure.postgres(),
                SharedInfrastructure.kafka(), SharedInfrastructure.s3(), keycloak.issuer(), stack.keys(password), password);
        try {
            Map<String, String> started = new LinkedHashMap<>();
            List<String> missing = stack.startServices(connections, started);
            assertThat(missing).as("every service is built").isEmpty();
            // Never inheritIO: the test JVM's stdout carries surefire's protocol. The report is printed after the run.
            Path report = Path.of("target", "web-e2e.log").toAbsolutePath();
            List<String> command = new ArrayList<>(List.of("npm", "run", "--silent", "e2e", "--"));
            String specs = System.getProperty("hnsw.e2e.specs", "").trim();
            if (!specs.isEmpty()) {
                command.addAll(List.of(specs.split("\\s+")));
            }
            ProcessBuilder playwright = new ProcessBuilder(command)
                    .directory(web.toFile()).redirectErrorStream(true).redirectOutput(report.toFile());
            playwright.environment().put("HNSW_BASE_URL", "http://localhost:" + GATEWAY_PORT);
            playwright.environment().put("HNSW_KEYCLOAK_URL", keycloak.baseUrl());
            Process run = playwright.start();
            boolean finished = run.waitFor(20, TimeUnit.MINUTES);
            System.out.println(Files.readString(report));
            assertThat(finished).as("browser tests finish within 20 minutes").isTrue();
            assertThat(run.exitValue()).as("npm run e2e (see the Playwright report in web/playwright-report and the "
                    + "services' logs in " + var.resolve("logs") + ")").isZero();
        } finally {
            stack.stopAll();
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
}
