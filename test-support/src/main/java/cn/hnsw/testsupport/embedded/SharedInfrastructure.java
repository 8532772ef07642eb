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
