package cn.hnsw.common.admin;

import cn.hnsw.common.admin.IdentityDirectory.DirectoryRole;
import cn.hnsw.common.admin.IdentityDirectory.DirectoryUser;
import cn.hnsw.common.admin.IdentityDirectory.OrganisationDraft;
import cn.hnsw.common.admin.IdentityDirectory.OrganisationUnit;
import cn.hnsw.common.admin.IdentityDirectory.RoleDraft;
import cn.hnsw.common.admin.IdentityDirectory.UserChange;
import cn.hnsw.common.admin.IdentityDirectory.UserDraft;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 系统管理 — the rules of a service's system administration, in front of the {@link IdentityDirectory} and the
 * {@link MenuStore}: only operators ({@code sw-operator}) and platform administrators work here; only a platform
 * administrator grants, revokes or touches the platform-administrator role or its holders; nobody disables, deletes
 * or re-roles their own account; bad input is refused with every reason before anything is sent to the directory.
 */
public class SystemAdministration {

    public static final List<String> ADMINISTRATORS = List.of(Roles.SW_OPERATOR, Roles.PLATFORM_ADMIN);

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,59}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ROLE_NAME = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final IdentityDirectory directory;
    private final MenuStore menus;

    public SystemAdministration(IdentityDirectory directory, MenuStore menus) {
        this.directory = directory;
        this.menus = menus;
    }

    public static void requireAdministrator(CurrentActor actor) {
        if (actor == null || !actor.hasAnyRole(ADMINISTRATORS)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }

    // ---------------------------------------------------------------- users (FP 85–88)

    public PageResponse<DirectoryUser> users(CurrentActor actor, String search, Boolean enabled, PageQuery page) {
        requireAdministrator(actor);
        if (search != null && search.length() > 100) {
            throw invalid("search", "Size", "检索词最长 100 字", "search is at most 100 characters");
        }
        return directory.users(search, enabled, page);
    }

    public DirectoryUser user(CurrentActor actor, String id) {
        requireAdministrator(actor);
        return directory.user(id);
    }

    public DirectoryUser createUser(CurrentActor actor, UserDraft draft) {
        requireAdministrator(actor);
        List<FieldViolation> v = new ArrayList<>();
        if (draft.username() == null || !USERNAME.matcher(draft.username()).matches()) {
            v.add(new FieldViolation("username", "Pattern", "用户名为 3–60 位小写字母、数字、点、下划线或连字符",
                    "username is 3-60 lower-case letters, digits, dots, underscores or hyphens"));
        }
        v.addAll(personViolations(draft.name(), draft.email()));
        if (draft.password() == null || draft.password().isBlank() || draft.password().length() > 128) {
            v.add(new FieldViolation("password", "NotBlank", "初始密码必填", "an initial password is required"));
        }
        if (draft.roles() == null || draft.roles().isEmpty()) {
            v.add(new FieldViolation("roles", "NotEmpty", "至少选择一个角色", "choose at least one role"));
        } else {
            v.addAll(unknownRoles(draft.roles()));
        }
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        requireMayGrant(actor, draft.roles());
        return directory.createUser(draft);
    }

    public DirectoryUser updateUser(CurrentActor actor, String id, UserChange change) {
        requireAdministrator(actor);
        List<FieldViolation> v = personViolations(change.name(), change.email());
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        requireMayTouch(actor, directory.user(id));
        return directory.updateUser(id, change);
    }

    public void setEnabled(CurrentActor actor, String id, boolean enabled) {
        requireAdministrator(actor);
        requireNotSelf(actor, id);
        requireMayTouch(actor, directory.user(id));
        directory.setEnabled(id, enabled);
    }

    public void resetPassword(CurrentActor actor, String id, String password, Boolean temporary) {
        requireAdministrator(actor);
        if (password == null || password.isBlank() || password.length() > 128) {
            throw invalid("password", "NotBlank", "新密码必填", "a new password is required");
        }
        requireMayTouch(actor, directory.user(id));
        directory.resetPassword(id, password, temporary == null || temporary);
    }

    public DirectoryUser setRoles(CurrentActor actor, String id, List<String> roles) {
        requireAdministrator(actor);
        if (roles == null) {
            throw invalid("roles", "NotNull", "角色列表必填", "roles are required");
        }
        List<FieldViolation> v = unknownRoles(roles);
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        requireNotSelf(actor, id);
        DirectoryUser user = directory.user(id);
        requireMayTouch(actor, user);
        // the platform-administrator role is granted and revoked only by a platform administrator
        Set<String> changed = new HashSet<>(roles);
        changed.removeAll(user.roles());
        Set<String> removed = new HashSet<>(user.roles());
        removed.removeAll(roles);
        changed.addAll(removed);
        requireMayGrant(actor, List.copyOf(changed));
        directory.setRoles(id, roles);
        return directory.user(id);
    }

    public DirectoryUser setOrganisations(CurrentActor actor, String id, List<String> organisationIds) {
        requireAdministrator(actor);
        if (organisationIds == null) {
            throw invalid("organisationIds", "NotNull", "组织机构列表必填", "organisationIds are required");
        }
        requireMayTouch(actor, directory.user(id));
        directory.setOrganisations(id, organisationIds);
        return directory.user(id);
    }

    public void deleteUser(CurrentActor actor, String id) {
        requireAdministrator(actor);
        requireNotSelf(actor, id);
        requireMayTouch(actor, directory.user(id));
        directory.deleteUser(id);
    }

    // ---------------------------------------------------------------- roles (FP 93–96)

    public List<DirectoryRole> roles(CurrentActor actor) {
        requireAdministrator(actor);
        return directory.roles();
    }

    public DirectoryRole createRole(CurrentActor actor, RoleDraft draft) {
        requireAdministrator(actor);
        List<FieldViolation> v = new ArrayList<>();
        if (draft.name() == null || draft.name().length() > 40 || !ROLE_NAME.matcher(draft.name()).matches()) {
            v.add(new FieldViolation("name", "Pattern", "角色编码为小写字母、数字和连字符，最长 40 位",
                    "the role code is lower-case letters, digits and hyphens, at most 40"));
        } else if (draft.name().startsWith("partner-") || draft.name().startsWith("default-roles")
                || draft.name().equals("internal-service")) {
            v.add(new FieldViolation("name", "Reserved", "该角色编码为平台保留", "the role code is reserved by the platform"));
        }
        v.addAll(bilingualName(draft.nameZh(), draft.nameEn()));
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        return directory.createRole(draft);
    }

    public DirectoryRole updateRole(CurrentActor actor, String name, RoleDraft draft) {
        requireAdministrator(actor);
        List<FieldViolation> v = bilingualName(draft.nameZh(), draft.nameEn());
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        return directory.updateRole(name, new RoleDraft(name, draft.nameZh().trim(), draft.nameEn().trim()));
    }

    public void deleteRole(CurrentActor actor, String name) {
        requireAdministrator(actor);
        directory.deleteRole(name);
    }

    // ---------------------------------------------------------------- organisations (FP 89–92)

    public List<OrganisationUnit> organisations(CurrentActor actor) {
        requireAdministrator(actor);
        return directory.organisations();
    }

    public OrganisationUnit createOrganisation(CurrentActor actor, String parentId, OrganisationDraft draft) {
        requireAdministrator(actor);
        List<FieldViolation> v = new ArrayList<>();
        if (draft.name() == null || !GROUP_NAME.matcher(draft.name()).matches()) {
            v.add(new FieldViolation("name", "Pattern", "机构编码为字母、数字、下划线或连字符，最长 64 位",
                    "the organisation code is letters, digits, underscores or hyphens, at most 64"));
        }
        v.addAll(bilingualName(draft.nameZh(), draft.nameEn()));
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        return directory.createOrganisation(parentId, new OrganisationDraft(draft.name(), draft.nameZh().trim(),
                draft.nameEn().trim()));
    }

    public OrganisationUnit updateOrganisation(CurrentActor actor, String id, OrganisationDraft draft) {
        requireAdministrator(actor);
        List<FieldViolation> v = bilingualName(draft.nameZh(), draft.nameEn());
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
        return directory.updateOrganisation(id, new OrganisationDraft(null, draft.nameZh().trim(), draft.nameEn().trim()));
    }

    public void deleteOrganisation(CurrentActor actor, String id) {
        requireAdministrator(actor);
        directory.deleteOrganisation(id);
    }

    // ---------------------------------------------------------------- menus (FP 81–84)

    public List<MenuItem> menus(CurrentActor actor) {
        requireAdministrator(actor);
        return menus.tree();
    }

    public MenuItem menu(CurrentActor actor, UUID id) {
        requireAdministrator(actor);
        return menus.get(id);
    }

    public MenuItem createMenu(CurrentActor actor, MenuDraft draft) {
        requireAdministrator(actor);
        requireValid(draft);
        return menus.create(draft, actor.username());
    }

    public MenuItem updateMenu(CurrentActor actor, UUID id, MenuDraft draft) {
        requireAdministrator(actor);
        requireValid(draft);
        return menus.update(id, draft, actor.username());
    }

    public void deleteMenu(CurrentActor actor, UUID id) {
        requireAdministrator(actor);
        menus.delete(id);
    }

    private void requireValid(MenuDraft draft) {
        List<FieldViolation> v = draft.violations(directory.roles().stream().map(DirectoryRole::name).toList());
        if (!v.isEmpty()) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, v, null);
        }
    }

    // ---------------------------------------------------------------- rules

    private List<FieldViolation> unknownRoles(List<String> roles) {
        Set<String> known = new HashSet<>(directory.roles().stream().map(DirectoryRole::name).toList());
        List<FieldViolation> v = new ArrayList<>();
        for (String r : roles) {
            if (!known.contains(r)) {
                v.add(new FieldViolation("roles", "KnownRole", "未知角色：" + r, "unknown role: " + r));
            }
        }
        return v;
    }

    private static void requireMayGrant(CurrentActor actor, List<String> roles) {
        if (roles.contains(Roles.PLATFORM_ADMIN) && !actor.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new HnswException(AdminErrorCode.ROLE_NOT_ASSIGNABLE, Roles.PLATFORM_ADMIN);
        }
    }

    /** A platform administrator's account is changed only by another platform administrator. */
    private static void requireMayTouch(CurrentActor actor, DirectoryUser user) {
        if (user.roles().contains(Roles.PLATFORM_ADMIN) && !actor.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }

    private static void requireNotSelf(CurrentActor actor, String id) {
        if (id != null && id.equals(actor.userId())) {
            throw new HnswException(AdminErrorCode.USER_SELF);
        }
    }

    private static List<FieldViolation> personViolations(String name, String email) {
        List<FieldViolation> v = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 50) {
            v.add(new FieldViolation("name", "NotBlank", "姓名必填，最长 50 字", "the name is required, at most 50 characters"));
        }
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            v.add(new FieldViolation("email", "Email", "邮箱格式不正确", "the e-mail address is not valid"));
        }
        return v;
    }

    private static List<FieldViolation> bilingualName(String zh, String en) {
        List<FieldViolation> v = new ArrayList<>();
        if (zh == null || zh.isBlank() || zh.length() > 50) {
            v.add(new FieldViolation("nameZh", "NotBlank", "中文名称必填，最长 50 字", "the Chinese name is required, at most 50 characters"));
        }
        if (en == null || en.isBlank() || en.length() > 100) {
            v.add(new FieldViolation("nameEn", "NotBlank", "英文名称必填，最长 100 字", "the English name is required, at most 100 characters"));
        }
        return v;
    }

    private static HnswException invalid(String field, String constraint, String zh, String en) {
        return new HnswException(CommonErrorCode.VALIDATION_FAILED, List.of(new FieldViolation(field, constraint, zh, en)), null);
    }
}
