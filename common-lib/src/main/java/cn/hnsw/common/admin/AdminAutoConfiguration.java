package cn.hnsw.common.admin;

import cn.hnsw.common.audit.AuditAutoConfiguration;
import cn.hnsw.common.partner.ClientCredentialsTokenProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;

/**
 * The shared system administration, for a service that sets {@code hnsw.admin.enabled=true}: the Keycloak directory
 * (unless the service provides its own {@link IdentityDirectory}), the menu table, the login-event pull and the
 * {@code /v1/admin/**} API.
 */
@AutoConfiguration(after = AuditAutoConfiguration.class)
@ConditionalOnProperty(prefix = "hnsw.admin", name = "enabled", havingValue = "true")
@ConditionalOnBean(JdbcTemplate.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AdminProperties.class)
@Import({AdminController.class, MenuController.class})
public class AdminAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    IdentityDirectory identityDirectory(AdminProperties properties,
                                        @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        String serverUrl = properties.serverUrl();
        String realm = properties.realm();
        int cut = issuer.indexOf("/realms/");
        if ((serverUrl == null || serverUrl.isBlank()) && cut > 0) {
            serverUrl = issuer.substring(0, cut);
        }
        if ((realm == null || realm.isBlank()) && cut > 0) {
            realm = issuer.substring(cut + "/realms/".length()).replaceAll("/+$", "");
        }
        if (serverUrl == null || serverUrl.isBlank() || realm == null || realm.isBlank()) {
            throw new IllegalStateException("hnsw.admin.enabled needs hnsw.admin.server-url and hnsw.admin.realm, "
                    + "or a Keycloak issuer-uri to take them from");
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(properties.requestTimeout()).build();
        URI tokenUri = URI.create(serverUrl.replaceAll("/+$", "") + "/realms/" + realm + "/protocol/openid-connect/token");
        ClientCredentialsTokenProvider token = new ClientCredentialsTokenProvider(tokenUri, properties.clientId(),
                properties.clientSecret(), http, properties.requestTimeout(), Clock.systemUTC());
        return new KeycloakIdentityDirectory(serverUrl, realm, token, http, properties.requestTimeout());
    }

    @Bean
    @ConditionalOnMissingBean
    MenuStore menuStore(JdbcTemplate jdbc, Clock clock) {
        return new MenuStore(jdbc, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    SystemAdministration systemAdministration(IdentityDirectory directory, MenuStore menus) {
        return new SystemAdministration(directory, menus);
    }

    @Bean
    @ConditionalOnMissingBean
    LoginEventLog loginEventLog(IdentityDirectory directory, JdbcTemplate jdbc, Clock clock, AdminProperties properties) {
        return new LoginEventLog(directory, new NamedParameterJdbcTemplate(jdbc), clock,
                properties.loginEventFirstLookBack());
    }

    @Bean
    LoginEventPuller loginEventPuller(LoginEventLog events, AdminProperties properties) {
        return new LoginEventPuller(events, properties.loginEventPullInterval());
    }
}
