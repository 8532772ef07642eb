package cn.hnsw.testsupport.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Mints Keycloak-shaped access tokens for tests and publishes their signing key as a JWKS document over HTTP, so that
 * services validate them through the same resource-server path (JWKS fetch, signature, issuer, audience, expiry) as
 * real Keycloak tokens. One issuer per test JVM.
 */
public final class TestTokens {

    public static final String REALM = "hnsw";
    public static final String AUDIENCE = "hnsw-api";

    private static volatile TestTokens shared;

    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokens() {
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("hnsw-test-" + UUID.randomUUID()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID("foreign-" + UUID.randomUUID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("Could not start the test token issuer", e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/" + REALM;
        byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.createContext("/realms/" + REALM + "/protocol/openid-connect/token", this::clientCredentials);
        server.start();
    }

    /** The secret the test token endpoint expects of client {@code clientId}: {@code <clientId>-test-secret}. */
    public static String clientSecret(String clientId) {
        return clientId + "-test-secret";
    }

    public String tokenUri() {
        return issuer + "/protocol/openid-connect/token";
    }

    /**
     * The client-credentials grant as Keycloak answers it, for the platform's clients: {@code hnsw-svc-<service>}
     * (realm role {@code internal-service}) and {@code partner-<kind>-<name>} (role {@code partner-<kind>}), each
     * with secret {@link #clientSecret}; client authentication by HTTP Basic or form fields. Anything else: 401.
     */
    private void clientCredentials(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        try (exchange) {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : form.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String clientId = fields.get("client_id");
            String secret = fields.get("client_secret");
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.startsWith("Basic ")) {
                String[] basic = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)),
                        StandardCharsets.UTF_8).split(":", 2);
                clientId = java.net.URLDecoder.decode(basic[0], StandardCharsets.UTF_8);
                secret = basic.length > 1 ? java.net.URLDecoder.decode(basic[1], StandardCharsets.UTF_8) : "";
            }
            String role = clientId == null ? null
                    : clientId.startsWith("hnsw-svc-") ? "internal-service"
                    : clientId.matches("partner-[a-z]+-.+") ? clientId.substring(0, clientId.indexOf('-', 8)) : null;
            byte[] body;
            int status;
            if (!"client_credentials".equals(fields.get("grant_type")) || role == null
                    || !clientSecret(clientId).equals(secret)) {
                status = 401;
                body = "{\"error\":\"unauthorized_client\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                String token = user("service-account-" + clientId, role).claim("azp", clientId).mint();
                status = 200;
                body = ("{\"access_token\":\"" + token + "\",\"expires_in\":1800,\"token_type\":\"Bearer\"}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    /** The issuer of this JVM, started on first use. */
    public static TestTokens issuer() {
        TestTokens t = shared;
        if (t == null) {
            synchronized (TestTokens.class) {
                t = shared;
                if (t == null) {
                    t = new TestTokens();
                    shared = t;
                    TestTokens started = t;
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> started.server.stop(0)));
                }
            }
        }
        return t;
    }

    public String issuerUri() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/protocol/openid-connect/certs";
    }

    /** A token for a user holding {@code roles}; refine with the builder. */
    public Builder user(String username, String... roles) {
        return new Builder(username, List.of(roles));
    }

    /** Builder for one token. */
    public final class Builder {
        private final String username;
        private final List<String> roles;
        private String subject = UUID.randomUUID().toString();
        private String enterprise;
        private String enterpriseName;
        private final List<String> organizations = new ArrayList<>();
        private String audience = AUDIENCE;
        private String tokenIssuer = issuer;
        private Instant issuedAt = Instant.now();
        private Duration lifetime = Duration.ofMinutes(30);
        private String sessionId = UUID.randomUUID().toString();
        private boolean signWithForeignKey;
        private final Map<String, Object> extra = new LinkedHashMap<>();

        private Builder(String username, List<String> roles) {
            this.username = username;
            this.roles = roles;
        }

        public Builder subject(String subject) { this.subject = subject; return this; }
        /** The unified social credit code of the user's enterprise. */
        public Builder enterprise(String uscc) { this.enterprise = uscc; return this; }
        public Builder enterpriseName(String name) { this.enterpriseName = name; return this; }
        /** Keycloak group path of an organisation, e.g. {@code /customs/haikou/xinhai-port}. */
        public Builder organization(String groupPath) { this.organizations.add(groupPath); return this; }
        public Builder audience(String audience) { this.audience = audience; return this; }
        public Builder issuer(String issuer) { this.tokenIssuer = issuer; return this; }
        public Builder issuedAt(Instant issuedAt) { this.issuedAt = issuedAt; return this; }
        public Builder lifetime(Duration lifetime) { this.lifetime = lifetime; return this; }
        public Builder expired() { this.issuedAt = Instant.now().minus(Duration.ofHours(2)); this.lifetime = Duration.ofMinutes(5); return this; }
        public Builder sessionId(String sessionId) { this.sessionId = sessionId; return this; }
        public Builder signedByUnknownKey() { this.signWithForeignKey = true; return this; }
        public Builder claim(String name, Object value) { this.extra.put(name, value); return this; }

        /** The compact serialised JWT. */
        public String mint() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                    .issuer(tokenIssuer)
                    .subject(subject)
                    .audience(audience)
                    .issueTime(Date.from(issuedAt))
                    .notBeforeTime(Date.from(issuedAt.minusSeconds(1)))
                    .expirationTime(Date.from(issuedAt.plus(lifetime)))
                    .jwtID(UUID.randomUUID().toString())
                    .claim("typ", "Bearer")
                    .claim("azp", "hnsw-web")
                    .claim("sid", sessionId)
                    .claim("preferred_username", username)
                    .claim("name", username)
                    .claim("realm_access", Map.of("roles", roles));
            if (enterprise != null) {
                claims.claim("enterprise", enterprise);
            }
            if (enterpriseName != null) {
                claims.claim("enterprise_name", enterpriseName);
            }
            if (!organizations.isEmpty()) {
                claims.claim("organization", List.copyOf(organizations));
            }
            extra.forEach(claims::claim);
            RSAKey key = signWithForeignKey ? foreignKey : signingKey;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims.build());
            try {
                jwt.sign(new RSASSASigner(key));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }

        /** {@code Bearer <token>} for an Authorization header. */
        public String bearer() {
            return "Bearer " + mint();
        }
    }
}
