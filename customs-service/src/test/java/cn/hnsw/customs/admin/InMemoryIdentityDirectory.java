package cn.hnsw.customs.admin;

import cn.hnsw.common.admin.AdminErrorCode;
import cn.hnsw.common.admin.IdentityDirectory;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The identity directory of customs-service's tests (the same double as passenger-service's): Keycloak does not run in this JVM, so the admin API is
 * exercised against this double, which keeps the same refusals. The Keycloak implementation itself is tested
 * against the real Keycloak in deploy/local ({@code KeycloakIdentityDirectoryIT}).
 */
public final class InMemoryIdentityDirectory implements IdentityDirectory {

    private static final InMemoryIdentityDirectory SHARED = new InMemoryIdentityDirectory();

    private record StoredUser(String id, String username, String name, String email, boolean enabled, Instant createdAt,
                              List<String> roles, List<String> organisationIds) {
    }

    private record StoredGroup(String id, String parentId, String name, String nameZh, String nameEn) {
    }

    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final Map<String, DirectoryRole> customRoles = new LinkedHashMap<>();
    private final Map<String, StoredGroup> groups = new LinkedHashMap<>();
    private final List<DirectoryLoginEvent> events = new CopyOnWriteArrayList<>();

    private InMemoryIdentityDirectory() {
        group(null, "customs", "海关", "Customs");
        String district = group(groupId("/customs"), "haikou-customs", "海口海关", "Haikou Customs District");
        group(district, "haikou-port-customs", "海口港海关", "Haikou Port Customs");
        group(district, "meilan-airport-customs", "美兰机场海关", "Meilan Airport Customs");
        group(null, "single-window", "国际贸易单一窗口", "Single Window");
        group(groupId("/single-window"), "operations", "单一窗口运营中心", "Single Window Operations Centre");
    }

    public static InMemoryIdentityDirectory shared() {
        return SHARED;
    }

    /** A sign-in event as Keycloak would record it. */
    public void recordEvent(DirectoryLoginEvent event) {
        events.add(event);
    }

