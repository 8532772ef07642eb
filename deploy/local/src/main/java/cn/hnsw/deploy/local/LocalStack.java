package cn.hnsw.deploy.local;

import cn.hnsw.testsupport.embedded.EmbeddedKafkaBroker;
import cn.hnsw.testsupport.embedded.EmbeddedPostgresServer;
import cn.hnsw.testsupport.embedded.EmbeddedS3Server;
import cn.hnsw.testsupport.embedded.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * 本地一键启动 — runs the platform on one machine: PostgreSQL, Kafka and S3 from Maven-shipped binaries, then every
 * built service and the gateway as child processes, waits for their health checks and prints where everything is.
 * Data stays under {@code var/} between runs; {@code reset} wipes it. Ctrl-C stops everything in reverse order.
 */
public final class LocalStack {

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final int S3_PORT = 19000;

    /** module, database, port, API path. Order is start order; the gateway comes last. */
    static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("simulators", "simulators", 8090, "/api/simulators"),
            new ServiceSpec("passenger-service", "passenger", 8081, "/api/passenger"),
            new ServiceSpec("ledger-service", "ledger", 8082, "/api/ledger"),
            new ServiceSpec("trade-window-service", "tradewindow", 8083, "/api/trade-window"),
            new ServiceSpec("port-situation-service", "portsituation", 8084, "/api/port-situation"),
            new ServiceSpec("customs-service", "customs", 8085, "/api/customs"),
            new ServiceSpec("maritime-service", "maritime", 8086, "/api/maritime"),
            new ServiceSpec("border-service", "border", 8087, "/api/border"),
            new ServiceSpec("video-analytics-service", "video", 8088, "/api/video-analytics"),
            new ServiceSpec("gateway", null, 8080, "/api"));

    record ServiceSpec(String module, String database, int port, String apiBase) {
    }

    private final Path root;
    private final Path var;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    LocalStack(Path root) {
        this.root = root;
        this.var = root.resolve("var");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("hnsw.root", ".")).toAbsolutePath().normalize();
        String command = args.length == 0 ? "run" : args[0];
        LocalStack stack = new LocalStack(root);
        switch (command) {
            case "run" -> stack.run();
            case "reset" -> stack.reset();
            default -> {
                System.err.println("用法 / usage: hnsw run | hnsw reset");
                System.exit(2);
            }
        }
    }

    void reset() throws IOException {
        if (Files.exists(var)) {
            try (Stream<Path> paths = Files.walk(var)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        System.out.println("已清除本地数据 / local data wiped: " + var);
    }

    void run() throws Exception {
        checkJava();
        checkPorts();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "hnsw-local-stop"));

        say("启动 PostgreSQL / starting PostgreSQL on " + POSTGRES_PORT);
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.startPersistent(var.resolve("postgres"), POSTGRES_PORT);
        running.push(postgres);
        for (ServiceSpec s : SERVICES) {
            if (s.database() != null) {
                postgres.createDatabase(s.database());
            }
        }
        say("启动 Kafka (KRaft) / starting Kafka on " + KAFKA_PORT);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startPersistent(var.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        running.push(kafka);
        say("启动对象存储 / starting S3 (S3Proxy) on " + S3_PORT);
        EmbeddedS3Server s3 = EmbeddedS3Server.start(var.resolve("s3"), S3_PORT, EmbeddedS3Server.DEFAULT_ACCESS_KEY,
                EmbeddedS3Server.DEFAULT_SECRET_KEY);
        running.push(s3);

        Map<String, String> started = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (ServiceSpec s : SERVICES) {
            Path jar = root.resolve(s.module()).resolve("target").resolve(s.module() + ".jar");
            if (!Files.exists(jar)) {
                missing.add(s.module());
                continue;
            }
            say("启动 / starting " + s.module() + " on " + s.port());
            running.push(startService(s, jar, postgres, kafka, s3));
            started.put(s.module(), "http://localhost:" + s.port());
        }
        for (ServiceSpec s : SERVICES) {
            if (started.containsKey(s.module())) {
                awaitHealthy(s);
            }
        }
        printTable(started, missing);
        Thread.currentThread().join();
    }

    private AutoCloseable startService(ServiceSpec s, Path jar, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
                                       EmbeddedS3Server s3) throws IOException {
        Path logs = Files.createDirectories(var.resolve("logs"));
        ProcessBuilder pb = new ProcessBuilder(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(s.module() + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("PORT", Integer.toString(s.port()));
        if (s.database() != null) {
            env.put("HNSW_DB_URL", "jdbc:postgresql://localhost:" + postgres.port() + "/" + s.database());
            env.put("HNSW_DB_USER", EmbeddedPostgresServer.SUPERUSER);
            env.put("HNSW_DB_PASSWORD", "postgres");
        }
        env.put("HNSW_KAFKA", kafka.bootstrapServers());
        env.put("HNSW_S3_ENDPOINT", s3.endpoint());
        Process process = pb.start();
        return () -> {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        };
    }

    private static void awaitHealthy(ServiceSpec s) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + s.port() + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    say("就绪 / healthy: " + s.module());
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(s.module() + " did not become healthy in 3 minutes; see var/logs/" + s.module() + ".log");
    }

    private void printTable(Map<String, String> started, List<String> missing) {
        StringBuilder out = new StringBuilder("\n海南单一窗口口岸监管平台 — Hainan Single Window, local stack\n\n");
        out.append(String.format("  %-28s %s%n", "PostgreSQL", "jdbc:postgresql://localhost:" + POSTGRES_PORT + " (user postgres)"));
        out.append(String.format("  %-28s %s%n", "Kafka", "localhost:" + KAFKA_PORT));
        out.append(String.format("  %-28s %s%n", "S3 (S3Proxy)", "http://localhost:" + S3_PORT + " (" + EmbeddedS3Server.DEFAULT_ACCESS_KEY + ")"));
        started.forEach((module, url) -> out.append(String.format("  %-28s %s  (API docs %s/swagger-ui.html)%n", module, url, url)));
        out.append("\n尚未包含 / not part of the local stack yet:\n");
        out.append("  Keycloak (realm hnsw, demo accounts), the web portal, console and big screen: the local-stack issue adds them.\n");
        out.append("  Until then API calls need a token from a Keycloak at $HNSW_ISSUER.\n");
        if (!missing.isEmpty()) {
            out.append("  Not built, so not started: ").append(String.join(", ", missing)).append(" (run mvn package first)\n");
        }
        out.append("\n数据目录 / data: ").append(var).append("   按 Ctrl-C 停止 / Ctrl-C stops everything\n");
        System.out.println(out);
    }

    private void stopAll() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("stop failed: " + e.getMessage());
            }
        }
    }

    private static void checkJava() {
        if (Runtime.version().feature() < 21) {
            fail("需要 JDK 21 或更高版本 / JDK 21 or newer is required; this is " + Runtime.version());
        }
    }

    private static void checkPorts() {
        List<Integer> ports = new ArrayList<>(List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, S3_PORT));
        SERVICES.forEach(s -> ports.add(s.port()));
        for (int port : ports) {
            if (!FreePorts.isFree(port)) {
                fail("端口 " + port + " 已被占用 / port " + port + " is already in use: stop what holds it and run again");
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void say(String line) {
        System.out.println("[hnsw] " + line);
    }

    private static void fail(String message) {
        System.err.println("[hnsw] " + message);
        System.exit(1);
    }
}
