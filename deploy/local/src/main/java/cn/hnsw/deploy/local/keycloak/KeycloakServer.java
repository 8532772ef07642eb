package cn.hnsw.deploy.local.keycloak;

import cn.hnsw.testsupport.embedded.FreePorts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real Keycloak server (the {@code org.keycloak:keycloak-quarkus-dist} zip that Maven unpacks into
 * {@code deploy/local/target/keycloak}) run as a child process with the platform's realm imported. The local stack and
 * the tests start it the same way; nothing is downloaded at run time.
 *
 * <pre>{@code
 * try (KeycloakServer keycloak = KeycloakServer.builder()
 *         .distribution(KeycloakServer.locateDistribution(root))
 *         .instance("local")
 *         .realmFile(KeycloakServer.realmFile(root))
 *         .storage(KeycloakStorage.postgres(postgres.createDatabase("keycloak"), "postgres", "postgres"))
 *         .logFile(root.resolve("var/logs/keycloak.log"))
 *         .start()) {
 *     keycloak.issuer();            // http://localhost:8180/realms/hnsw
 * }
 * }</pre>
 *
 * <p>What it does on {@link Builder#start()}:
 * <ul>
 *   <li>picks a JDK 21+ ({@link JavaRuntime#select}); Keycloak 26.4 runs on the project's JDK 25;</li>
 *   <li>refuses a taken port, naming it;</li>
 *   <li>runs {@code kc.sh build} once per set of build-time options (database vendor, health on) in a
 *       {@link KeycloakHome}, so every later start is {@code kc.sh start --optimized};</li>
 *   <li>on JDK 25+, records an AOT cache (JEP 514) during the first run of a home and uses it afterwards, which cuts
 *       the start on a 2-core machine from about 16 s to about 7 s;</li>
 *   <li>starts with the hostname fixed to {@code http://localhost:<port>}, so the issuer of every token is
 *       {@code http://localhost:<port>/realms/hnsw} whether a client came in through {@code localhost} or
 *       {@code 127.0.0.1} (services compare the issuer exactly);</li>
 *   <li>imports the realm file on the first start of a database ({@code --import-realm} skips realms that exist, so a
 *       kept database keeps its users, sessions and admin-console changes);</li>
 *   <li>creates the bootstrap administrator {@code admin}/{@code admin} of the master realm (local use only);</li>
 *   <li>waits until the realm's {@code .well-known/openid-configuration} answers, or fails with the log's tail.</li>
 * </ul>
 * {@link #close()} stops the process tree (the {@code kc.sh} shell and its JVM).
 */
public final class KeycloakServer implements AutoCloseable {

    public static final int DEFAULT_PORT = 8180;
    /**
     * Keycloak 26 serves health on a separate management interface, by default on 9000, a port many other tools
     * want too; 9180 sits next to the HTTP port.
     */
    public static final int DEFAULT_MANAGEMENT_PORT = 9180;
    public static final String REALM = "hnsw";
    public static final String WEB_CLIENT_ID = "hnsw-web";
    public static final String API_AUDIENCE = "hnsw-api";
    /** Bootstrap administrator of the master realm; for the local stack and tests only. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";
    /** System property naming the unpacked distribution (set by the Maven build for tests). */
    public static final String DISTRIBUTION_PROPERTY = "hnsw.keycloak.distribution";
    /** System property naming the realm file (set by the Maven build for tests). */
    public static final String REALM_FILE_PROPERTY = "hnsw.keycloak.realm-file";
    /** Set to {@code false} to run without the JDK's AOT cache (e.g. to measure its effect). */
    public static final String AOT_PROPERTY = "hnsw.keycloak.aot";

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    /** Writing the AOT cache at the end of a training run takes a child JVM 15–60 s on two (busy) cores. */
    private static final Duration STOP_GRACE_WHILE_RECORDING_AOT = Duration.ofSeconds(120);
    private static final Pattern VERSION_IN_NAME = Pattern.compile("keycloak-(\\d+)\\.(\\d+)\\.(\\d+).*");

    private final int port;
    private final int managementPort;
    private final Path logFile;
    private final KeycloakHome home;
    private final Process process;
    private final JavaRuntime jdk;
    private final String aotKey;
    private final boolean recordingAot;
    private final Duration startupTime;
    private volatile boolean closed;

    private KeycloakServer(int port, int managementPort, Path logFile, KeycloakHome home, Process process,
                           JavaRuntime jdk, String aotKey, boolean recordingAot, Duration startupTime) {
        this.port = port;
        this.managementPort = managementPort;
        this.logFile = logFile;
        this.home = home;
        this.process = process;
        this.jdk = jdk;
        this.aotKey = aotKey;
        this.recordingAot = recordingAot;
        this.startupTime = startupTime;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The distribution unpacked by the deploy-local build: {@value #DISTRIBUTION_PROPERTY} if set, else the newest
     * {@code deploy/local/target/keycloak/keycloak-*} under {@code projectRoot}.
     */
    public static Path locateDistribution(Path projectRoot) {
        String configured = System.getProperty(DISTRIBUTION_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path unpacked = projectRoot.resolve("deploy").resolve("local").resolve("target").resolve("keycloak");
        if (Files.isDirectory(unpacked)) {
            try (Stream<Path> children = Files.list(unpacked)) {
                Optional<Path> newest = children
                        .filter(p -> VERSION_IN_NAME.matcher(p.getFileName().toString()).matches())
                        .filter(p -> Files.isRegularFile(p.resolve("bin").resolve("kc.sh")))
                        .max(Comparator.comparingLong(KeycloakServer::versionKey));
                if (newest.isPresent()) {
                    return newest.get().toAbsolutePath().normalize();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("找不到 Keycloak 发行包 / no unpacked Keycloak under " + unpacked
                + ". Run `mvn -pl deploy/local package` (or `./hnsw run`) first: it unpacks"
                + " org.keycloak:keycloak-quarkus-dist from the Maven repository.");
    }

    /** The platform realm: {@value #REALM_FILE_PROPERTY} if set, else {@code deploy/keycloak/hnsw-realm.json}. */
    public static Path realmFile(Path projectRoot) {
        String configured = System.getProperty(REALM_FILE_PROPERTY);
        Path file = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : projectRoot.resolve("deploy").resolve("keycloak").resolve("hnsw-realm.json");
        return file.toAbsolutePath().normalize();
    }

    /** {@code http://localhost:<port>}: the public base URL, also the one in every issuer. */
    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The issuer of the platform realm, e.g. {@code http://localhost:8180/realms/hnsw}. */
    public String issuer() {
        return issuer(REALM);
    }

    public String issuer(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    /** Admin console of the master realm (sign in as {@value #ADMIN_USERNAME}/{@value #ADMIN_PASSWORD}). */
    public String adminConsoleUrl() {
        return baseUrl() + "/admin/master/console/#/" + REALM;
    }

    /** The users' own account console of the platform realm. */
    public String accountConsoleUrl() {
        return issuer() + "/account";
    }

    /** Readiness on the management interface ({@code /health/ready}); liveness is {@code /health/live}. */
    public String healthUrl() {
        return "http://localhost:" + managementPort + "/health/ready";
    }

    public int port() {
        return port;
    }

    public int managementPort() {
        return managementPort;
    }

    public Path logFile() {
        return logFile;
    }

    /** The Keycloak home this server runs from (a build per set of build options, see {@link KeycloakHome}). */
    public Path homeDirectory() {
        return home.dir();
    }

    public JavaRuntime javaRuntime() {
        return jdk;
    }

    /** Time from launching {@code kc.sh start} until the realm answered, excluding a one-time build. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Time the one-time {@code kc.sh build} took during this start; zero when the home was already built. */
    public Duration buildTime() {
        return home.buildTime();
    }

    /** True when this run records the AOT cache that later starts use (the first run of a home on JDK 25+). */
    public boolean recordingAotCache() {
        return recordingAot;
    }

    public boolean isRunning() {
        return !closed && process.isAlive();
    }

    /**
     * Stops Keycloak and its JVM (SIGTERM, then a kill after a grace period). When this run recorded the AOT cache,
     * waits for the JVM to write it, then moves it into place so that the next start uses it.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ProcessTree.stop(process, recordingAot ? STOP_GRACE_WHILE_RECORDING_AOT : STOP_GRACE);
            if (recordingAot) {
                try {
                    home.settleAotRecording(aotKey);
                } catch (IOException e) {
                    // without a cache the next start is slower, not wrong; it records a new one
                    appendToLog("AOT cache not kept: " + e);
                }
            }
        } finally {
            home.close();
        }
    }

    private void appendToLog(String line) {
        try {
            Files.writeString(logFile, "[hnsw] " + line + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // the log is a convenience; a failure to write it must not hide the original problem
        }
    }

    /** keycloak-26.4.7 → 26_004_007, so that a newer unpacked version wins over one left from before an upgrade. */
    private static long versionKey(Path dir) {
        Matcher m = VERSION_IN_NAME.matcher(dir.getFileName().toString());
        if (!m.matches()) {
            return 0;
        }
        return Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1_000 + Long.parseLong(m.group(3));
    }

    /** Settings of a server; {@link #start()} launches it. */
    public static final class Builder {
        private Path distribution;
        private Path homesDirectory;
        private String instance = "default";
        private final List<Path> realmFiles = new ArrayList<>();
        private int port = DEFAULT_PORT;
        private int managementPort = DEFAULT_MANAGEMENT_PORT;
        private String bindAddress = "127.0.0.1";
        private KeycloakStorage storage;
        private Path logFile;
        private Path javaHome;
        // Six minutes, as the local stack waits for services: the first realm import on two loaded cores has taken
        // close to three.
        private Duration startTimeout = Duration.ofMinutes(6);
        private String adminUsername = ADMIN_USERNAME;
        private String adminPassword = ADMIN_PASSWORD;
        private boolean aotCache = !"false".equalsIgnoreCase(System.getProperty(AOT_PROPERTY, "true"));
        private final List<String> extraOptions = new ArrayList<>();
        private Consumer<String> progress = line -> { };

        private Builder() {
        }

        /** The unpacked {@code keycloak-<version>} folder; see {@link KeycloakServer#locateDistribution(Path)}. */
        public Builder distribution(Path distribution) {
            this.distribution = distribution.toAbsolutePath().normalize();
            return this;
        }

        /** Where built homes are kept; default {@code <distribution>/../homes}. */
        public Builder homesDirectory(Path homesDirectory) {
            this.homesDirectory = homesDirectory.toAbsolutePath().normalize();
            return this;
        }

        /**
         * A name for this server's home, default {@code default}. Servers with the same storage vendor share a built
         * home unless their instance names differ; the local stack and the tests use different names so both can run
         * at once from one checkout.
         */
        public Builder instance(String instance) {
            if (!instance.matches("[a-z0-9][a-z0-9-]{0,30}")) {
                throw new IllegalArgumentException("instance name must be lower-case letters, digits and '-': " + instance);
            }
            this.instance = instance;
            return this;
        }

        /** A realm export to import on the first start of the database; may be called more than once. */
        public Builder realmFile(Path realmFile) {
            this.realmFiles.add(realmFile.toAbsolutePath().normalize());
            return this;
        }

        /** HTTP port, default {@value KeycloakServer#DEFAULT_PORT}. The issuer carries it. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Management (health) port, default {@value KeycloakServer#DEFAULT_MANAGEMENT_PORT}. */
        public Builder managementPort(int managementPort) {
            this.managementPort = managementPort;
            return this;
        }

        /**
         * The address Keycloak listens on, default {@code 127.0.0.1}: the local stack's admin account is admin/admin,
         * which must not be reachable from the network. {@code 0.0.0.0} opens it (e.g. for a phone on the LAN).
         */
        public Builder bindAddress(String bindAddress) {
            this.bindAddress = bindAddress;
            return this;
        }

        public Builder storage(KeycloakStorage storage) {
            this.storage = storage;
            return this;
        }

        /** Keycloak's console output (and the one-time build's) is appended here; default {@code <home>/keycloak.log}. */
        public Builder logFile(Path logFile) {
            this.logFile = logFile.toAbsolutePath().normalize();
            return this;
        }

        /** Runs Keycloak on this JDK instead of choosing one ({@link JavaRuntime#select}). */
        public Builder javaHome(Path javaHome) {
            this.javaHome = javaHome;
            return this;
        }

        public Builder startTimeout(Duration startTimeout) {
            this.startTimeout = startTimeout;
            return this;
        }

        public Builder admin(String username, String password) {
            this.adminUsername = username;
            this.adminPassword = password;
            return this;
        }

        /** Whether to record and use the JDK's AOT cache (JDK 25+); default on. */
        public Builder aotCache(boolean aotCache) {
            this.aotCache = aotCache;
            return this;
        }

        /** Further {@code kc.sh start} options (runtime options only: the build is optimized). */
        public Builder option(String option) {
            this.extraOptions.add(option);
            return this;
        }

        /** Receives human-readable progress lines (e.g. before the slow first build). */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        /**
         * Starts Keycloak and waits until the realm answers.
         *
         * @throws IllegalStateException when a port is taken, no JDK 21+ is found, the build fails, the process exits
         *                               or the realm does not answer within the start timeout (the message names the
         *                               log file and quotes its tail)
         */
        public KeycloakServer start() {
            Objects.requireNonNull(distribution, "distribution (see KeycloakServer.locateDistribution)");
            Objects.requireNonNull(storage, "storage (KeycloakStorage.postgres or devFile)");
            if (realmFiles.isEmpty()) {
                throw new IllegalStateException("no realm file: call realmFile(KeycloakServer.realmFile(root))");
            }
            for (Path realm : realmFiles) {
                if (!Files.isRegularFile(realm)) {
                    throw new IllegalStateException("realm file not found: " + realm);
                }
            }
            if (port == managementPort) {
                throw new IllegalStateException("HTTP and management port must differ: " + port);
            }
            requireFree(port, "HTTP");
            requireFree(managementPort, "management (health)");

            JavaRuntime jdk = JavaRuntime.select(javaHome);
            Path homes = homesDirectory != null ? homesDirectory : distribution.getParent().resolve("homes");
            List<String> buildOptions = List.of(
                    "--db=" + storage.vendor(),
                    "--health-enabled=true",
                    "--metrics-enabled=false");
            Map<String, String> environment = baseEnvironment(jdk);
            // without a log file of its own, the one-time build logs next to the homes (the home is not known yet)
            KeycloakHome home = KeycloakHome.prepare(distribution, homes, instance, storage.vendor(), buildOptions, environment,
                    logFile != null ? logFile : homes.resolve("keycloak-build.log"), progress,
                    KeycloakProviders.besideRealm(realmFiles.get(0)));
            Path log = logFile != null ? logFile : home.dir().resolve("keycloak.log");
            Process process = null;
            try {
                awaitLeftovers(home);
                home.stageImports(realmFiles);
                if (storage instanceof KeycloakStorage.DevFile devFile) {
                    Files.createDirectories(devFile.directory());
                }

                List<String> jvmOptions = new ArrayList<>();
                if (jdk.feature() >= 24) {
                    // jboss-threads resets thread locals through java.lang internals; from Java 24 on that needs an
                    // explicit opening, without which Keycloak 26.4 throws IllegalAccessError from its worker threads
                    jvmOptions.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
                }
                String aotKey = jdk.id() + "-" + KeycloakHome.shortHash(String.join(" ", jvmOptions));
                boolean recordingAot = false;
                String aotNote = "";
                if (aotCache && jdk.supportsAotCache()) {
                    Files.createDirectories(home.aotCache(aotKey).getParent());
                    // kc.sh splits JAVA_OPTS_APPEND with xargs, which keeps a double-quoted path with spaces whole
                    if (home.settleAotRecording(aotKey)) {
                        jvmOptions.add("-XX:AOTCache=\"" + home.aotCache(aotKey) + "\"");
                        aotNote = ", using AOT cache";
                    } else {
                        // first run of this home with this JDK and these options: record under a temporary name; only
                        // a complete recording is moved into place (on close, or on the next start if this launcher
                        // dies first)
                        recordingAot = true;
                        jvmOptions.add("-XX:AOTCacheOutput=\"" + home.aotRecording(aotKey) + "\"");
                        aotNote = ", recording AOT cache";
                    }
                }
                if (!jvmOptions.isEmpty()) {
                    // kc.sh appends these to its own JVM options (heap, GC, its add-opens)
                    environment.put("JAVA_OPTS_APPEND", String.join(" ", jvmOptions));
                }
                environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
                environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
                environment.putAll(storage.environment());

                List<String> command = new ArrayList<>(List.of(
                        home.kcScript().toString(), "start", "--optimized",
                        "--http-enabled=true",
                        "--http-host=" + bindAddress,
                        "--http-port=" + port,
                        "--hostname=http://localhost:" + port,
                        "--http-management-port=" + managementPort,
                        "--import-realm",
                        // one node: a local Infinispan cache, no JGroups cluster discovery on the network
                        "--cache=local",
                        "--log-console-color=false"));
                command.addAll(extraOptions);

                Files.createDirectories(log.getParent());
                Files.writeString(log, "\n=== " + Instant.now() + " kc.sh start on port " + port + " (management "
                                + managementPort + "), JDK " + jdk.version() + " at " + jdk.home() + aotNote + " ===\n",
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
                ProcessBuilder pb = new ProcessBuilder(command)
                        .directory(home.dir().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                pb.environment().clear();
                pb.environment().putAll(environment);

                long t0 = System.nanoTime();
                process = pb.start();
                awaitRealm(process, log);
                Duration startup = Duration.ofNanos(System.nanoTime() - t0);
                syncRealms();
                return new KeycloakServer(port, managementPort, log, home, process, jdk, aotKey, recordingAot, startup);
            } catch (IOException e) {
                abort(process, home);
                throw new UncheckedIOException("Keycloak could not be started; see " + log, e);
            } catch (RuntimeException e) {
                abort(process, home);
                throw e;
            }
        }

        /**
         * A Keycloak JVM that still runs from this home was left by a launcher that died (kill -9, a test JVM halted
         * by Surefire). One that is writing its AOT cache is about to end, so it gets time to finish; any other holds
         * the home's data folder and is reported with its pid rather than killed behind the user's back.
         */
        private void awaitLeftovers(KeycloakHome home) {
            List<ProcessHandle> leftovers = home.leftoverProcesses();
            if (leftovers.isEmpty()) {
                return;
            }
            boolean writingAotCache = home.recordingInProgress();
            if (writingAotCache) {
                progress.accept("等待上次的 Keycloak 写完启动缓存 / waiting for the previous Keycloak to finish writing its AOT cache");
                long deadline = System.nanoTime() + STOP_GRACE_WHILE_RECORDING_AOT.toNanos();
                while (System.nanoTime() < deadline && leftovers.stream().anyMatch(ProcessHandle::isAlive)) {
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for a previous Keycloak", e);
                    }
                }
            }
            List<Long> alive = leftovers.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
            if (!alive.isEmpty()) {
                String pids = alive.stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElse("");
                throw new IllegalStateException("上次运行遗留的 Keycloak 仍在运行 / a Keycloak left over from an earlier run"
                        + " still runs from " + home.dir() + " (pid " + pids + "); stop it with `kill " + pids
                        + "` and start again");
            }
        }

        /**
         * A realm imported on an earlier start gets what its file gained since (see {@link RealmSync}); a failure is
         * reported and the start goes on, as the realm that exists still works.
         */
        private void syncRealms() {
            for (Path realm : realmFiles) {
                try {
                    RealmSync.Result r = RealmSync.addMissing(URI.create("http://" + localHost() + ":" + port), adminUsername,
                            adminPassword, realm);
                    if (r.added() > 0) {
                        progress.accept("Keycloak 领域 " + r.realm() + " 补充了领域文件新增的 " + r.added() + " 项 / realm "
                                + r.realm() + ": added " + r.added() + " resources that its file gained since the first import");
                    }
                } catch (IOException e) {
                    progress.accept("Keycloak 领域同步失败 / realm sync failed (" + realm.getFileName() + "): " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while syncing the realm", e);
                }
            }
        }

        /** An address, not "localhost": the server listens on one address and a resolver may offer ::1 first. */
        private String localHost() {
            boolean wildcard = bindAddress.equals("0.0.0.0") || bindAddress.equals("::") || bindAddress.equals("[::]");
            return wildcard ? "127.0.0.1" : bindAddress.contains(":") && !bindAddress.startsWith("[")
                    ? "[" + bindAddress + "]" : bindAddress;
        }

        private void awaitRealm(Process process, Path log) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            String host = localHost();
            URI wellKnown = URI.create("http://" + host + ":" + port + "/realms/" + REALM + "/.well-known/openid-configuration");
            long deadline = System.nanoTime() + startTimeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak 启动失败 / Keycloak exited with code " + process.exitValue()
                            + " while starting; see " + log + KeycloakHome.tail(log));
                }
                try {
                    HttpResponse<Void> r = http.send(HttpRequest.newBuilder(wellKnown).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Keycloak", e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Keycloak", e);
                }
            }
            throw new IllegalStateException("Keycloak 未在 " + startTimeout.toSeconds() + " 秒内就绪 / realm " + REALM
                    + " did not answer at " + wellKnown + " within " + startTimeout.toSeconds() + " s; see " + log + KeycloakHome.tail(log));
        }

        private static void abort(Process process, KeycloakHome home) {
            try {
                if (process != null) {
                    ProcessTree.stop(process, Duration.ofSeconds(10));
                }
            } finally {
                home.close();
            }
        }

        /**
         * The environment of {@code kc.sh}: the chosen JDK, and nothing inherited that would change Keycloak's
         * configuration behind our back ({@code KC_*}, {@code QUARKUS_*}) or replace kc.sh's JVM options
         * ({@code JAVA_OPTS}, {@code JAVA}).
         */
        private static Map<String, String> baseEnvironment(JavaRuntime jdk) {
            Map<String, String> env = new HashMap<>();
            System.getenv().forEach((name, value) -> {
                boolean keycloakSetting = name.startsWith("KC_") || name.startsWith("QUARKUS_");
                boolean jvmOverride = name.equals("JAVA") || name.startsWith("JAVA_OPTS") || name.equals("JAVA_ADD_OPENS")
                        || name.equals("JAVA_HOME") || name.equals("JAVA_TOOL_OPTIONS") || name.equals("JDK_JAVA_OPTIONS")
                        || name.equals("DEBUG") || name.equals("DEBUG_PORT") || name.equals("PRINT_ENV");
                if (!keycloakSetting && !jvmOverride) {
                    env.put(name, value);
                }
            });
            env.put("JAVA_HOME", jdk.home().toString());
            return env;
        }

        private static void requireFree(int port, String what) {
            if (port <= 0 || port > 65535) {
                throw new IllegalStateException("not a port: " + port);
            }
            if (!FreePorts.isFree(port)) {
                throw new IllegalStateException("端口 " + port + " 已被占用 / Keycloak's " + what + " port " + port
                        + " is already in use: stop what holds it (perhaps a Keycloak left over from an earlier run)"
                        + " or choose another port");
            }
        }
    }
}