    public synchronized String groupId(String path) {
        return groups.values().stream().filter(g -> path(g).equals(path)).map(StoredGroup::id).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + path));
    }

    private String group(String parentId, String name, String zh, String en) {
        String id = UUID.randomUUID().toString();
        groups.put(id, new StoredGroup(id, parentId, name, zh, en));
        return id;
    }

    private String path(StoredGroup g) {
        return (g.parentId() == null ? "" : path(groups.get(g.parentId()))) + "/" + g.name();
    }

    @Override
    public synchronized PageResponse<DirectoryUser> users(String search, Boolean enabled, PageQuery page) {
        List<DirectoryUser> all = users.values().stream()
                .filter(u -> search == null || u.username().contains(search) || u.name().contains(search))
                .filter(u -> enabled == null || u.enabled() == enabled)
                .sorted(Comparator.comparing(StoredUser::username)).map(this::view).toList();
        int from = (int) Math.min(page.offset(), all.size());
        return PageResponse.of(all.subList(from, Math.min(all.size(), from + page.size())), page, all.size());
    }

    @Override
    public synchronized DirectoryUser user(String id) {
        return view(stored(id));
    }

    private StoredUser stored(String id) {
        StoredUser u = users.get(id);
        if (u == null) {
            throw new HnswException(AdminErrorCode.USER_NOT_FOUND);
        }
        return u;
    }

    private DirectoryUser view(StoredUser u) {
        return new DirectoryUser(u.id(), u.username(), u.name(), u.email(), u.enabled(), u.createdAt(),
                List.copyOf(u.roles()), u.organisationIds().stream().map(g -> new OrganisationRef(g, path(groups.get(g)))).toList());
    }

    @Override
    public synchronized DirectoryUser createUser(UserDraft draft) {
        if (users.values().stream().anyMatch(u -> u.username().equals(draft.username()))) {
            throw new HnswException(AdminErrorCode.USER_EXISTS, draft.username());
        }
        if (draft.password().length() < 8) {
            throw new HnswException(AdminErrorCode.PASSWORD_REJECTED, "invalidPasswordMinLengthMessage");
        }
        draft.roles().forEach(this::requireRole);
        draft.organisationIds().forEach(this::requireGroup);
        String id = UUID.randomUUID().toString();
        users.put(id, new StoredUser(id, draft.username(), draft.name(), draft.email(), true, Instant.now(),
                List.copyOf(draft.roles()), List.copyOf(draft.organisationIds())));
        return user(id);
    }

    /** Puts a user in place as the realm file does (no password rules): the accounts tests act on. */
    public synchronized void seed(String id, String username, String name, List<String> roles) {
        users.put(id, new StoredUser(id, username, name, username + "@example.cn", true, Instant.now(),
                List.copyOf(roles), List.of()));
    }

    @Override
    public synchronized DirectoryUser updateUser(String id, UserChange change) {
        StoredUser u = stored(id);
        users.put(id, new StoredUser(id, u.username(), change.name(), change.email(), u.enabled(), u.createdAt(),
                u.roles(), u.organisationIds()));
        return user(id);
    }

    @Override
    public synchronized void setEnabled(String id, boolean enabled) {
        StoredUser u = stored(id);
        users.put(id, new StoredUser(id, u.username(), u.name(), u.email(), enabled, u.createdAt(), u.roles(),
                u.organisationIds()));
    }

    @Override
    public synchronized void resetPassword(String id, String password, boolean temporary) {
        stored(id);
        if (password.length() < 8) {
            throw new HnswException(AdminErrorCode.PASSWORD_REJECTED, "invalidPasswordMinLengthMessage");
        }
    }

    @Override
    public synchronized void setRoles(String id, List<String> roles) {
        StoredUser u = stored(id);
        roles.forEach(this::requireRole);
        users.put(id, new StoredUser(id, u.username(), u.name(), u.email(), u.enabled(), u.createdAt(),
                List.copyOf(roles), u.organisationIds()));
    }

    @Override
    public synchronized void setOrganisations(String id, List<String> organisationIds) {
        StoredUser u = stored(id);
        organisationIds.forEach(this::requireGroup);
        users.put(id, new StoredUser(id, u.username(), u.name(), u.email(), u.enabled(), u.createdAt(), u.roles(),
                List.copyOf(organisationIds)));
    }

    @Override
    public synchronized void deleteUser(String id) {
        stored(id);
        users.remove(id);
    }

    private void requireRole(String role) {
        if (!Roles.ALL.contains(role) && !customRoles.containsKey(role)) {
            throw new HnswException(AdminErrorCode.ROLE_NOT_FOUND, role);
        }
    }

    private void requireGroup(String id) {
        if (!groups.containsKey(id)) {
            throw new HnswException(AdminErrorCode.ORGANISATION_NOT_FOUND);
        }
    }

    @Override
    public synchronized List<DirectoryRole> roles() {
        List<DirectoryRole> roles = new ArrayList<>();
        Roles.ALL.forEach(r -> roles.add(new DirectoryRole(r, r, r, r, true)));
        roles.addAll(customRoles.values());
        return roles;
    }

    @Override
    public synchronized DirectoryRole createRole(RoleDraft draft) {
        if (Roles.ALL.contains(draft.name()) || customRoles.containsKey(draft.name())) {
            throw new HnswException(AdminErrorCode.ROLE_EXISTS, draft.name());
        }
        DirectoryRole role = new DirectoryRole(draft.name(), draft.nameZh(), draft.nameEn(),
                draft.nameZh() + " / " + draft.nameEn(), false);
        customRoles.put(draft.name(), role);
        return role;
    }

    @Override
    public synchronized DirectoryRole updateRole(String name, RoleDraft draft) {
        requireCustom(name);
        DirectoryRole role = new DirectoryRole(name, draft.nameZh(), draft.nameEn(), draft.nameZh() + " / " + draft.nameEn(), false);
        customRoles.put(name, role);
        return role;
    }

    @Override
    public synchronized void deleteRole(String name) {
        requireCustom(name);
        if (users.values().stream().anyMatch(u -> u.roles().contains(name))) {
            throw new HnswException(AdminErrorCode.ROLE_IN_USE, name);
        }
        customRoles.remove(name);
    }

    private void requireCustom(String name) {
        if (Roles.ALL.contains(name)) {
            throw new HnswException(AdminErrorCode.ROLE_BUILT_IN, name);
        }
        if (!customRoles.containsKey(name)) {
            throw new HnswException(AdminErrorCode.ROLE_NOT_FOUND, name);
        }
    }

    @Override
    public synchronized List<OrganisationUnit> organisations() {
        return children(null);
    }

    private List<OrganisationUnit> children(String parentId) {
        return groups.values().stream().filter(g -> java.util.Objects.equals(g.parentId(), parentId))
                .sorted(Comparator.comparing(StoredGroup::name))
                .map(g -> new OrganisationUnit(g.id(), g.name(), path(g), g.nameZh(), g.nameEn(), children(g.id())))
                .toList();
    }

    @Override
    public synchronized OrganisationUnit createOrganisation(String parentId, OrganisationDraft draft) {
        if (parentId != null) {
            requireGroup(parentId);
        }
        if (groups.values().stream().anyMatch(g -> java.util.Objects.equals(g.parentId(), parentId)
                && g.name().equals(draft.name()))) {
            throw new HnswException(AdminErrorCode.ORGANISATION_EXISTS, draft.name());
        }
        String id = group(parentId, draft.name(), draft.nameZh(), draft.nameEn());
        return unit(id);
    }

    private OrganisationUnit unit(String id) {
        StoredGroup g = groups.get(id);
        return new OrganisationUnit(g.id(), g.name(), path(g), g.nameZh(), g.nameEn(), children(id));
    }

    @Override
    public synchronized OrganisationUnit updateOrganisation(String id, OrganisationDraft draft) {
        requireGroup(id);
        StoredGroup g = groups.get(id);
        groups.put(id, new StoredGroup(id, g.parentId(), g.name(), draft.nameZh(), draft.nameEn()));
        return unit(id);
    }

    @Override
    public synchronized void deleteOrganisation(String id) {
        requireGroup(id);
        if (groups.values().stream().anyMatch(g -> id.equals(g.parentId()))
                || users.values().stream().anyMatch(u -> u.organisationIds().contains(id))) {
            throw new HnswException(AdminErrorCode.ORGANISATION_NOT_EMPTY);
        }
        groups.remove(id);
    }

    @Override
    public List<DirectoryLoginEvent> loginEvents(Instant from, int first, int max) {
        List<DirectoryLoginEvent> matching = events.stream().filter(e -> !e.time().isBefore(from))
                .sorted(Comparator.comparing(DirectoryLoginEvent::time)).toList();
        int start = Math.min(first, matching.size());
        return matching.subList(start, Math.min(matching.size(), start + max));
    }
}
