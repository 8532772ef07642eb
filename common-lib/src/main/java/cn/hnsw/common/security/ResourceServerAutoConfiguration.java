package cn.hnsw.common.security;

import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Every service is an OAuth2 resource server for Keycloak tokens: realm roles become {@code ROLE_<role>} authorities,
 * health and API docs are open (and whatever a service lists in {@code hnsw.security.public-paths}, e.g. a public
 * status feed), everything else needs a valid token, and refusals are problem details.
 */
@AutoConfiguration(before = org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    public static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain hnswSecurityFilterChain(HttpSecurity http, ProblemWriter problems,
                                                @Value("${hnsw.security.public-paths:}") String[] publicPaths) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers(publicPaths).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(keycloakRealmRoles()))
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, CommonErrorCode.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, CommonErrorCode.ACCESS_DENIED)))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) ->
                                problems.write(request, response, CommonErrorCode.UNAUTHENTICATED))
                        .accessDeniedHandler((request, response, e) ->
                                problems.write(request, response, CommonErrorCode.ACCESS_DENIED)));
        return http.build();
    }

    /** Keycloak puts realm roles under {@code realm_access.roles}; the user name is {@code preferred_username}. */
    public static Converter<Jwt, AbstractAuthenticationToken> keycloakRealmRoles() {
        return jwt -> {
            List<SimpleGrantedAuthority> authorities = CurrentActor.realmRoles(jwt).stream()
                    .map(role -> new SimpleGrantedAuthority(Roles.AUTHORITY_PREFIX + role))
                    .toList();
            String name = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject());
        };
    }
}
