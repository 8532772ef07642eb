package cn.hnsw.deploy.local.keycloak;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The platform's own Keycloak providers, kept as sources beside the realm file ({@code deploy/keycloak/providers/src/main}:
 * {@code java/} and {@code resources/}), e.g. the remember-me claim mapper the realm's web client uses.
 *
 * <p>They are compiled against the jars of the unpacked distribution itself when a home is built, so the Maven
 * repository needs no Keycloak SPI artifacts and a provider always matches the Keycloak it runs in. Their sources are
 * part of the home's build key: a changed provider builds a new home.
 */
final class KeycloakProviders {

    private static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));

    private final Path sources;

    private KeycloakProviders(Path sources) {
        this.sources = sources;
    }

    /** The providers beside {@code realmFile} ({@code <realm folder>/providers/src/main}); none when that is absent. */
    static KeycloakProviders besideRealm(Path realmFile) {
        return new KeycloakProviders(realmFile.toAbsolutePath().getParent().resolve("providers").resolve("src").resolve("main"));
    }

    boolean present() {
        return Files.isDirectory(sources.resolve("java"));
    }

    /** A build option-like line naming the providers' content, so that a home is rebuilt when they change. */
    String fingerprint() {
        if (!present()) {
            return "providers=none";
        }
        StringBuilder all = new StringBuilder();
        for (Path file : files(sources)) {
            try {
                all.append(sources.relativize(file)).append('\n').append(Files.readString(file)).append('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "providers=" + KeycloakHome.shortHash(all.toString());
    }

    /** Compiles the providers against {@code home}'s jars and writes {@code <home>/providers/hnsw-keycloak-providers.jar}. */
    void buildInto(Path home) throws IOException {
        if (!present()) {
            return;
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("编译 Keycloak 扩展需要 JDK / the platform's Keycloak providers are compiled"
                    + " on first build and need a JDK (javax.tools), not a JRE: " + System.getProperty("java.home"));
        }
        Path classes = Files.createTempDirectory("hnsw-keycloak-providers-");
        try {
            Path javaDir = sources.resolve("java");
            List<String> javaFiles = files(javaDir).stream().filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString).toList();
            String classpath;
            try (Stream<Path> jars = Files.list(home.resolve("lib").resolve("lib").resolve("main"))) {
                classpath = jars.filter(p -> p.toString().endsWith(".jar")).map(Path::toString)
                        .collect(Collectors.joining(java.io.File.pathSeparator));
            }
            List<String> args = new ArrayList<>(List.of("--release", "21", "-encoding", "UTF-8", "-nowarn",
                    "-proc:none", "-cp", classpath, "-d", classes.toString()));
            args.addAll(javaFiles);
            ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
            int rc = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
            if (rc != 0) {
                throw new IllegalStateException("Keycloak providers did not compile:\n"
                        + diagnostics.toString(StandardCharsets.UTF_8));
            }
            Path providers = Files.createDirectories(home.resolve("providers"));
            try (OutputStream out = Files.newOutputStream(providers.resolve("hnsw-keycloak-providers.jar"));
                 JarOutputStream jar = new JarOutputStream(out)) {
                addTree(jar, classes);
                Path resources = sources.resolve("resources");
                if (Files.isDirectory(resources)) {
                    addTree(jar, resources);
                }
            }
        } finally {
            KeycloakHome.deleteTree(classes);
        }
    }

    private static void addTree(JarOutputStream jar, Path root) throws IOException {
        for (Path file : files(root)) {
            JarEntry entry = new JarEntry(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'));
            entry.setLastModifiedTime(FIXED_TIME);
            jar.putNextEntry(entry);
            Files.copy(file, jar);
            jar.closeEntry();
        }
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
