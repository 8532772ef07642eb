package cn.hnsw.gateway.security;

import cn.hnsw.gateway.problem.GatewayErrorCode;
import cn.hnsw.gateway.problem.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.core.publisher.Mono;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The gateway checks every API call's Keycloak token (signature by JWKS, issuer, audience, expiry) before routing it;
 * the services check it again, so a call that bypasses the gateway gains nothing. Refusals are problem details, as
 * at the services. Open without a token: health, the status API, the API documents and the web app.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    /** The realm role that may read the gateway's operational endpoints (routes, circuit breakers). */
    static final String OPERATOR_ROLE = "platform-admin";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponses problems) {
        ServerAuthenticationEntryPoint unauthenticated = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, bearerChallenge(e));
            return problems.write(exchange, GatewayErrorCode.UNAUTHENTICATED);
        };
        ServerAccessDeniedHandler denied = (exchange, e) -> {
            exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                    "Bearer error=\"insufficient_scope\"");
            return problems.write(exchange, GatewayErrorCode.ACCESS_DENIED);
        };
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // tokens, not sessions: nothing is stored between requests
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .pathMatchers("/actuator/**").hasRole(OPERATOR_ROLE)
                        .pathMatchers("/api/status").permitAll()
                        // A service's public pages (e.g. checking a tax-paid certificate from its QR code): the
                        // service itself lists them in hnsw.security.public-paths and shows only non-personal fields.
                        .pathMatchers("/api/*/v1/public/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/api-docs/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/webjars/**").permitAll()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .build();
    }

    /**
     * Spring Security's firewall refuses requests no honest client sends (path traversal, encoded slashes, odd
     * methods) before anything else sees them; it answers with the platform's problem detail, not a bare 400.
     */
    @Bean
    ServerExchangeRejectedHandler problemOnRejectedExchange(ProblemResponses problems) {
        return (exchange, rejected) -> problems.write(exchange, GatewayErrorCode.MALFORMED_REQUEST, "URL");
    }

    /** RFC 6750's challenge; the reason a token failed stays in the gateway's log, not in the answer. */
    private static String bearerChallenge(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth) {
            return "Bearer error=\"" + oauth.getError().getErrorCode() + "\"";
        }
        return "Bearer";
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}; the user name is {@code preferred_username}. */
    static Converter<Jwt, Mono<AbstractAuthenticationToken>> realmRoles() {
        return jwt -> {
            Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
            List<SimpleGrantedAuthority> authorities = realmAccess != null
                    && realmAccess.get("roles") instanceof Collection<?> roles
                    ? roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList()
                    : List.of();
            String name = jwt.getClaimAsString("preferred_username");
            return Mono.just(new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject()));
        };
    }
}
