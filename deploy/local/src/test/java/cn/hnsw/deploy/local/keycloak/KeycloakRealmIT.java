package cn.hnsw.deploy.local.keycloak;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.deploy.local.keycloak.OidcTestClient.Authorization;
import cn.hnsw.deploy.local.keycloak.OidcTestClient.TokenResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The platform realm on the real Keycloak: browser sign-in with PKCE, SSO, logout, service and partner clients, login
 * events. Tokens are checked the way services check them: Spring's {@link NimbusJwtDecoder} against the realm's JWKS
 * with the issuer and audience validators, then read through common-lib's {@link CurrentActor}.
 */
class KeycloakRealmIT {

    static final String PASSWORD = "Hnsw@2026";
    static final String ENTERPRISE_A = "91460106MA5T8K3R0A";
    static final String ENTERPRISE_B = "91460400MA5TA2QX8U";

    private static KeycloakServer keycloak;
    private static JwtDecoder services;

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakTestServer.shared();
        services = serviceDecoder(keycloak.issuer());
    }

    /** What a service builds from {@code issuer-uri} and {@code audiences: hnsw-api}. */
    static JwtDecoder serviceDecoder(String issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                        aud -> aud != null && aud.contains(KeycloakServer.API_AUDIENCE))));
        return decoder;
    }

    @Test
    void issuerIsFixedToLocalhostEvenWhenAskedThroughTheLoopbackAddress() {
        OidcTestClient client = new OidcTestClient(keycloak);
        String viaAddress = "http://127.0.0.1:" + keycloak.port() + "/realms/hnsw/.well-known/openid-configuration";

        Map<String, Object> discovery = OidcTestClient.json(client.get(viaAddress).body());

        assertThat(keycloak.issuer()).isEqualTo("http://localhost:" + keycloak.port() + "/realms/hnsw");
        assertThat(discovery.get("issuer")).isEqualTo(keycloak.issuer());
        assertThat(client.get(keycloak.healthUrl()).statusCode()).isEqualTo(200);
        assertThat(client.get(keycloak.baseUrl() + "/admin/master/console/").statusCode()).isEqualTo(200);
    }

    @Test
    void enterpriseUserSignsInWithPkceAndServicesReadTheirClaims() {
        OidcTestClient browser = new OidcTestClient(keycloak);
        Authorization page = browser.authorize();
        assertThat(page.showsLoginForm()).as("login form").isTrue();
        assertThat(page.body()).as("Chinese first").contains("lang=\"zh-CN\"");

        Authorization redirect = browser.submitLogin(page, "declarant", PASSWORD);

        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.redirectParameters())
                .containsEntry("state", page.state())
                .containsEntry("iss", keycloak.issuer())
                .containsKey("code");
        TokenResponse tokens = browser.exchange(redirect);
        assertThat(tokens.status()).as("token exchange %s", tokens.json()).isEqualTo(200);

        Jwt jwt = services.decode(tokens.accessToken());
        assertThat(jwt.getClaimAsString(JwtClaimNames.ISS)).isEqualTo(keycloak.issuer());
        assertThat(jwt.getAudience()).contains(KeycloakServer.API_AUDIENCE);
        assertThat(jwt.getClaimAsString("azp")).isEqualTo(KeycloakServer.WEB_CLIENT_ID);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
        assertThat(jwt.getClaimAsString("enterprise_name")).isEqualTo("海南椰风国际贸易有限公司");

        CurrentActor actor = CurrentActor.from(jwt);
        assertThat(actor.username()).isEqualTo("declarant");
        assertThat(actor.displayName()).isEqualTo("王芳");
        assertThat(actor.roles()).contains(Roles.ENTERPRISE_DECLARANT);
        assertThat(actor.isEnterpriseUser()).isTrue();
        assertThat(actor.enterprise()).isEqualTo(ENTERPRISE_A);
        assertThat(actor.organizations()).containsExactly("/enterprises/" + ENTERPRISE_A);
        assertThat(actor.sessionId()).isNotBlank();
    }

    @Test
    void theTokenSaysWhetherTheUserTickedRememberMeAndRenewalsKeepIt() {
        // Ticked: the realm's own mapper (providers/, hnsw-remember-me-mapper) writes remember_me = true, and the
        // low-altitude reporting service exempts the session from its idle timeout (LowAltitudeReportingIT).
        OidcTestClient remembering = new OidcTestClient(keycloak);
        Authorization page = remembering.authorize();
        assertThat(page.body()).as("the login form offers remember me").contains("name=\"rememberMe\"");
        TokenResponse remembered = remembering.exchange(remembering.submitLogin(page, "declarant2", PASSWORD, true));
        assertThat(remembered.status()).as("token exchange %s", remembered.json()).isEqualTo(200);
        Jwt rememberedJwt = services.decode(remembered.accessToken());
        assertThat(rememberedJwt.getClaimAsBoolean("remember_me")).isTrue();
        TokenResponse renewed = remembering.refresh(remembered.refreshToken());
        assertThat(renewed.status()).isEqualTo(200);
        Jwt renewedJwt = services.decode(renewed.accessToken());
        assertThat(renewedJwt.getClaimAsBoolean("remember_me")).isTrue();
        assertThat(renewedJwt.getClaimAsString("sid")).isEqualTo(rememberedJwt.getClaimAsString("sid"));

        // Not ticked: false, never absent, so a service can tell the two apart.
        OidcTestClient plain = new OidcTestClient(keycloak);
        Jwt plainJwt = services.decode(plain.signIn("declarant2", PASSWORD).accessToken());
        assertThat(plainJwt.getClaims()).containsEntry("remember_me", false);
        assertThat(plainJwt.getClaimAsString("sid")).isNotEqualTo(rememberedJwt.getClaimAsString("sid"));
    }

    @Test
    void servicesRefuseAForgedTokenAndAnIdToken() {
        TokenResponse tokens = new OidcTestClient(keycloak).signIn("declarant2", PASSWORD);
        assertThat(services.decode(tokens.accessToken()).getClaimAsString("enterprise")).isEqualTo(ENTERPRISE_B);

        // same signature, another enterprise in the payload: the JWKS check must catch it
        String[] parts = tokens.accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace(ENTERPRISE_B, ENTERPRISE_A);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThatThrownBy(() -> services.decode(forged)).isInstanceOf(JwtException.class);

        // the ID token is for the web app (aud hnsw-web), not for the API
        assertThat(OidcTestClient.payload(tokens.idToken()).get("aud")).isEqualTo(KeycloakServer.WEB_CLIENT_ID);
        assertThatThrownBy(() -> services.decode(tokens.idToken())).isInstanceOf(JwtException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "traveler,         traveler,             -,                                                  -",
            "declarant,        enterprise-declarant, /enterprises/91460106MA5T8K3R0A,                    91460106MA5T8K3R0A",
            "ent-admin,        enterprise-admin,     /enterprises/91460106MA5T8K3R0A,                    91460106MA5T8K3R0A",
            "declarant2,       enterprise-declarant, /enterprises/91460400MA5TA2QX8U,                    91460400MA5TA2QX8U",
            "customs-officer,  customs-officer,      /customs/haikou-customs/haikou-port-customs,        -",
            "customs-reviewer, customs-reviewer,     /customs/haikou-customs/haikou-port-customs,        -",
            "customs-finance,  customs-finance,      /customs/haikou-customs,                            -",
            "maritime-officer, maritime-officer,     /maritime/hainan-msa,                               -",
            "border-officer,   border-officer,       /border/hainan-border-station,                      -",
            "county-unit,      gov-county-unit,      /government/county/haikou-longhua/commerce-bureau,  -",
            "county-gov,       gov-county,           /government/county/haikou-longhua,                  -",
            "prov-dept,        gov-provincial-dept,  /government/provincial/commerce,                    -",
            "province,         gov-province,         /government/province,                               -",
            "sw-operator,      sw-operator,          /single-window/operations,                          -",
            "platform-admin,   platform-admin,       /single-window/operations,                          -"})
    void everyDemoUserSignsInWithTheirRoleOrganisationAndEnterprise(String username, String role, String organization,
                                                                    String enterprise) {
        TokenResponse tokens = new OidcTestClient(keycloak).signIn(username, PASSWORD);
        assertThat(tokens.status()).as("sign-in of %s: %s", username, tokens.json()).isEqualTo(200);

        CurrentActor actor = CurrentActor.from(services.decode(tokens.accessToken()));

        Set<String> platformRoles = new HashSet<>(actor.roles());
        platformRoles.retainAll(Roles.ALL);
        assertThat(platformRoles).containsExactly(role);
        assertThat(actor.organizations()).isEqualTo(organization == null ? List.of() : List.of(organization));
        assertThat(actor.enterprise()).isEqualTo(enterprise);
        assertThat(actor.displayName()).as("Chinese full name").matches("\\p{IsHan}{2,4}");
    }

    @Test
    void wrongPasswordShowsTheFormAgainWithoutACode() {
        OidcTestClient browser = new OidcTestClient(keycloak);
        Authorization page = browser.authorize();

        Authorization refused = browser.submitLogin(page, "traveler", "Wrong@2026");

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.location()).isNull();
        assertThat(refused.showsLoginForm()).isTrue();
        assertThat(refused.body()).contains("input-error");

        // the same form then accepts the right password (and resets the brute-force counter)
        Authorization accepted = browser.submitLogin(refused, "traveler", PASSWORD);
        assertThat(accepted.code()).as("status %s, location %s, page %s", accepted.status(), accepted.location(),
                accepted.body() == null ? null : accepted.body().replaceAll("(?s)<script.*?</script>|<[^>]+>", " ")
                        .replaceAll("\\s+", " ").strip())
                .isPresent();
    }

    @Test
    void webClientRequiresPkce() {
        Authorization withoutPkce = new OidcTestClient(keycloak).authorizeWithoutPkce();

        assertThat(withoutPkce.status()).isEqualTo(302);
        assertThat(withoutPkce.redirectParameters()).containsEntry("error", "invalid_request").doesNotContainKey("code");
    }

    @Test
    void secondAuthorizationIsSingleSignOnAndLogoutEndsTheSession() {
        OidcTestClient browser = new OidcTestClient(keycloak);
        TokenResponse first = browser.signIn("county-gov", PASSWORD);
        String sid = services.decode(first.accessToken()).getClaimAsString("sid");

        Authorization again = browser.authorize();
        assertThat(again.showsLoginForm()).as("SSO: no login form").isFalse();
        assertThat(again.code()).isPresent();
        assertThat(browser.exchange(again, "a-verifier-that-does-not-match-the-challenge-at-all").status())
                .as("code with a wrong PKCE verifier").isEqualTo(400);

        Authorization third = browser.authorize();
        TokenResponse second = browser.exchange(third);
        assertThat(services.decode(second.accessToken()).getClaimAsString("sid")).isEqualTo(sid);

        HttpResponse<String> logout = browser.logout(first.idToken());
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(OidcTestClient.POST_LOGOUT_REDIRECT_URI);

        assertThat(browser.authorize().showsLoginForm()).as("login form after logout").isTrue();
        TokenResponse refreshed = browser.refresh(second.refreshToken());
        assertThat(refreshed.status()).isEqualTo(400);
        assertThat(refreshed.error()).isEqualTo("invalid_grant");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "hnsw-svc-passenger,       internal-service",
            "hnsw-svc-simulators,      internal-service",
            "partner-gate-xinhai,      partner-gate",
            "partner-ticketing-xinhai, partner-ticketing",
            "partner-bank-boc-hainan,  partner-bank",
            "partner-ais-feeder,       partner-ais"})
    void serviceAndPartnerClientsGetTokensWithTheirRole(String clientId, String role) {
        // a service may reach Keycloak through 127.0.0.1: the issuer in the token is still localhost
        String viaAddress = "http://127.0.0.1:" + keycloak.port() + "/realms/hnsw";

        TokenResponse tokens = new OidcTestClient(keycloak).clientCredentials(viaAddress, clientId, clientId + "-local-secret");

        assertThat(tokens.status()).as("%s", tokens.json()).isEqualTo(200);
        Jwt jwt = services.decode(tokens.accessToken());
        assertThat(jwt.getAudience()).contains(KeycloakServer.API_AUDIENCE);
        assertThat(jwt.getClaimAsString("azp")).isEqualTo(clientId);
        CurrentActor actor = CurrentActor.from(jwt);
        assertThat(actor.roles()).contains(role);
        assertThat(actor.username()).isEqualTo("service-account-" + clientId);
        assertThat(actor.enterprise()).isNull();
    }

    @Test
    void wrongClientSecretIsRefused() {
        TokenResponse refused = new OidcTestClient(keycloak)
                .clientCredentials(keycloak.issuer(), "partner-gate-xinhai", "not-the-secret");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.accessToken()).isNull();
    }

    @Test
    void signInsSignInFailuresAndLogoutsAreKeptAsEvents() {
        OidcTestClient browser = new OidcTestClient(keycloak);
        browser.submitLogin(browser.authorize(), "sw-operator", "Wrong@2026");
        TokenResponse tokens = browser.signIn("sw-operator", PASSWORD);
        String userId = services.decode(tokens.accessToken()).getSubject();
        browser.logout(tokens.idToken());

        List<Map<String, Object>> events = browser.adminGetList("events?user=" + userId + "&max=50");

        assertThat(events).extracting(e -> e.get("type"))
                .contains("LOGIN", "LOGIN_ERROR", "LOGOUT");
        assertThat(events).filteredOn(e -> "LOGIN".equals(e.get("type")))
                .allSatisfy(e -> assertThat(e.get("clientId")).isEqualTo(KeycloakServer.WEB_CLIENT_ID));
    }
}
