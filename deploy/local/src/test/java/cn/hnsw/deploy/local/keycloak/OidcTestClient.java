package cn.hnsw.deploy.local.keycloak;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does against Keycloak, in plain HTTP: one cookie jar (so SSO and logout behave as in a browser), the
 * authorization-code flow with PKCE for the public web client, the login form, the token exchange, the end-session
 * endpoint. Redirects are not followed: the test reads the code from the redirect to the web app.
 */
final class OidcTestClient {

    static final String REDIRECT_URI = "http://localhost:5173/callback";
    static final String POST_LOGOUT_REDIRECT_URI = "http://localhost:8080/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern LOGIN_FORM = Pattern.compile("<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");

    private final KeycloakServer keycloak;
    private final HttpClient http;

    OidcTestClient(KeycloakServer keycloak) {
        this.keycloak = keycloak;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new LoopbackCookieHandler())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /**
     * A cookie jar that, like a browser, treats {@code http://localhost} as a secure context. Keycloak marks its login
     * and session cookies {@code Secure; SameSite=None}; browsers send those to localhost over plain HTTP, but
     * {@link CookieManager} sends Secure cookies only over https, which would break every login form post.
     */
    private static final class LoopbackCookieHandler extends CookieHandler {
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return cookies.get(asSecureWhenLoopback(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            cookies.put(uri, responseHeaders);
        }

        private static URI asSecureWhenLoopback(URI uri) {
            String host = uri.getHost();
            boolean loopback = "localhost".equalsIgnoreCase(host) || "127.0.0.1".equals(host);
            if (!"http".equalsIgnoreCase(uri.getScheme()) || !loopback) {
                return uri;
            }
            // only host and path matter for choosing cookies; the query is not part of cookie matching
            return URI.create("https://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
        }
    }

    /** The answer to an authorization request or a login form post: a code for the web app, or a Keycloak page. */
    record Authorization(int status, String location, String body, Pkce pkce, String state) {

        boolean redirectedToApp() {
            return location != null && location.startsWith(REDIRECT_URI);
        }

        Map<String, String> redirectParameters() {
            return redirectedToApp() ? query(URI.create(location)) : Map.of();
        }

        Optional<String> code() {
            return Optional.ofNullable(redirectParameters().get("code"));
        }

        boolean showsLoginForm() {
            return status == 200 && body != null && LOGIN_FORM.matcher(body).find();
        }
    }

    record Pkce(String verifier, String challenge) {
        static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A token endpoint answer: the HTTP status and the JSON body. */
    record TokenResponse(int status, Map<String, Object> json) {
        String accessToken() {
            return (String) json.get("access_token");
        }

        String idToken() {
            return (String) json.get("id_token");
        }

        String refreshToken() {
            return (String) json.get("refresh_token");
        }

        String error() {
            return (String) json.get("error");
        }
    }

    /** GET the authorization endpoint for {@code hnsw-web} with a fresh state, nonce and PKCE S256 challenge. */
    Authorization authorize() {
        Pkce pkce = Pkce.create();
        String state = random();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", KeycloakServer.WEB_CLIENT_ID);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", REDIRECT_URI);
        params.put("state", state);
        params.put("nonce", random());
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        URI uri = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + form(params));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET().build());
        return new Authorization(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), pkce, state);
    }

    /** An authorization request as a careless client would send it: no PKCE challenge. */
    Authorization authorizeWithoutPkce() {
        String state = random();
        URI uri = URI.create(keycloak.issuer() + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", KeycloakServer.WEB_CLIENT_ID, "response_type", "code", "scope", "openid",
                "redirect_uri", REDIRECT_URI, "state", state)));
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET().build());
        return new Authorization(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), null, state);
    }

    /** Fills in and posts the login form that {@code page} shows. */
    Authorization submitLogin(Authorization page, String username, String password) {
        return submitLogin(page, username, password, false);
    }

    /** Fills in and posts the login form, ticking remember me (记住我) when asked, as the checkbox posts it. */
    Authorization submitLogin(Authorization page, String username, String password, boolean rememberMe) {
        String action = loginFormAction(page.body());
        Map<String, String> fields = new LinkedHashMap<>(Map.of(
                "username", username, "password", password, "credentialId", ""));
        if (rememberMe) {
            fields.put("rememberMe", "on");
        }
        HttpRequest post = HttpRequest.newBuilder(URI.create(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
        HttpResponse<String> r = send(post);
        return new Authorization(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body(), page.pkce(),
                page.state());
    }

    /** Exchanges the code of {@code authorization} at the token endpoint, proving possession of the PKCE verifier. */
    TokenResponse exchange(Authorization authorization) {
        return exchange(authorization, authorization.pkce().verifier());
    }

    /** Exchanges a code with the given verifier (a wrong one must be refused). */
    TokenResponse exchange(Authorization authorization, String verifier) {
        String code = authorization.code().orElseThrow(() -> new AssertionError(
                "no code in redirect " + authorization.location() + " (status " + authorization.status() + ")"));
        return tokenRequest(keycloak.issuer(), Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT_URI,
                "client_id", KeycloakServer.WEB_CLIENT_ID,
                "code_verifier", verifier), null);
    }

    /** The whole browser login: authorization request, login form, token exchange. */
    TokenResponse signIn(String username, String password) {
        Authorization page = authorize();
        if (!page.showsLoginForm()) {
            throw new AssertionError("expected the login form, got status " + page.status() + " location " + page.location());
        }
        Authorization result = submitLogin(page, username, password);
        return exchange(result);
    }

    /** RP-initiated logout with {@code id_token_hint}, as the web app does it. */
    HttpResponse<String> logout(String idToken) {
        URI uri = URI.create(keycloak.issuer() + "/protocol/openid-connect/logout?" + form(Map.of(
                "id_token_hint", idToken,
                "client_id", KeycloakServer.WEB_CLIENT_ID,
                "post_logout_redirect_uri", POST_LOGOUT_REDIRECT_URI)));
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    TokenResponse refresh(String refreshToken) {
        return tokenRequest(keycloak.issuer(), Map.of(
                "grant_type", "refresh_token",
                "refresh_token", refreshToken,
                "client_id", KeycloakServer.WEB_CLIENT_ID), null);
    }

    /** Client-credentials grant with HTTP Basic client authentication, as a service or partner system does it. */
    TokenResponse clientCredentials(String tokenBaseUrl, String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString(
                (urlEncode(clientId) + ":" + urlEncode(secret)).getBytes(StandardCharsets.UTF_8));
        return tokenRequest(tokenBaseUrl, Map.of("grant_type", "client_credentials"), "Basic " + basic);
    }

    /** A master-realm token of the bootstrap administrator, for the admin REST API. */
    String adminToken() {
        TokenResponse r = tokenRequest(keycloak.issuer("master"), Map.of(
                "grant_type", "password", "client_id", "admin-cli",
                "username", KeycloakServer.ADMIN_USERNAME, "password", KeycloakServer.ADMIN_PASSWORD), null);
        if (r.status() != 200) {
            throw new AssertionError("admin login failed: " + r.json());
        }
        return r.accessToken();
    }

    /** GET on the admin REST API of the platform realm, e.g. {@code events?type=LOGIN}. */
    List<Map<String, Object>> adminGetList(String pathAndQuery) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM
                        + "/" + pathAndQuery))
                .header("Authorization", "Bearer " + adminToken())
                .GET().build();
        HttpResponse<String> r = send(get);
        if (r.statusCode() != 200) {
            throw new AssertionError("admin GET " + pathAndQuery + " answered " + r.statusCode() + ": " + r.body());
        }
        try {
            return JSON.readValue(r.body(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
    }

    static Map<String, Object> json(String body) {
        try {
            return JSON.readValue(body, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decoded payload of a JWT, without any verification (the tests verify with Spring's decoder separately). */
    static Map<String, Object> payload(String jwt) {
        String[] parts = jwt.split("\\.");
        return json(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private TokenResponse tokenRequest(String issuer, Map<String, String> params, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<String> r = send(b.build());
        return new TokenResponse(r.statusCode(), r.body().isBlank() ? Map.of() : json(r.body()));
    }

    private static String loginFormAction(String html) {
        Matcher form = LOGIN_FORM.matcher(html == null ? "" : html);
        if (!form.find()) {
            throw new AssertionError("no login form in page");
        }
        Matcher action = ACTION.matcher(form.group());
        if (!action.find()) {
            throw new AssertionError("login form without action: " + form.group());
        }
        return action.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> result = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(name, value);
        }
        return result;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
