package cn.hnsw.customs.admin;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every customs test context's system administration runs on {@link InMemoryIdentityDirectory}: Keycloak does not run
 * in this JVM, so nothing is pulled on a schedule (a test pulls when it wants the login log).
 */
public class AdminDirectoryInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!"customs-service".equals(context.getEnvironment().getProperty("spring.application.name"))) {
            return; // the simulators started in the same JVM have no administration
        }
        TestPropertyValues.of("hnsw.admin.login-event-pull-interval=0s").applyTo(context);
        context.getBeanFactory().registerSingleton("identityDirectory", InMemoryIdentityDirectory.shared());
    }
}
