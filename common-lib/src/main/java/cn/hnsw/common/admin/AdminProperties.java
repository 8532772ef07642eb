package cn.hnsw.common.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hnsw.admin.*}: the shared system administration, off unless {@code enabled}. The identity provider is the
 * platform's Keycloak; {@code server-url} and {@code realm} default to those of the service's token issuer
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}); {@code client-id}/{@code client-secret} name the
 * admin client whose service account holds the realm-management roles.
 */
@ConfigurationProperties("hnsw.admin")
public record AdminProperties(
        boolean enabled,
        String serverUrl,
        String realm,
        String clientId,
        String clientSecret,
        Duration requestTimeout,
        Duration loginEventPullInterval,
        Duration loginEventFirstLookBack) {

    public AdminProperties {
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(10) : requestTimeout;
        loginEventPullInterval = loginEventPullInterval == null ? Duration.ofMinutes(1) : loginEventPullInterval;
        loginEventFirstLookBack = loginEventFirstLookBack == null ? Duration.ofDays(7) : loginEventFirstLookBack;
    }
}
