package cn.hnsw.deploy.local.keycloak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The JDK that runs Keycloak. Keycloak 26.4 needs Java 21 or newer here (17 still starts but is deprecated upstream and
 * below what this platform supports); it runs on Java 25, which is what this project builds with (with one extra
 * {@code --add-opens}, see {@link KeycloakServer}). The launcher may itself run on a JDK that Keycloak 26.4 was never
 * tried on (a Java 26 early access, say), so the choice is: an explicit one, else the running JVM when it is a tried
 * release (21 to 25), else the newest tried JDK found in the usual places, else the running JVM if it is at least 21.
 *
 * @param home    the JDK's home folder (has {@code bin/java})
 * @param feature the feature release, e.g. 25
 * @param version the full runtime version from the JDK's {@code release} file, for messages and cache keys
 */
public record JavaRuntime(Path home, int feature, String version) {

    /** The oldest Java release Keycloak 26.4 is run on here. */
    public static final int MINIMUM_FEATURE = 21;
    /** The newest Java release Keycloak 26.4 has been run on with this launcher. */
    public static final int NEWEST_TRIED_FEATURE = 25;

    /** System property naming the JDK to run Keycloak with. */
    public static final String JAVA_HOME_PROPERTY = "hnsw.keycloak.java-home";
    /** Environment variable naming the JDK to run Keycloak with (when the property is not set). */
    public static final String JAVA_HOME_ENV = "HNSW_KEYCLOAK_JAVA_HOME";

    private static final List<Path> JDK_FOLDERS = List.of(
            Path.of("/usr/lib/jvm"), Path.of("/usr/java"), Path.of("/opt/java"), Path.of("/opt"),
            Path.of(System.getProperty("user.home"), ".sdkman", "candidates", "java"),
            Path.of(System.getProperty("user.home"), ".jdks"));

    /** JDK 25 brought the one-step AOT cache ({@code -XX:AOTCacheOutput}, JEP 514) that halves Keycloak's start. */
    public boolean supportsAotCache() {
        return feature >= 25;
    }

    /** A release Keycloak 26.4 is known to run on with this launcher. */
    public boolean tried() {
        return feature >= MINIMUM_FEATURE && feature <= NEWEST_TRIED_FEATURE;
    }

    public Path javaBinary() {
        return home.resolve("bin").resolve("java");
    }

    /** A short, file-name-safe id of exactly this JDK build: an AOT cache is only valid for the JDK that wrote it. */
    public String id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(home.toString().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(version.getBytes(StandardCharsets.UTF_8));
            return "jdk" + feature + "-" + HexFormat.of().formatHex(sha.digest(), 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Picks the JDK for Keycloak: {@code explicit} if given, else {@value #JAVA_HOME_PROPERTY} /
     * {@value #JAVA_HOME_ENV}, else the running JVM if it is Java 21+, else the newest Java 21+ under
     * {@code $JAVA_HOME}, {@code /usr/lib/jvm} and similar folders.
     *
     * @throws IllegalStateException with a message that says what was found and what to do
     */
    public static JavaRuntime select(Path explicit) {
        Path named = explicit != null ? explicit : configuredHome();
        if (named != null) {
            JavaRuntime jdk = inspect(named).orElseThrow(() -> new IllegalStateException(
                    "Keycloak 的 JDK 不可用 / the JDK configured for Keycloak is not usable: " + named
                            + " has no bin/java or no readable release file"));
            if (jdk.feature() < MINIMUM_FEATURE) {
                throw tooOld(List.of(jdk));
            }
            return jdk;
        }
        JavaRuntime running = running();
        if (running.tried()) {
            return running;
        }
        List<JavaRuntime> found = installed();
        Optional<JavaRuntime> tried = found.stream()
                .filter(JavaRuntime::tried)
                .max(Comparator.comparingInt(JavaRuntime::feature));
        if (tried.isPresent()) {
            return tried.get();
        }
        if (running.feature() >= MINIMUM_FEATURE) {
            return running;
        }
        List<JavaRuntime> seen = new ArrayList<>(found);
        seen.addFirst(running);
        throw tooOld(seen);
    }

    static JavaRuntime running() {
        return new JavaRuntime(Path.of(System.getProperty("java.home")), Runtime.version().feature(),
                System.getProperty("java.runtime.version", Runtime.version().toString()));
    }

    /** Reads a JDK's {@code release} file; empty when {@code home} is not a JDK or JRE. */
    static Optional<JavaRuntime> inspect(Path home) {
        Path real;
        try {
            real = home.toRealPath();
        } catch (IOException notThere) {
            return Optional.empty();
        }
        Path release = real.resolve("release");
        if (!Files.isExecutable(real.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(release, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        String javaVersion = unquote(p.getProperty("JAVA_VERSION"));
        if (javaVersion == null) {
            return Optional.empty();
        }
        String runtimeVersion = unquote(p.getProperty("JAVA_RUNTIME_VERSION"));
        return Optional.of(new JavaRuntime(real, feature(javaVersion), runtimeVersion != null ? runtimeVersion : javaVersion));
    }

    /** "25.0.3" → 25, "21" → 21, "1.8.0_452" → 8. */
    static int feature(String javaVersion) {
        String[] parts = javaVersion.split("[._+-]");
        try {
            int first = Integer.parseInt(parts[0]);
            return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Path configuredHome() {
        String property = System.getProperty(JAVA_HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.trim());
        }
        String env = System.getenv(JAVA_HOME_ENV);
        return env != null && !env.isBlank() ? Path.of(env.trim()) : null;
    }

    private static List<JavaRuntime> installed() {
        Set<Path> candidates = new LinkedHashSet<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isBlank()) {
            candidates.add(Path.of(javaHome.trim()));
        }
        for (Path folder : JDK_FOLDERS) {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> children = Files.list(folder)) {
                    children.filter(Files::isDirectory).sorted().forEach(candidates::add);
                } catch (IOException unreadable) {
                    // a folder we may not list is simply not a place this JDK can come from
                }
            }
        }
        Set<Path> seen = new LinkedHashSet<>();
        List<JavaRuntime> result = new ArrayList<>();
        for (Path candidate : candidates) {
            inspect(candidate).filter(jdk -> seen.add(jdk.home())).ifPresent(result::add);
        }
        return result;
    }

    private static IllegalStateException tooOld(List<JavaRuntime> seen) {
        StringBuilder found = new StringBuilder();
        for (JavaRuntime jdk : seen) {
            found.append("\n  ").append(jdk.home()).append(" (").append(jdk.version()).append(')');
        }
        return new IllegalStateException("Keycloak 26.4 需要 JDK " + MINIMUM_FEATURE + " 或更高版本 / Keycloak 26.4 needs JDK "
                + MINIMUM_FEATURE + " or newer, and none was found. JDKs seen:" + found
                + "\nInstall a JDK 21 or 25 (e.g. Temurin) under /usr/lib/jvm, or name one with -D" + JAVA_HOME_PROPERTY
                + "=<jdk home> or " + JAVA_HOME_ENV + "=<jdk home>.");
    }

    private static String unquote(String value) {
        if (value == null) {
            return null;
        }
        String v = value.trim();
        return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1) : v;
    }
}
