package cn.hnsw.common.admin;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;

import java.time.Instant;
import java.util.List;

/**
 * 统一身份目录 — the users, realm roles, organisations and sign-in events of the platform's identity provider, as the
 * system administration of a service sees them. {@link KeycloakIdentityDirectory} is the implementation; the
 * interface lets a service's own tests run its admin API without an identity provider.
 * <p>
 * Failures of the provider are {@link AdminErrorCode#DIRECTORY_UNAVAILABLE}; refusals carry the other admin codes.
 */
public interface IdentityDirectory {

    PageResponse<DirectoryUser> users(String search, Boolean enabled, PageQuery page);

    DirectoryUser user(String id);

    /** Creates the user with a temporary password (changed at first sign-in), its roles and organisations. */
    DirectoryUser createUser(UserDraft draft);

    DirectoryUser updateUser(String id, UserChange change);

    void setEnabled(String id, boolean enabled);

    void resetPassword(String id, String password, boolean temporary);

    /** Makes the user's realm roles among {@code manageable} exactly {@code roles}; other roles stay. */
    void setRoles(String id, List<String> roles);

    /** Makes the user's organisations (group ids) exactly {@code organisationIds}. */
    void setOrganisations(String id, List<String> organisationIds);

    void deleteUser(String id);

    /** The realm roles a system administrator works with: the actor roles and those created here. */
    List<DirectoryRole> roles();

    DirectoryRole createRole(RoleDraft draft);

    DirectoryRole updateRole(String name, RoleDraft draft);

    void deleteRole(String name);

    /** The organisation tree (Keycloak groups), roots first, children sorted by name. */
    List<OrganisationUnit> organisations();

    OrganisationUnit createOrganisation(String parentId, OrganisationDraft draft);

    OrganisationUnit updateOrganisation(String id, OrganisationDraft draft);

    void deleteOrganisation(String id);

    /** Sign-in events from {@code from} (inclusive), oldest first. */
    List<DirectoryLoginEvent> loginEvents(Instant from, int first, int max);

    record DirectoryUser(String id, String username, String name, String email, boolean enabled, Instant createdAt,
                         List<String> roles, List<OrganisationRef> organisations) {
    }

    record OrganisationRef(String id, String path) {
    }

    record UserDraft(String username, String name, String email, String password, List<String> roles,
                     List<String> organisationIds) {
    }

    record UserChange(String name, String email) {
    }

    /** {@code builtIn}: one of the platform's own roles (realm file), which the admin only reads. */
    record DirectoryRole(String name, String nameZh, String nameEn, String description, boolean builtIn) {
    }

    record RoleDraft(String name, String nameZh, String nameEn) {
    }

    record OrganisationUnit(String id, String name, String path, String nameZh, String nameEn,
                            List<OrganisationUnit> children) {
    }

    record OrganisationDraft(String name, String nameZh, String nameEn) {
    }

    record DirectoryLoginEvent(String id, Instant time, String type, String userId, String username, String clientId,
                               String sessionId, String ipAddress, String error) {
    }
}
