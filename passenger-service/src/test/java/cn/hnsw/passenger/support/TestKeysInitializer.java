package cn.hnsw.passenger.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points every test context's {@code hnsw.crypto.*} at the generated {@link TestKeys}; the admin at {@link InMemoryIdentityDirectory}. */
public class TestKeysInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if ("simulators".equals(context.getEnvironment().getProperty("spring.application.name"))) {
            return; // the simulators started in the same JVM bring their own keys
        }
        TestPropertyValues.of(
                "hnsw.crypto.key-store=" + TestKeys.dir().resolve("platform.p12"),
                "hnsw.crypto.key-store-password=" + TestKeys.PASSWORD,
                "hnsw.crypto.trust-store=" + TestKeys.dir().resolve("trust.p12"),
                "hnsw.crypto.trust-store-password=" + TestKeys.PASSWORD,
                "hnsw.crypto.platform-key-id=" + TestKeys.PLATFORM,
                // the admin API's directory is the in-memory double: no Keycloak in this JVM, nothing to pull from
                "hnsw.admin.login-event-pull-interval=0s").applyTo(context);
        context.getBeanFactory().registerSingleton("identityDirectory", InMemoryIdentityDirectory.shared());
    }
}
