package cn.hnsw.common.partner;

import cn.hnsw.common.crypto.MessageSealer;
import cn.hnsw.common.sealing.SealingAutoConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;

/**
 * {@link PartnerClient} and {@link SealedInbox} for a service that seals messages (i.e. has
 * {@code hnsw.crypto.key-store}); the service token comes from {@code hnsw.partners.client-id/-secret}
 * (client-credentials grant against the platform's Keycloak).
 */
@AutoConfiguration(after = SealingAutoConfiguration.class)
@ConditionalOnBean(MessageSealer.class)
@EnableConfigurationProperties(PartnerProperties.class)
public class PartnerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ServiceTokenProvider serviceTokenProvider(PartnerProperties properties,
                                              @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        if (properties.clientId() == null || properties.clientId().isBlank()) {
            return new ServiceTokenProvider() {
                @Override
                public Optional<String> token() {
                    return Optional.empty();
                }

                @Override
                public void invalidate() {
                    // no client configured: nothing cached
                }
            };
        }
        URI tokenUri = properties.tokenUri() != null ? properties.tokenUri()
                : URI.create(stripSlash(issuer) + "/protocol/openid-connect/token");
        return new ClientCredentialsTokenProvider(tokenUri, properties.clientId(), properties.clientSecret(),
                httpClient(properties), properties.requestTimeout(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    PartnerClient partnerClient(MessageSealer sealer, SealingAutoConfiguration.CryptoProperties crypto,
                                PartnerProperties properties, ServiceTokenProvider tokens) {
        return new PartnerClient(sealer, crypto.platformKeyId(), properties, tokens, httpClient(properties));
    }

    @Bean
    @ConditionalOnMissingBean
    SealedInbox sealedInbox(MessageSealer sealer, SealingAutoConfiguration.CryptoProperties crypto,
                            PartnerProperties properties) {
        return new SealedInbox(sealer, crypto.platformKeyId(), properties);
    }

    private static HttpClient httpClient(PartnerProperties properties) {
        // HTTP/1.1: partners' front-end machines and the simulators speak it; no h2c upgrade dance on every call.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.connectTimeout())
                .build();
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
