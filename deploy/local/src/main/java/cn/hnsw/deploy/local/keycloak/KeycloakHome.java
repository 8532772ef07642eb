package cn.hnsw.deploy.local.keycloak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * A Keycloak home built for one set of build-time options, next to the unpacked distribution:
 * {@code <distribution>/../homes/<instance>-<vendor>-<key>/}.
 *
 * <p>Why not run {@code kc.sh build} in the unpacked distribution itself: Keycloak writes the result of a build into
 * {@code lib/quarkus} and keeps its data, temporary files, transaction log and import folder under {@code <home>/data}
 * (not configurable), so one folder can hold only one build and one running server. A home per build key lets the local
 * stack (PostgreSQL) and the tests (H2) keep their optimized builds side by side, and leaves the Maven-unpacked tree
 * untouched. The homes are cheap: every file that Keycloak only reads is a hard link into the distribution (about
 * 2 MB of real copies instead of 170 MB).
 *
 * <p>A home is locked while a server runs from it, so two servers never share its {@code data} folder.
 */
final class KeycloakHome implements AutoCloseable {

    private static final String READY_MARKER = ".hnsw-build";
    private static final String LOCK_FILE = ".lock";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Duration buildTime;

    private KeycloakHome(Path dir, FileChannel lockChannel, FileLock lock, Duration buildTime) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.buildTime = buildTime;
    }

    /**
     * Returns the locked home for {@code buildOptions}, creating it and running {@code kc.sh build} the first time.
     *
     * @param homesDir     where homes live (normally {@code <distribution>/../homes})
     * @param instance     a name that keeps servers apart that would otherwise share a home (the local stack, tests)
     * @param buildOptions {@code kc.sh build} options; together with the distribution's version they form the key
     * @param environment  the environment for {@code kc.sh build} (JDK, no stray {@code KC_*} settings)
     * @param log          the server log file; the build's output is appended to it
     * @param progress     receives one line before a slow first build
     * @param providers    the platform's own providers, compiled into the home before {@code kc.sh build}; their
     *                     content is part of the key
     */
    static KeycloakHome prepare(Path distribution, Path homesDir, String instance, String vendor, List<String> buildOptions,
                                Map<String, String> environment, Path log, Consumer<String> progress,
                                KeycloakProviders providers) {
        String version = distributionVersion(distribution);
        String fingerprint = providers.fingerprint();
        String key = instance + "-" + vendor + "-" + shortHash(version + "\n" + String.join("\n", buildOptions)
                + "\n" + fingerprint);
        Path dir = homesDir.resolve(key);
        String expectedMarker = version + "\n" + distribution + "\n" + String.join(" ", buildOptions) + "\n"
                + fingerprint + "\n";
        FileChannel channel = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new IllegalStateException("另一个 Keycloak 正在使用 / another Keycloak is already running from " + dir
                        + "; stop it first (only one server may use a Keycloak home at a time)");
            }
            Duration buildTime = Duration.ZERO;
            Path marker = dir.resolve(READY_MARKER);
            if (!Files.isRegularFile(marker) || !Files.readString(marker).equals(expectedMarker)) {
                progress.accept("首次构建 Keycloak（约 30 秒） / building Keycloak once for " + String.join(" ", buildOptions)
                        + " (about 30 s; later starts skip this)");
                long t0 = System.nanoTime();
                clean(dir);
                linkDistribution(distribution, dir);
                providers.buildInto(dir);
                build(dir, buildOptions, environment, log);
                Files.writeString(marker, expectedMarker);
                buildTime = Duration.ofNanos(System.nanoTime() - t0);
            }
            return new KeycloakHome(dir, channel, lock, buildTime);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Keycloak home " + dir + " could not be prepared", e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    Path dir() {
        return dir;
    }

    Path kcScript() {
        return dir.resolve("bin").resolve("kc.sh");
    }

    Path importDir() {
        return dir.resolve("data").resolve("import");
    }

    /**
     * Where the AOT cache for {@code aotKey} lives. A cache is valid only for the JDK, the JVM options and the build that
     * recorded it, so the key names the first two and the home the third.
     */
    Path aotCache(String aotKey) {
        return dir.resolve("aot").resolve(aotKey + ".aot");
    }

    /**
     * Where a training run writes its AOT cache. The JVM writes it at exit, in a child JVM, after deleting its
     * temporary {@code .config} file; only a recording whose {@code .config} is gone is complete.
     */
    Path aotRecording(String aotKey) {
        return dir.resolve("aot").resolve(aotKey + ".recording.aot");
    }

    /**
     * Moves a complete recording into place (also one finished by a Keycloak whose launcher died before it could),
     * deletes an incomplete one. Call only while no Keycloak runs from this home.
     *
     * @return true when a cache is now in place for {@code aotKey}
     */
    boolean settleAotRecording(String aotKey) throws IOException {
        Path recording = aotRecording(aotKey);
        Path config = recording.resolveSibling(recording.getFileName() + ".config");
        if (Files.isRegularFile(recording) && Files.size(recording) > 0 && !Files.exists(config)) {
            Files.move(recording, aotCache(aotKey), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.deleteIfExists(recording);
            Files.deleteIfExists(config);
        }
        return Files.isRegularFile(aotCache(aotKey));
    }

    /** Whether some training run's recording (of any JDK or option set) is still present in this home. */
    boolean recordingInProgress() {
        Path aot = dir.resolve("aot");
        if (!Files.isDirectory(aot)) {
            return false;
        }
        try (Stream<Path> files = Files.list(aot)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".recording.aot"));
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Keycloak JVMs still running from this home: left over from a launcher that was killed before it could stop them
     * (or, after a training run, still writing the AOT cache). kc.sh starts the JVM with
     * {@code -Dkc.home.dir=<home>/bin/..}, which identifies them.
     */
    List<ProcessHandle> leftoverProcesses() {
        String marker;
        try {
            marker = "-Dkc.home.dir=" + dir.toRealPath().resolve("bin");
        } catch (IOException e) {
            return List.of();
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments()
                        .map(args -> Arrays.stream(args).anyMatch(a -> a.startsWith(marker)))
                        .orElse(false))
                .toList();
    }

    /** How long the one-time build took on this call; zero when the home was already built. */
    Duration buildTime() {
        return buildTime;
    }

    /** Replaces the import folder's content with {@code realmFiles}, so a removed realm file is not imported again. */
    void stageImports(List<Path> realmFiles) throws IOException {
        Path imports = importDir();
        if (Files.exists(imports)) {
            deleteTree(imports);
        }
        Files.createDirectories(imports);
        for (Path realm : realmFiles) {
            Files.copy(realm, imports.resolve(realm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel is closed next, which releases the lock anyway
        }
        closeQuietly(lockChannel);
    }

    static String distributionVersion(Path distribution) {
        Path kc = distribution.resolve("bin").resolve("kc.sh");
        Path versionFile = distribution.resolve("version.txt");
        if (!Files.isRegularFile(kc) || !Files.isRegularFile(versionFile)) {
            throw new IllegalStateException("找不到 Keycloak 发行包 / no Keycloak distribution at " + distribution
                    + " (expected bin/kc.sh and version.txt). Run `mvn -pl deploy/local package` (or `./hnsw run`), which"
                    + " unpacks org.keycloak:keycloak-quarkus-dist into deploy/local/target/keycloak.");
        }
        try {
            return Files.readString(versionFile).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    /**
     * Mirrors the distribution: hard links for what Keycloak only reads (jars, themes, scripts), real copies for
     * {@code lib/quarkus} (rewritten by the build) and {@code conf}. Falls back to copies where links are impossible
     * (another file system).
     */
    private static void linkDistribution(Path distribution, Path home) throws IOException {
        Path quarkus = distribution.resolve("lib").resolve("quarkus");
        Path conf = distribution.resolve("conf");
        try (Stream<Path> paths = Files.walk(distribution)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = home.resolve(distribution.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (source.startsWith(quarkus) || source.startsWith(conf)) {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                } else {
                    try {
                        Files.createLink(target, source);
                    } catch (FileSystemException | UnsupportedOperationException noLinkHere) {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
    }

    private static void build(Path home, List<String> buildOptions, Map<String, String> environment, Path log)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve("kc.sh").toString());
        command.add("build");
        command.addAll(buildOptions);
        Files.createDirectories(log.toAbsolutePath().getParent());
        Files.writeString(log, "\n=== kc.sh build " + String.join(" ", buildOptions) + " ===\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().clear();
        pb.environment().putAll(environment);
        Process process = pb.start();
        try {
            if (!process.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                ProcessTree.stop(process, Duration.ofSeconds(10));
                throw new IllegalStateException("kc.sh build did not finish in " + BUILD_TIMEOUT.toMinutes()
                        + " minutes; see " + log);
            }
        } catch (InterruptedException e) {
            ProcessTree.stop(process, Duration.ofSeconds(10));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building Keycloak", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed (exit " + process.exitValue() + "); see " + log + tail(log));
        }
    }

    /** Empties a home except its lock file, which this JVM holds. */
    private static void clean(Path dir) throws IOException {
        try (Stream<Path> children = Files.list(dir)) {
            for (Path child : children.toList()) {
                if (!child.getFileName().toString().equals(LOCK_FILE)) {
                    deleteTree(child);
                }
            }
        }
    }

    /** The last lines of a log, for an error message that says why without making the reader open the file. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = lines.subList(Math.max(0, lines.size() - 25), lines.size());
            return "\n--- last lines of " + log.getFileName() + " ---\n" + String.join("\n", last);
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
