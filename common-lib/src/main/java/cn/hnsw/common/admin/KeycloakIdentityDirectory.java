package cn.hnsw.common.admin;

import cn.hnsw.common.partner.PartnerUnavailableException;
import cn.hnsw.common.partner.ServiceTokenProvider;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@link IdentityDirectory} on Keycloak's Admin REST API ({@code /admin/realms/{realm}/...}), called with the
 * service's admin client (client credentials; its service account holds the realm-management roles
 * {@code view-users, manage-users, query-groups, view-realm, manage-realm, view-events}).
 * <p>
 * A user is changed by reading its whole representation and writing it back: since Keycloak 24 a partial
 * representation would drop the user-profile attributes it leaves out (the enterprise claim, the locale).
 * The platform's own roles ({@link Roles#ALL}) are read-only here; roles created through the admin carry the
 * attribute {@value #MANAGED_ATTRIBUTE} and are the only ones it changes or deletes.
 */
public class KeycloakIdentityDirectory implements IdentityDirectory {

    static final String MANAGED_ATTRIBUTE = "hnswManaged";
    private static final Logger log = LoggerFactory.getLogger(KeycloakIdentityDirectory.class);
    private static final List<String> LOGIN_EVENT_TYPES = List.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR",
            "CLIENT_LOGIN_ERROR");

    private final String adminBase;
    private final ServiceTokenProvider token;
    private final HttpClient http;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public KeycloakIdentityDirectory(String serverUrl, String realm, ServiceTokenProvider token, HttpClient http,
                                     Duration timeout) {
        this.adminBase = strip(serverUrl) + "/admin/realms/" + enc(realm);
        this.token = token;
        this.http = http;
        this.timeout = timeout;
    }

    // ---------------------------------------------------------------- users

    @Override
    public PageResponse<DirectoryUser> users(String search, Boolean enabled, PageQuery page) {
        StringBuilder filter = new StringBuilder();
        if (search != null && !search.isBlank()) {
            filter.append("&search=").append(enc(search.trim()));
        }
        if (enabled != null) {
            filter.append("&enabled=").append(enabled);
        }
        JsonNode list = get("/users?briefRepresentation=true&first=" + page.offset() + "&max=" + page.size() + filter);
        long total = get("/users/count?" + (filter.isEmpty() ? "" : filter.substring(1))).asLong();
        Set<String> manageable = manageableRoles().keySet();
        List<DirectoryUser> users = new ArrayList<>();
        for (JsonNode u : list) {
            users.add(toUser(u, realmRoles(u.path("id").asText(), manageable), List.of()));
        }
        return PageResponse.of(users, page, total);
    }

    @Override
    public DirectoryUser user(String id) {
        JsonNode u = userRep(id);
        List<OrganisationRef> groups = new ArrayList<>();
        for (JsonNode g : get("/users/" + enc(id) + "/groups?briefRepresentation=true&max=100")) {
            groups.add(new OrganisationRef(g.path("id").asText(), g.path("path").asText()));
        }
        return toUser(u, realmRoles(id, manageableRoles().keySet()), groups);
    }

    @Override
    public DirectoryUser createUser(UserDraft draft) {
        ObjectNode rep = json.createObjectNode()
                .put("username", draft.username())
                .put("firstName", draft.name())
                .put("email", draft.email())
                .put("enabled", true)
                .put("emailVerified", true);
        rep.putObject("attributes").putArray("locale").add("zh-CN");
        ArrayNode credentials = rep.putArray("credentials");
        credentials.addObject().put("type", "password").put("value", draft.password()).put("temporary", true);
        HttpResponse<String> created = send("POST", "/users", rep);
        if (created.statusCode() == 409) {
            throw new HnswException(AdminErrorCode.USER_EXISTS, draft.username());
        }
        refuseBadPassword(created);
        expect(created, 201);
        String id = idFromLocation(created);
        try {
            setRoles(id, draft.roles() == null ? List.of() : draft.roles());
            setOrganisations(id, draft.organisationIds() == null ? List.of() : draft.organisationIds());
        } catch (RuntimeException e) {
            // a half-made user must not stay behind with no roles or the wrong organisation
            send("DELETE", "/users/" + enc(id), null);
            throw e;
        }
        return user(id);
    }

    @Override
    public DirectoryUser updateUser(String id, UserChange change) {
        ObjectNode rep = (ObjectNode) userRep(id);
        rep.put("firstName", change.name());
        rep.put("email", change.email());
        HttpResponse<String> r = send("PUT", "/users/" + enc(id), rep);
        if (r.statusCode() == 409) {
            throw new HnswException(AdminErrorCode.USER_EXISTS, change.email());
        }
        expect(r, 204);
        return user(id);
    }

    @Override
    public void setEnabled(String id, boolean enabled) {
        ObjectNode rep = (ObjectNode) userRep(id);
        rep.put("enabled", enabled);
        expect(send("PUT", "/users/" + enc(id), rep), 204);
    }

    @Override
    public void resetPassword(String id, String password, boolean temporary) {
        userRep(id);
        ObjectNode credential = json.createObjectNode().put("type", "password").put("value", password)
                .put("temporary", temporary);
        HttpResponse<String> r = send("PUT", "/users/" + enc(id) + "/reset-password", credential);
        refuseBadPassword(r);
        expect(r, 204);
    }

    @Override
    public void setRoles(String id, List<String> roles) {
        userRep(id);
        Map<String, JsonNode> manageable = manageableRoles();
        for (String r : roles) {
            if (!manageable.containsKey(r)) {
                throw new HnswException(AdminErrorCode.ROLE_NOT_FOUND, r);
            }
        }
        Set<String> current = new HashSet<>(realmRoles(id, manageable.keySet()));
        ArrayNode add = json.createArrayNode();
        ArrayNode remove = json.createArrayNode();
        manageable.forEach((name, role) -> {
            ObjectNode ref = json.createObjectNode().put("id", role.path("id").asText()).put("name", name);
            if (roles.contains(name) && !current.contains(name)) {
                add.add(ref);
            } else if (!roles.contains(name) && current.contains(name)) {
                remove.add(ref);
            }
        });
        if (!add.isEmpty()) {
            expect(send("POST", "/users/" + enc(id) + "/role-mappings/realm", add), 204);
        }
        if (!remove.isEmpty()) {
            expect(send("DELETE", "/users/" + enc(id) + "/role-mappings/realm", remove), 204);
        }
    }

    @Override
    public void setOrganisations(String id, List<String> organisationIds) {
        userRep(id);
        Set<String> current = new HashSet<>();
        get("/users/" + enc(id) + "/groups?briefRepresentation=true&max=100").forEach(g -> current.add(g.path("id").asText()));
        for (String g : organisationIds) {
            groupRep(g);
        }
        for (String g : organisationIds) {
            if (!current.contains(g)) {
                expect(send("PUT", "/users/" + enc(id) + "/groups/" + enc(g), null), 204);
            }
        }
        for (String g : current) {
            if (!organisationIds.contains(g)) {
                expect(send("DELETE", "/users/" + enc(id) + "/groups/" + enc(g), null), 204);
            }
        }
    }

    @Override
    public void deleteUser(String id) {
        userRep(id);
        expect(send("DELETE", "/users/" + enc(id), null), 204);
    }

    // ---------------------------------------------------------------- roles

    @Override
    public List<DirectoryRole> roles() {
        List<DirectoryRole> roles = new ArrayList<>();
        manageableRoles().values().forEach(role -> roles.add(toRole(role)));
        roles.sort(Comparator.comparing((DirectoryRole r) -> !r.builtIn())
                .thenComparing(r -> r.builtIn() ? Roles.ALL.indexOf(r.name()) : 0)
                .thenComparing(DirectoryRole::name));
        return roles;
    }

    @Override
    public DirectoryRole createRole(RoleDraft draft) {
        ObjectNode rep = json.createObjectNode().put("name", draft.name())
                .put("description", draft.nameZh() + " / " + draft.nameEn());
        ObjectNode attributes = rep.putObject("attributes");
        attributes.putArray(MANAGED_ATTRIBUTE).add("true");
        attributes.putArray("nameZh").add(draft.nameZh());
        attributes.putArray("nameEn").add(draft.nameEn());
        HttpResponse<String> r = send("POST", "/roles", rep);
        if (r.statusCode() == 409) {
            throw new HnswException(AdminErrorCode.ROLE_EXISTS, draft.name());
        }
        expect(r, 201);
        return toRole(roleRep(draft.name()));
    }

    @Override
    public DirectoryRole updateRole(String name, RoleDraft draft) {
        ObjectNode rep = (ObjectNode) managedRole(name);
        rep.put("description", draft.nameZh() + " / " + draft.nameEn());
        ObjectNode attributes = rep.with("attributes");
        attributes.putArray("nameZh").add(draft.nameZh());
        attributes.putArray("nameEn").add(draft.nameEn());
        expect(send("PUT", "/roles/" + enc(name), rep), 204);
        return toRole(roleRep(name));
    }

    @Override
    public void deleteRole(String name) {
        managedRole(name);
        if (!get("/roles/" + enc(name) + "/users?first=0&max=1&briefRepresentation=true").isEmpty()) {
            throw new HnswException(AdminErrorCode.ROLE_IN_USE, name);
        }
        expect(send("DELETE", "/roles/" + enc(name), null), 204);
    }

    /** The actor roles and those created through the admin, by name; Keycloak's and machine roles are left out. */
    private Map<String, JsonNode> manageableRoles() {
        Map<String, JsonNode> manageable = new LinkedHashMap<>();
        for (JsonNode role : get("/roles?briefRepresentation=false&first=0&max=1000")) {
            if (isManageable(role)) {
                manageable.put(role.path("name").asText(), role);
            }
        }
        return manageable;
    }

    private JsonNode managedRole(String name) {
        JsonNode role = roleRep(name);
        if (Roles.ALL.contains(name) || !isManageable(role)) {
            throw new HnswException(AdminErrorCode.ROLE_BUILT_IN, name);
        }
        return role;
    }

    private JsonNode roleRep(String name) {
        HttpResponse<String> r = send("GET", "/roles/" + enc(name), null);
        if (r.statusCode() == 404) {
            throw new HnswException(AdminErrorCode.ROLE_NOT_FOUND, name);
        }
        return body(expect(r, 200));
    }

    private static boolean isManageable(JsonNode role) {
        return Roles.ALL.contains(role.path("name").asText())
                || "true".equals(role.path("attributes").path(MANAGED_ATTRIBUTE).path(0).asText());
    }

    private static DirectoryRole toRole(JsonNode role) {
        String name = role.path("name").asText();
        String description = role.path("description").asText("");
        String zh = role.path("attributes").path("nameZh").path(0).asText(null);
        String en = role.path("attributes").path("nameEn").path(0).asText(null);
        if (zh == null) {
            // the realm file writes "中文说明 / English description"; the short name is the part before the colon
            String[] halves = description.split(" / ", 2);
            zh = halves[0].split("[：:]", 2)[0];
            en = halves.length > 1 ? halves[1].split(":", 2)[0] : name;
        }
        return new DirectoryRole(name, zh, en, description, Roles.ALL.contains(name));
    }

    // ---------------------------------------------------------------- organisations

    @Override
    public List<OrganisationUnit> organisations() {
        List<OrganisationUnit> roots = new ArrayList<>();
        for (JsonNode g : get("/groups?briefRepresentation=false&first=0&max=1000")) {
            roots.add(toUnit(g));
        }
        roots.sort(Comparator.comparing(OrganisationUnit::name));
        return roots;
    }

    private OrganisationUnit toUnit(JsonNode g) {
        List<OrganisationUnit> children = new ArrayList<>();
        JsonNode sub = g.path("subGroups");
        if (sub.isEmpty() && g.path("subGroupCount").asLong(0) > 0) {
            sub = get("/groups/" + enc(g.path("id").asText()) + "/children?briefRepresentation=false&first=0&max=1000");
        }
        for (JsonNode c : sub) {
            children.add(toUnit(c));
        }
        children.sort(Comparator.comparing(OrganisationUnit::name));
        JsonNode a = g.path("attributes");
        return new OrganisationUnit(g.path("id").asText(), g.path("name").asText(), g.path("path").asText(),
                a.path("nameZh").path(0).asText(g.path("name").asText()),
                a.path("nameEn").path(0).asText(g.path("name").asText()), children);
    }

    @Override
    public OrganisationUnit createOrganisation(String parentId, OrganisationDraft draft) {
        ObjectNode rep = json.createObjectNode().put("name", draft.name());
        ObjectNode attributes = rep.putObject("attributes");
        attributes.putArray("nameZh").add(draft.nameZh());
        attributes.putArray("nameEn").add(draft.nameEn());
        String path = "/groups";
        if (parentId != null && !parentId.isBlank()) {
            groupRep(parentId);
            path = "/groups/" + enc(parentId) + "/children";
        }
        HttpResponse<String> r = send("POST", path, rep);
        if (r.statusCode() == 409) {
            throw new HnswException(AdminErrorCode.ORGANISATION_EXISTS, draft.name());
        }
        expect(r, 201);
        return toUnit(groupRep(idFromLocation(r)));
    }

    @Override
    public OrganisationUnit updateOrganisation(String id, OrganisationDraft draft) {
        ObjectNode rep = (ObjectNode) groupRep(id);
        // the name is the last segment of the path that tokens carry in the organisation claim: it stays
        ObjectNode attributes = rep.with("attributes");
        attributes.putArray("nameZh").add(draft.nameZh());
        attributes.putArray("nameEn").add(draft.nameEn());
        rep.remove("subGroups");
        expect(send("PUT", "/groups/" + enc(id), rep), 204);
        return toUnit(groupRep(id));
    }

    @Override
    public void deleteOrganisation(String id) {
        JsonNode g = groupRep(id);
        boolean children = g.path("subGroupCount").asLong(0) > 0 || !g.path("subGroups").isEmpty()
                || !get("/groups/" + enc(id) + "/children?briefRepresentation=true&first=0&max=1").isEmpty();
        if (children || !get("/groups/" + enc(id) + "/members?briefRepresentation=true&first=0&max=1").isEmpty()) {
            throw new HnswException(AdminErrorCode.ORGANISATION_NOT_EMPTY);
        }
        expect(send("DELETE", "/groups/" + enc(id), null), 204);
    }

    private JsonNode groupRep(String id) {
        HttpResponse<String> r = send("GET", "/groups/" + enc(id), null);
        if (r.statusCode() == 404) {
            throw new HnswException(AdminErrorCode.ORGANISATION_NOT_FOUND);
        }
        return body(expect(r, 200));
    }

    // ---------------------------------------------------------------- events

    @Override
    public List<DirectoryLoginEvent> loginEvents(Instant from, int first, int max) {
        StringBuilder q = new StringBuilder("/events?direction=asc&first=").append(first).append("&max=").append(max)
                .append("&dateFrom=").append(from.toEpochMilli());
        LOGIN_EVENT_TYPES.forEach(t -> q.append("&type=").append(t));
        List<DirectoryLoginEvent> events = new ArrayList<>();
        for (JsonNode e : get(q.toString())) {
            JsonNode details = e.path("details");
            events.add(new DirectoryLoginEvent(e.path("id").asText(null), Instant.ofEpochMilli(e.path("time").asLong()),
                    e.path("type").asText(), e.path("userId").asText(null), details.path("username").asText(null),
                    e.path("clientId").asText(null), e.path("sessionId").asText(null),
                    e.path("ipAddress").asText(null), e.path("error").asText(null)));
        }
        return events;
    }

    // ---------------------------------------------------------------- plumbing

    private JsonNode userRep(String id) {
        HttpResponse<String> r = send("GET", "/users/" + enc(id), null);
        if (r.statusCode() == 404) {
            throw new HnswException(AdminErrorCode.USER_NOT_FOUND);
        }
        return body(expect(r, 200));
    }

    /** The user's directly mapped realm roles among {@code manageable}. */
    private List<String> realmRoles(String userId, Set<String> manageable) {
        List<String> roles = new ArrayList<>();
        for (JsonNode r : get("/users/" + enc(userId) + "/role-mappings/realm")) {
            if (manageable.contains(r.path("name").asText())) {
                roles.add(r.path("name").asText());
            }
        }
        roles.sort(Comparator.naturalOrder());
        return roles;
    }

    private static DirectoryUser toUser(JsonNode u, List<String> roles, List<OrganisationRef> groups) {
        long created = u.path("createdTimestamp").asLong(0);
        return new DirectoryUser(u.path("id").asText(), u.path("username").asText(),
                u.path("firstName").asText(u.path("username").asText()), u.path("email").asText(null),
                u.path("enabled").asBoolean(), created == 0 ? null : Instant.ofEpochMilli(created), roles, groups);
    }

    private void refuseBadPassword(HttpResponse<String> r) {
        if (r.statusCode() == 400) {
            JsonNode b = body(r);
            String reason = b.path("error_description").asText(b.path("errorMessage").asText(b.path("error").asText("")));
            throw new HnswException(AdminErrorCode.PASSWORD_REJECTED, reason);
        }
    }

    private JsonNode get(String path) {
        return body(expect(send("GET", path, null), 200));
    }

    private HttpResponse<String> send(String method, String path, JsonNode payload) {
        HttpResponse<String> r = sendOnce(method, path, payload);
        if (r.statusCode() == 401) {
            // the cached token may have been revoked or the realm keys rotated: one more try with a fresh token
            token.invalidate();
            r = sendOnce(method, path, payload);
        }
        return r;
    }

    private HttpResponse<String> sendOnce(String method, String path, JsonNode payload) {
        String bearer;
        try {
            bearer = token.token().orElseThrow(() -> new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE));
        } catch (PartnerUnavailableException e) {
            log.warn("event=directory-token-failed reason={}", e.getMessage());
            throw new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE);
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(adminBase + path)).timeout(timeout)
                .header("Authorization", "Bearer " + bearer).header("Accept", "application/json");
        try {
            if (payload == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload)));
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            log.warn("event=directory-unreachable method={} path={} reason={}", method, path, e.toString());
            throw new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE);
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> r, int status) {
        if (r.statusCode() == status) {
            return r;
        }
        String path = r.request().uri().getPath();
        if (r.statusCode() == 403) {
            // the admin client lacks a realm-management role: a deployment fault, not the officer's
            log.error("event=directory-forbidden path={} body={}", path, abbreviate(r.body()));
            throw new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE);
        }
        if (r.statusCode() == 400) {
            log.warn("event=directory-refused path={} body={}", path, abbreviate(r.body()));
            throw new HnswException(CommonErrorCode.MALFORMED_REQUEST, abbreviate(r.body()));
        }
        log.error("event=directory-error status={} path={} body={}", r.statusCode(), path, abbreviate(r.body()));
        throw new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE);
    }

    private JsonNode body(HttpResponse<String> r) {
        try {
            return r.body() == null || r.body().isBlank() ? json.createObjectNode() : json.readTree(r.body());
        } catch (IOException e) {
            throw new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE);
        }
    }

    private static String idFromLocation(HttpResponse<String> r) {
        String location = r.headers().firstValue("Location")
                .orElseThrow(() -> new HnswException(AdminErrorCode.DIRECTORY_UNAVAILABLE));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String abbreviate(String s) {
        return s == null || s.length() <= 300 ? s : s.substring(0, 300);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
