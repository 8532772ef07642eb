package cn.hnsw.deploy.local.keycloak;

import cn.hnsw.common.admin.AdminErrorCode;
import cn.hnsw.common.admin.IdentityDirectory.DirectoryLoginEvent;
import cn.hnsw.common.admin.IdentityDirectory.DirectoryRole;
import cn.hnsw.common.admin.IdentityDirectory.DirectoryUser;
import cn.hnsw.common.admin.IdentityDirectory.OrganisationDraft;
import cn.hnsw.common.admin.IdentityDirectory.OrganisationUnit;
import cn.hnsw.common.admin.IdentityDirectory.RoleDraft;
import cn.hnsw.common.admin.IdentityDirectory.UserChange;
import cn.hnsw.common.admin.IdentityDirectory.UserDraft;
import cn.hnsw.common.admin.KeycloakIdentityDirectory;
import cn.hnsw.common.partner.ClientCredentialsTokenProvider;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * common-lib's {@link KeycloakIdentityDirectory} (the shared system administration, passenger FP 85–97) against the
 * real Keycloak with the platform realm, signed in as the passenger service's admin client
 * {@code hnsw-admin-passenger}: users, roles, organisations and sign-in events, each with its refusals.
 */
class KeycloakIdentityDirectoryIT {

    private static final String PASSWORD = "Hnsw@2026";
    private static KeycloakServer keycloak;
    private static KeycloakIdentityDirectory directory;
    private static ClientCredentialsTokenProvider adminToken;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakTestServer.shared();
        adminToken = new ClientCredentialsTokenProvider(URI.create(keycloak.issuer() + "/protocol/openid-connect/token"),
                "hnsw-admin-passenger", "hnsw-admin-passenger-local-secret", HTTP, Duration.ofSeconds(20),
                Clock.systemUTC());
        directory = new KeycloakIdentityDirectory(keycloak.baseUrl(), KeycloakServer.REALM, adminToken, HTTP,
                Duration.ofSeconds(20));
    }

    private static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime(), 36);
    }

    private static void refused(AdminErrorCode code, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(HnswException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }

    private static OrganisationUnit find(List<OrganisationUnit> units, String path) {
        return flatten(units).filter(u -> u.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no organisation " + path));
    }

    private static Stream<OrganisationUnit> flatten(List<OrganisationUnit> units) {
        return units.stream().flatMap(u -> Stream.concat(Stream.of(u), flatten(u.children())));
    }

    @Test
    void rolesAreThePlatformsActorRolesAndNeverTheMachineRoles() {
        List<DirectoryRole> roles = directory.roles();

        assertThat(roles).extracting(DirectoryRole::name).contains("traveler", "customs-officer", "sw-operator",
                "platform-admin").doesNotContain("internal-service", "partner-gate", "offline_access",
                "default-roles-hnsw");
        DirectoryRole officer = roles.stream().filter(r -> r.name().equals("customs-officer")).findFirst().orElseThrow();
        assertThat(officer.builtIn()).isTrue();
        assertThat(officer.nameZh()).isEqualTo("海关关员");
        refused(AdminErrorCode.ROLE_BUILT_IN, () -> directory.deleteRole("customs-officer"));
        refused(AdminErrorCode.ROLE_BUILT_IN, () -> directory.deleteRole("internal-service"));
        refused(AdminErrorCode.ROLE_NOT_FOUND, () -> directory.deleteRole("no-such-role"));
    }

    @Test
    void theOrganisationTreeIsTheRealmsGroupsWithTheirChineseNames() {
        List<OrganisationUnit> tree = directory.organisations();

        OrganisationUnit port = find(tree, "/customs/haikou-customs/haikou-port-customs");
        assertThat(port.nameZh()).isEqualTo("海口港海关");
        assertThat(find(tree, "/customs/haikou-customs").children()).extracting(OrganisationUnit::name)
                .contains("haikou-port-customs", "meilan-airport-customs", "basuo-customs");
    }

    @Test
    void anOfficerAccountIsCreatedSignsInIsReRoledMovedDisabledAndDeleted() throws Exception {
        List<OrganisationUnit> tree = directory.organisations();
        String port = find(tree, "/customs/haikou-customs/haikou-port-customs").id();
        String airport = find(tree, "/customs/haikou-customs/meilan-airport-customs").id();
        String username = unique("officer.");

        refused(AdminErrorCode.PASSWORD_REJECTED, () -> directory.createUser(new UserDraft(username, "陈海鸥",
                username + "@example.cn", "short", List.of("customs-officer"), List.of(port))));
        assertThat(directory.users(username, null, PageQuery.of(0, 20)).totalElements()).as("nothing made").isZero();
        refused(AdminErrorCode.ROLE_NOT_FOUND, () -> directory.createUser(new UserDraft(username, "陈海鸥",
                username + "@example.cn", "Temp@2026x", List.of("internal-service"), List.of(port))));
        assertThat(directory.users(username, null, PageQuery.of(0, 20)).totalElements()).as("rolled back").isZero();

        DirectoryUser created = directory.createUser(new UserDraft(username, "陈海鸥", username + "@example.cn",
                "Temp@2026x", List.of("customs-officer"), List.of(port)));
        assertThat(created.roles()).containsExactly("customs-officer");
        assertThat(created.organisations()).extracting(o -> o.path())
                .containsExactly("/customs/haikou-customs/haikou-port-customs");
        assertThat(created.enabled()).isTrue();
        refused(AdminErrorCode.USER_EXISTS, () -> directory.createUser(new UserDraft(username, "重名",
                unique("other.") + "@example.cn", "Temp@2026x", List.of("traveler"), List.of())));
        assertThat(directory.users(username, null, PageQuery.of(0, 20)).content()).extracting(DirectoryUser::username)
                .containsExactly(username);

        DirectoryUser renamed = directory.updateUser(created.id(), new UserChange("陈海鸥（美兰）", username + "@customs.example.cn"));
        assertThat(renamed.name()).isEqualTo("陈海鸥（美兰）");
        assertThat(adminGet("/users/" + created.id()).path("attributes").path("locale").path(0).asText())
                .as("a change keeps the user-profile attributes it does not name").isEqualTo("zh-CN");

        directory.resetPassword(created.id(), "Officer@2026", false);
        OidcTestClient browser = new OidcTestClient(keycloak);
        assertThat(browser.signIn(username, "Officer@2026").accessToken()).isNotNull();

        directory.setRoles(created.id(), List.of("customs-reviewer"));
        directory.setOrganisations(created.id(), List.of(airport));
        DirectoryUser moved = directory.user(created.id());
        assertThat(moved.roles()).containsExactly("customs-reviewer");
        assertThat(moved.organisations()).extracting(o -> o.path())
                .containsExactly("/customs/haikou-customs/meilan-airport-customs");
        refused(AdminErrorCode.ROLE_NOT_FOUND, () -> directory.setRoles(created.id(), List.of("partner-bank")));
        assertThat(directory.user(created.id()).roles()).containsExactly("customs-reviewer");

        directory.setEnabled(created.id(), false);
        assertThat(directory.user(created.id()).enabled()).isFalse();
        assertThat(directory.users(username, false, PageQuery.of(0, 20)).totalElements()).isEqualTo(1);
        OidcTestClient again = new OidcTestClient(keycloak);
        assertThat(again.submitLogin(again.authorize(), username, "Officer@2026").code())
                .as("a disabled account cannot sign in").isEmpty();

        directory.deleteUser(created.id());
        refused(AdminErrorCode.USER_NOT_FOUND, () -> directory.user(created.id()));
    }

    @Test
    void aRoleMadeHereIsChangedAndDeletedOnlyWhenNobodyHoldsIt() {
        String name = unique("passenger-auditor-");
        DirectoryRole role = directory.createRole(new RoleDraft(name, "旅检审计员", "Passenger auditor"));
        assertThat(role.builtIn()).isFalse();
        refused(AdminErrorCode.ROLE_EXISTS, () -> directory.createRole(new RoleDraft(name, "重复", "Duplicate")));
        assertThat(directory.updateRole(name, new RoleDraft(name, "旅检日志审计员", "Passenger log auditor")).nameZh())
                .isEqualTo("旅检日志审计员");
        assertThat(directory.roles()).extracting(DirectoryRole::name).contains(name);

        String username = unique("auditor.");
        DirectoryUser holder = directory.createUser(new UserDraft(username, "符晓", username + "@example.cn",
                "Temp@2026x", List.of(name), List.of()));
        assertThat(holder.roles()).containsExactly(name);
        refused(AdminErrorCode.ROLE_IN_USE, () -> directory.deleteRole(name));

        directory.deleteUser(holder.id());
        directory.deleteRole(name);
        assertThat(directory.roles()).extracting(DirectoryRole::name).doesNotContain(name);
    }

    @Test
    void anOrganisationIsAddedRenamedAndDeletedOnlyWhenEmpty() {
        String parent = find(directory.organisations(), "/customs/haikou-customs").id();
        String code = unique("xinhai-annex-");
        OrganisationUnit unit = directory.createOrganisation(parent, new OrganisationDraft(code, "新海港旅检分站", "Xinhai passenger annex"));
        assertThat(unit.path()).isEqualTo("/customs/haikou-customs/" + code);
        refused(AdminErrorCode.ORGANISATION_EXISTS, () -> directory.createOrganisation(parent,
                new OrganisationDraft(code, "重复", "Duplicate")));
        refused(AdminErrorCode.ORGANISATION_NOT_FOUND, () -> directory.createOrganisation("00000000-0000-0000-0000-000000000000",
                new OrganisationDraft(unique("x"), "无上级", "No parent")));

        OrganisationUnit renamed = directory.updateOrganisation(unit.id(), new OrganisationDraft(null, "新海港旅检一站", "Xinhai passenger station 1"));
        assertThat(renamed.nameZh()).isEqualTo("新海港旅检一站");
        assertThat(renamed.path()).as("the code, and so the token claim, stays").isEqualTo(unit.path());

        String username = unique("member.");
        DirectoryUser member = directory.createUser(new UserDraft(username, "吴静", username + "@example.cn",
                "Temp@2026x", List.of("customs-officer"), List.of(unit.id())));
        refused(AdminErrorCode.ORGANISATION_NOT_EMPTY, () -> directory.deleteOrganisation(unit.id()));
        refused(AdminErrorCode.ORGANISATION_NOT_EMPTY, () -> directory.deleteOrganisation(parent));

        directory.setOrganisations(member.id(), List.of());
        directory.deleteOrganisation(unit.id());
        assertThat(flatten(directory.organisations()).map(OrganisationUnit::id)).doesNotContain(unit.id());
        directory.deleteUser(member.id());
    }

    @Test
    void signInsAndFailedSignInsAreReadAsLoginEvents() {
        Instant from = Instant.now().minusSeconds(2);
        OidcTestClient browser = new OidcTestClient(keycloak);
        browser.submitLogin(browser.authorize(), "customs-finance", "Wrong@2026");
        assertThat(browser.signIn("customs-finance", PASSWORD).accessToken()).isNotNull();

        List<DirectoryLoginEvent> events = directory.loginEvents(from, 0, 100);

        assertThat(events).filteredOn(e -> "customs-finance".equals(e.username())).extracting(DirectoryLoginEvent::type)
                .contains("LOGIN", "LOGIN_ERROR");
        assertThat(events).filteredOn(e -> "LOGIN_ERROR".equals(e.type()) && "customs-finance".equals(e.username()))
                .allSatisfy(e -> assertThat(e.error()).isEqualTo("invalid_user_credentials"));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.id()).isNotBlank();
            assertThat(e.time()).isAfterOrEqualTo(from.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        });
        assertThat(events).extracting(DirectoryLoginEvent::time).isSorted();
    }

    private static JsonNode adminGet(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak.baseUrl() + "/admin/realms/hnsw" + path))
                .header("Authorization", "Bearer " + adminToken.token().orElseThrow()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }
}
