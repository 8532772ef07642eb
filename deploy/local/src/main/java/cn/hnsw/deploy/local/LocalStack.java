package cn.hnsw.deploy.local;

import cn.hnsw.common.crypto.KeyStoreTool;
import cn.hnsw.deploy.local.keycloak.KeycloakServer;
import cn.hnsw.deploy.local.keycloak.KeycloakStorage;
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
import java.util.Set;
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
    static final int KEYCLOAK_PORT = 8180;
    static final int KEYCLOAK_MANAGEMENT_PORT = 9180;
    static final String PLATFORM_KEY_ID = "hnsw-platform";
    /** The partners the simulators play; each signs with its own SM2 key (see simulators/README.md). */
    static final List<String> PARTNER_KEY_IDS = List.of("customs-h2018", "customs-golden-customs-2",
            "customs-smart-supervision", "single-window-standard", "bank-boc-hainan", "bank-icbc-hainan", "wallet-alipay",
            "wallet-tenpay", "gate-control", "ticketing-port-operator", "ais-feeder", "camera-platform", "haiyiban",
            "border-digital");
    /**
     * The key ids of every partner in the simulators' registry ({@code simulators/src/main/resources/simulators.yml}),
     * so that a partner added there gets its key without a change here; the list above when the file is not there.
     */
    static List<String> partnerKeyIds(Path root) {
        Path registry = root.resolve("simulators/src/main/resources/simulators.yml");
        if (!Files.exists(registry)) {
            return PARTNER_KEY_IDS;
        }
        try {
            java.util.regex.Pattern keyId = java.util.regex.Pattern.compile("^\\s+key-id:\\s*([A-Za-z0-9._-]+)\\s*$");
            List<String> ids = Files.readAllLines(registry).stream().map(keyId::matcher)
                    .filter(java.util.regex.Matcher::matches).map(m -> m.group(1)).distinct().toList();
            return ids.isEmpty() ? PARTNER_KEY_IDS : ids;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Local-only secret of the generated key stores; set HNSW_KEYSTORE_PASSWORD to use another. */
    static final String DEFAULT_KEYSTORE_PASSWORD = "hnsw-local-keys";
    static final String DEMO_PASSWORD = "Hnsw@2026";

    /** Demo accounts of deploy/keycloak/hnsw-realm.json: user, role, who. */
    static final List<String[]> DEMO_USERS = List.of(
            new String[] {"traveler", "traveler", "旅客 李明"},
            new String[] {"declarant", "enterprise-declarant", "海南椰风国际贸易有限公司 申报员 王芳"},
            new String[] {"ent-admin", "enterprise-admin", "海南椰风国际贸易有限公司 管理员 陈建国"},
            new String[] {"declarant2", "enterprise-declarant", "海南洋浦海丝供应链有限公司 申报员 林晓燕"},
            new String[] {"customs-officer", "customs-officer", "海口港海关 张伟"},
            new String[] {"customs-reviewer", "customs-reviewer", "海口港海关 刘洋"},
            new String[] {"customs-finance", "customs-finance", "海口海关 黄丽"},
            new String[] {"maritime-officer", "maritime-officer", "海南海事局 吴海涛"},
            new String[] {"border-officer", "border-officer", "海南出入境边防检查总站 赵磊"},
            new String[] {"county-unit", "gov-county-unit", "龙华区商务局 周敏"},
            new String[] {"county-gov", "gov-county", "龙华区政府 郑国强"},
            new String[] {"prov-dept", "gov-provincial-dept", "省商务厅 孙静"},
            new String[] {"province", "gov-province", "省政府 符海燕"},
            new String[] {"sw-operator", "sw-operator", "单一窗口运维 邢志远"},
            new String[] {"platform-admin", "platform-admin", "平台管理员 云峰"});

    /** module, database, port, API path. Order is start order; the gateway comes last. */
    public static final List<ServiceSpec> SERVICES = List.of(
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

    public record ServiceSpec(String module, String database, int port, String apiBase) {
        /** The runnable jar: the simulators keep their plain jar as the main artifact (used by services' tests). */
        String jarName() {
            return module.equals("simulators") ? "simulators-exec.jar" : module + ".jar";
        }
    }

    private final Path root;
    private final Path var;
    private final Path webDist;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    LocalStack(Path root) {
        this(root, root.resolve("var"), root.resolve("web").resolve("dist"));
    }

    /**
     * @param var     data, keys and logs
     * @param webDist the built web app the gateway serves
     */
    public LocalStack(Path root, Path var, Path webDist) {
        this.root = root;
        this.var = var;
        this.webDist = webDist;
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
        say("启动 Kafka (KRaft) / starting Kafka on " + KAFKA_PORT);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.startPersistent(var.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        running.push(kafka);
        say("启动对象存储 / starting S3 (S3Proxy) on " + S3_PORT);
        EmbeddedS3Server s3 = EmbeddedS3Server.start(var.resolve("s3"), S3_PORT, EmbeddedS3Server.DEFAULT_ACCESS_KEY,
                EmbeddedS3Server.DEFAULT_SECRET_KEY);
        running.push(s3);

        String keystorePassword = System.getenv().getOrDefault("HNSW_KEYSTORE_PASSWORD", DEFAULT_KEYSTORE_PASSWORD);
        Path keys = ensureKeys(keystorePassword);

        say("启动 Keycloak / starting Keycloak on " + KEYCLOAK_PORT);
        KeycloakServer keycloak = KeycloakServer.builder()
                .distribution(KeycloakServer.locateDistribution(root))
                .instance("local")
                .realmFile(KeycloakServer.realmFile(root))
                .storage(KeycloakStorage.postgres(postgres.createDatabase("keycloak"), EmbeddedPostgresServer.SUPERUSER,
                        "postgres"))
                .port(KEYCLOAK_PORT)
                .managementPort(KEYCLOAK_MANAGEMENT_PORT)
                .logFile(var.resolve("logs").resolve("keycloak.log"))
                .progress(LocalStack::say)
                .start();
        running.push(keycloak);
        Connections connections = new Connections(postgres, kafka, s3, keycloak.issuer(), keys, keystorePassword);
        Map<String, String> started = new LinkedHashMap<>();
        List<String> missing = startServices(connections, started);
        printTable(started, missing, keycloak);
        Thread.currentThread().join();
    }

    /**
     * Starts every built service and the gateway as child processes on their usual ports against {@code c}, and waits
     * until all are healthy: what {@code run} does after the infrastructure, and what the browser tests use with the
     * test JVM's infrastructure and Keycloak. Creates the services' databases. Returns the modules not built.
     */
    public List<String> startServices(Connections c, Map<String, String> started) throws Exception {
        for (ServiceSpec s : SERVICES) {
            if (s.database() != null) {
                c.postgres().createDatabase(s.database());
            }
        }
        Connections connections = c;
        List<String> missing = new ArrayList<>();
        Set<String> only = moduleList(System.getenv("HNSW_ONLY"));
        for (ServiceSpec s : SERVICES) {
            if (!only.isEmpty() && !only.contains(s.module())) {
                say("跳过 / skipping " + s.module() + " (HNSW_ONLY)");
                continue;
            }
            Path jar = root.resolve(s.module()).resolve("target").resolve(s.jarName());
            if (!Files.exists(jar)) {
                missing.add(s.module());
                continue;
            }
            say("启动 / starting " + s.module() + " on " + s.port());
            running.push(startService(s, jar, connections));
            started.put(s.module(), "http://localhost:" + s.port());
        }
        for (ServiceSpec s : SERVICES) {
            if (started.containsKey(s.module())) {
                awaitHealthy(s);
            }
        }
        return missing;
    }

    /** Whether {@code module} runs with the full (C1 + C2) JIT: the gateway always, others when {@code fullJitEnv} names them. */
    static boolean fullJit(String module, String fullJitEnv) {
        return module.equals("gateway") || moduleList(fullJitEnv).contains(module);
    }

    /** A comma- or space-separated list of module names ({@code HNSW_ONLY}, {@code HNSW_FULL_JIT}); empty if unset. */
    static Set<String> moduleList(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Stream.of(value.trim().split("[,\\s]+")).filter(m -> !m.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The platform's and partners' key stores under {@code var/keys} (made on first use). */
    public Path keys(String password) {
        return ensureKeys(password);
    }

    /** What every child process is pointed at. */
    public record Connections(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, EmbeddedS3Server s3, String issuer,
                       Path keys, String keystorePassword) {
    }

    private AutoCloseable startService(ServiceSpec s, Path jar, Connections c) throws IOException {
        Path logs = Files.createDirectories(var.resolve("logs"));
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx320m", "-Xss512k", "-XX:+UseSerialGC"));
        if (!fullJit(s.module(), System.getenv("HNSW_FULL_JIT"))) {
            // C1 only: the services start markedly faster on two cores. The gateway keeps the full JIT, as every call
            // passes through it (measured: p99 added by the gateway 2.8 ms with C2, 6.0 ms with C1 only); so does
            // any module named in HNSW_FULL_JIT, which throughput measurements set for the services on their path
            // (C1-compiled SM2 arithmetic is several times slower than C2's).
            command.add("-XX:TieredStopAtLevel=1");
        }
        if (s.module().equals("video-analytics-service")) {
            // Lucene's vector search uses the JDK's SIMD API only when the incubator module is added.
            command.add("--add-modules=jdk.incubator.vector");
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(s.module() + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("PORT", Integer.toString(s.port()));
        if (s.module().equals("video-analytics-service")) {
            // The face-vector index (Lucene) lives with the rest of the stack's data, not in the working directory.
            env.put("HNSW_VIDEO_INDEX_DIR", var.resolve("video-index").toString());
        }
        env.put("HNSW_ISSUER", c.issuer());
        env.put("HNSW_KAFKA", c.kafka().bootstrapServers());
        if (s.database() != null) {
            env.put("HNSW_DB_URL", "jdbc:postgresql://localhost:" + c.postgres().port() + "/" + s.database());
            env.put("HNSW_DB_USER", EmbeddedPostgresServer.SUPERUSER);
            env.put("HNSW_DB_PASSWORD", "postgres");
            command.add("--hnsw.s3.endpoint=" + c.s3().endpoint());
            command.add("--hnsw.s3.access-key=" + c.s3().accessKey());
            command.add("--hnsw.s3.secret-key=" + c.s3().secretKey());
            env.put("HNSW_KEYSTORE_PASSWORD", c.keystorePassword());
        }
        if (s.module().equals("simulators")) {
            // The port simulators replay AIS traffic and gate passes, so the big screen shows ships moving at once.
            env.put("HNSW_SIMULATORS_PORT_AIS", "true");
            env.put("HNSW_SIMULATORS_PORT_GATES", "true");
            env.put("HNSW_SIMULATORS_KEYS_DIR", c.keys().toString());
            env.put("HNSW_PLATFORM_KEY_ID", PLATFORM_KEY_ID);
        } else if (s.database() != null) {
            // The platform side: its private key in the (software) cipher device, partners' certificates to trust.
            command.add("--hnsw.crypto.key-store=" + c.keys().resolve("platform.p12"));
            command.add("--hnsw.crypto.key-store-password=${HNSW_KEYSTORE_PASSWORD}");
            command.add("--hnsw.crypto.trust-store=" + c.keys().resolve("trust.p12"));
            command.add("--hnsw.crypto.trust-store-password=${HNSW_KEYSTORE_PASSWORD}");
            command.add("--hnsw.crypto.platform-key-id=" + PLATFORM_KEY_ID);
        }
        if (s.module().equals("gateway")) {
            if (Files.exists(webDist.resolve("index.html"))) {
                env.put("HNSW_WEB_DIST", webDist.toString());
            }
        } else {
            // The service's own client in the realm, for calls to partners (PartnerClient's client-credentials grant).
            String clientId = "hnsw-svc-" + s.module().replaceAll("-service$", "");
            env.put("HNSW_CLIENT_ID", clientId);
            command.add("--hnsw.partners.client-id=${HNSW_CLIENT_ID}");
            command.add("--hnsw.partners.client-secret=" + clientId + "-local-secret");
        }
        pb.command(command);
        return new Child(pb.start());
    }

    /** A service process: asked to stop (SIGTERM, so Spring shuts down gracefully), then forced after 20 s. */
    record Child(Process process) implements AutoCloseable {
        void signal() {
            process.destroy();
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** The platform's and partners' SM2 key stores, made once with KeyStoreTool and kept under var/keys. */
    private Path ensureKeys(String password) {
        Path keys = var.resolve("keys");
        if (!Files.exists(keys.resolve("platform.p12"))) {
            say("生成密钥 / generating the platform's and partners' SM2 key stores in " + keys);
            KeyStoreTool.generateStores(keys, PLATFORM_KEY_ID, partnerKeyIds(root), password.toCharArray(),
                    java.time.Duration.ofDays(730), "Hainan Single Window (local)");
        } else {
            // Partners registered since var/keys was made get their keys, and the platform trusts them.
            KeyStoreTool.addMissingPartners(keys, partnerKeyIds(root), password.toCharArray(),
                    java.time.Duration.ofDays(730)).forEach(line -> say("密钥 / key " + line));
        }
        return keys;
    }

    private static void awaitHealthy(ServiceSpec s) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
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
        throw new IllegalStateException(s.module() + " did not become healthy in 6 minutes; see var/logs/" + s.module() + ".log");
    }

    private void printTable(Map<String, String> started, List<String> missing, KeycloakServer keycloak) {
        long seconds = (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1000;
        StringBuilder out = new StringBuilder("\n海南单一窗口口岸监管平台 — Hainan Single Window, local stack: all healthy in "
                + seconds + " s\n\n");
        String gateway = "http://localhost:8080";
        boolean web = started.containsKey("gateway") && Files.exists(root.resolve("web/dist/index.html"));
        row(out, "门户 / portal", web ? gateway + "/" : "(web app not built: cd web && npm ci && npm run build)");
        row(out, "监管控制台 / console", web ? gateway + "/officer  (运维 / operators: " + gateway + "/operator)" : "-");
        row(out, "态势大屏 / big screen", web ? gateway + "/big-screen" : "-");
        row(out, "运行状态 / status", gateway + "/status  (API " + gateway + "/api/status)");
        row(out, "接口文档 / API docs", gateway + "/swagger-ui.html");
        row(out, "Keycloak 管理 / admin", keycloak.adminConsoleUrl() + "  (admin / admin, local only)");
        row(out, "Keycloak 签发者 / issuer", keycloak.issuer());
        row(out, "PostgreSQL", "jdbc:postgresql://localhost:" + POSTGRES_PORT + " (user postgres)");
        row(out, "Kafka", "localhost:" + KAFKA_PORT);
        row(out, "S3 (S3Proxy)", "http://localhost:" + S3_PORT + " (" + EmbeddedS3Server.DEFAULT_ACCESS_KEY + ")");
        started.forEach((module, url) -> row(out, module, url));
        if (!missing.isEmpty()) {
            out.append("\n  未构建，未启动 / not built, not started: ").append(String.join(", ", missing)).append("\n");
        }
        out.append("\n演示账号 / demo accounts (password ").append(DEMO_PASSWORD).append("):\n");
        for (String[] user : DEMO_USERS) {
            out.append(String.format("  %-18s %-22s %s%n", user[0], user[1], user[2]));
        }
        out.append("\n数据目录 / data: ").append(var).append("   日志 / logs: ").append(var.resolve("logs"))
                .append("\n按 Ctrl-C 停止 / Ctrl-C stops everything\n");
        System.out.println(out);
    }

    private static void row(StringBuilder out, String name, String value) {
        out.append(String.format("  %-26s %s%n", name, value));
    }

    /** Stops everything this stack started, services first. */
    public void stopAll() {
        // Signal every service at once so they shut down in parallel; then close all in reverse start order, which
        // waits for each and stops Keycloak, S3, Kafka and PostgreSQL after the services that use them.
        running.forEach(r -> {
            if (r instanceof Child child) {
                child.signal();
            }
        });
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
        List<Integer> ports = new ArrayList<>(List.of(POSTGRES_PORT, KAFKA_PORT, KAFKA_CONTROLLER_PORT, S3_PORT,
                KEYCLOAK_PORT, KEYCLOAK_MANAGEMENT_PORT));
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
