package cn.hnsw.testsupport.spring;

import cn.hnsw.testsupport.embedded.SharedInfrastructure;
import cn.hnsw.testsupport.jwt.TestTokens;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Points a service under test at the shared real infrastructure: a database of its own in the shared PostgreSQL,
 * the shared Kafka broker and S3 server, and the JVM's test token issuer.
 */
public class TestInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    /** {@code passenger-service} → {@code hnsw-svc-passenger}, as the realm names service clients. */
    static String clientId(String applicationName) {
        return "hnsw-svc-" + applicationName.replaceAll("-service$", "");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "service");
        String database = (app.replaceAll("[^a-z0-9]", "_") + "_" + CONTEXTS.incrementAndGet()).toLowerCase();
        String jdbcUrl = SharedInfrastructure.postgres().createDatabase(database);
        TestTokens tokens = TestTokens.issuer();
        TestPropertyValues.of(
                "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=postgres",
                "spring.datasource.password=postgres",
                "spring.kafka.bootstrap-servers=" + SharedInfrastructure.kafka().bootstrapServers(),
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + tokens.issuerUri(),
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + tokens.jwkSetUri(),
                "hnsw.s3.endpoint=" + SharedInfrastructure.s3().endpoint(),
                "hnsw.s3.access-key=" + SharedInfrastructure.s3().accessKey(),
                "hnsw.s3.secret-key=" + SharedInfrastructure.s3().secretKey(),
                // The service's own client (client-credentials grant at the test issuer), for calls to partners.
                "hnsw.partners.client-id=" + clientId(app),
                "hnsw.partners.client-secret=" + TestTokens.clientSecret(clientId(app)),
                // A test context need not drain requests on close: an open SSE stream would otherwise hold Tomcat's
                // graceful shutdown for its 30 s phase timeout, and Surefire kills a fork still exiting after 30 s.
                "server.shutdown=immediate"
        ).applyTo(context);
    }
}
