package cn.hnsw.deploy.local.keycloak;

import cn.hnsw.testsupport.embedded.EmbeddedPostgresServer;
import cn.hnsw.testsupport.embedded.FreePorts;
import cn.hnsw.testsupport.embedded.SharedInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The one Keycloak of a test JVM, started on first use with the platform realm and stopped when the JVM exits, so that
 * every test class of the module (the realm tests, browser tests) shares one start. Ports are free ones, so a running
 * local stack on 8180 does not get in the way; {@code -Dhnsw.test.keycloak.port=8180} pins the HTTP port.
 *
 * <p>Storage is a fresh H2 database per test JVM, so every run begins from the realm file. Creating the schema and
 * importing the realm is most of a Keycloak start on a fresh database (15–20 s on two busy cores), so the first run
 * for a given realm file and Keycloak build stops the server right after the import, keeps a copy of that pristine
 * database under {@code target/keycloak/test-databases/}, and starts again; later runs start from a copy of it.
 * A changed realm file gets a new copy. Under CI (a clean clone each time) it starts once and records nothing. {@code -Dhnsw.test.keycloak.storage=postgres} runs on the JVM's embedded
 * PostgreSQL instead (the local stack's storage), importing the realm every time.
 */
public final class KeycloakTestServer {

    private static KeycloakServer shared;

    private KeycloakTestServer() {
    }

    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    private static KeycloakServer start() {
        Path root = Path.of(System.getProperty("hnsw.root", "../..")).toAbsolutePath().normalize();
        Path distribution = KeycloakServer.locateDistribution(root);
        Path realmFile = KeycloakServer.realmFile(root);
        int port = Integer.getInteger("hnsw.test.keycloak.port", 0);
        KeycloakServer.Builder builder = KeycloakServer.builder()
                .distribution(distribution)
                .instance("test")
                .realmFile(realmFile)
                .port(port > 0 ? port : FreePorts.find())
                .managementPort(FreePorts.find())
                .logFile(Path.of("target", "keycloak-test.log"))
                .progress(line -> System.out.println("[keycloak] " + line));

        KeycloakServer server;
        Path database = null;
        try {
            if ("postgres".equals(System.getProperty("hnsw.test.keycloak.storage"))) {
                server = builder.storage(KeycloakStorage.postgres(SharedInfrastructure.postgres().createDatabase("keycloak"),
                        EmbeddedPostgresServer.SUPERUSER, "postgres")).start();
            } else {
                database = Files.createTempDirectory("hnsw-keycloak-test-");
                builder.storage(KeycloakStorage.devFile(database));
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    // CI starts from a clean clone every time: a pristine copy or an AOT cache would only be recorded,
                    // never reused, and each costs a second start or a slow stop.
                    server = builder.aotCache(false).start();
                } else {
                    server = startFromPristineDatabase(builder, database, distribution, realmFile);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        report(server);
        KeycloakServer started = server;
        Path temporary = database;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                started.close();
            } finally {
                if (temporary != null) {
                    try {
                        KeycloakHome.deleteTree(temporary);
                    } catch (IOException ignored) {
                        // a temporary folder the OS cleans up eventually
                    }
                }
            }
        }, "hnsw-keycloak-test-stop"));
        return server;
    }

    private static KeycloakServer startFromPristineDatabase(KeycloakServer.Builder builder, Path database,
                                                           Path distribution, Path realmFile) throws IOException {
        String key = KeycloakHome.shortHash(KeycloakHome.distributionVersion(distribution) + "\n"
                + Files.readString(realmFile));
        Path pristine = distribution.getParent().resolve("test-databases").resolve(key);
        if (Files.isDirectory(pristine)) {
            copyFiles(pristine, database);
            return builder.start();
        }
        KeycloakServer importing = builder.start();
        report(importing);
        importing.close();
        // copy to a temporary name first: a run killed half-way must not leave a template that later runs trust
        Path partial = Files.createDirectories(pristine.resolveSibling(key + ".partial"));
        copyFiles(database, partial);
        Files.move(partial, pristine, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("[keycloak] kept the freshly imported database for later runs: " + pristine);
        return builder.start();
    }

    /** Copies the H2 database file; H2's trace file (Liquibase's probing of an empty schema) is not worth keeping. */
    private static void copyFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".mv.db")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void report(KeycloakServer server) {
        System.out.printf("[keycloak] %s ready in %.1f s%s%s; log %s%n", server.issuer(),
                server.startupTime().toMillis() / 1000.0,
                server.buildTime().isZero() ? "" : String.format(" after a one-time build of %.1f s",
                        server.buildTime().toMillis() / 1000.0),
                server.recordingAotCache() ? " (recording the AOT cache for later runs)" : "",
                server.logFile());
    }
}
