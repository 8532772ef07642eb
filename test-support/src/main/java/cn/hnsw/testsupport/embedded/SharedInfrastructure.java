package cn.hnsw.testsupport.embedded;

import java.util.function.Supplier;

/**
 * The real servers every test of one JVM shares: one PostgreSQL, one Kafka broker, one S3 server, each started on
 * first use and stopped when the JVM exits. Starting them once per JVM rather than once per test class is what keeps
 * the suite within its time budget.
 */
public final class SharedInfrastructure {

    private static final Lazy<EmbeddedPostgresServer> POSTGRES = new Lazy<>(EmbeddedPostgresServer::startTemporary);
    private static final Lazy<EmbeddedKafkaBroker> KAFKA = new Lazy<>(EmbeddedKafkaBroker::startTemporary);
    private static final Lazy<EmbeddedS3Server> S3 = new Lazy<>(EmbeddedS3Server::startTemporary);

    private SharedInfrastructure() {
    }

    public static EmbeddedPostgresServer postgres() {
        return POSTGRES.get();
    }

    public static EmbeddedKafkaBroker kafka() {
        return KAFKA.get();
    }

    public static EmbeddedS3Server s3() {
        return S3.get();
    }

    /** Names of the JVM shutdown hooks that close Spring application contexts (framework and Boot). */
    static final java.util.Set<String> SPRING_SHUTDOWN_HOOKS = java.util.Set.of("SpringContextShutdownHook",
            "SpringApplicationShutdownHook");

    /**
     * Lets the test JVM's Spring contexts close before PostgreSQL, Kafka and S3 stop. All shutdown hooks start at
     * once; if the broker went first, every context's Kafka producers and consumers would retry a dead broker until
     * their close timeouts ran out, and Surefire kills a fork that has not exited 30 s after {@code System.exit}.
     * Waits at most 20 s, then stops the infrastructure anyway.
     */
    static void awaitSpringShutdown() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        // the hooks are started one after another: give Spring's a moment to appear
        long appear = System.nanoTime() + java.time.Duration.ofMillis(300).toNanos();
        while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            java.util.List<Thread> spring = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> SPRING_SHUTDOWN_HOOKS.contains(t.getName()) && t.isAlive()).toList();
            if (spring.isEmpty()) {
                if (System.nanoTime() > appear) {
                    return;
                }
                sleep(20);
                continue;
            }
            for (Thread t : spring) {
                try {
                    t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Lazy<T extends AutoCloseable> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = factory.get();
                        value = v;
                        T started = v;
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            awaitSpringShutdown();
                            try {
                                started.close();
                            } catch (Exception ignored) {
                                // the JVM is going away; nothing to report to
                            }
                        }, "hnsw-test-infra-stop"));
                    }
                }
            }
            return v;
        }
    }
}
