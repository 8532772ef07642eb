package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 权限管理与菜单管理 (FP 606–635): organisations, users, roles and menus — add, edit, delete — and the grants between
 * them (user roles, user permissions, role permissions). Every refusal is a problem and changes nothing.
 */
@Service
public class PortAdminService {

    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.ADMIN_INVALID;
    /** A login's user name as the identity provider keeps it. */
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,59}");
    private static final Pattern PATH = Pattern.compile("/[a-z0-9/_-]{1,120}");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{5,20}");

    private final PortAdminRepository admin;
    private final Clock clock;

    public PortAdminService(PortAdminRepository admin, Clock clock) {
        this.admin = admin;
        this.clock = clock;
    }

    public record OrgInput(String code, String nameZh, String nameEn, String parentCode, String portCode,
                           String description) {
    }

    public record RoleInput(String code, String nameZh, String nameEn, String description, List<String> permissions) {
    }

    public record UserInput(String code, String nameZh, String nameEn, String orgCode, String phone, Boolean enabled,
                            List<String> roles, List<String> permissions) {
    }

    public record MenuInput(String code, String nameZh, String nameEn, String parentCode, String path,
                            String permissionCode, Integer sortOrder, Boolean enabled) {
    }

    private static HnswException notFound(String what, Object id) {
        return new HnswException(BaseDataErrorCode.RECORD_NOT_FOUND, what, id);
    }

    private static String fixedCode(String given, String existing) {
        if (given != null && !given.strip().equals(existing)) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        return existing;
    }

    // ---- 口岸机构

    public PortAdmin.Org org(UUID id) {
        return admin.org(id).orElseThrow(() -> notFound("机构 / organisation", id));
    }

    @Transactional
    public PortAdmin.Org createOrg(OrgInput in, String by) {
        String code = Checks.code(in.code(), INVALID);
        if (admin.exists("port_org", code)) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, code);
        }
        PortAdmin.Org o = checkOrg(UUID.randomUUID(), code, in, by);
        admin.save(o);
        return org(o.id());
    }

    @Transactional
    public PortAdmin.Org updateOrg(UUID id, OrgInput in, String by) {
        PortAdmin.Org existing = org(id);
        PortAdmin.Org o = checkOrg(id, fixedCode(in.code(), existing.code()), in, by);
        if (o.parentCode() != null && admin.isAncestorOrSelf(o.parentCode(), o.code())) {
            throw new HnswException(INVALID, "parent: not the organisation itself or one below it / 上级机构不能是自身或下级");
        }
        admin.save(o);
        return org(id);
    }

    @Transactional
    public void deleteOrg(UUID id) {
        PortAdmin.Org o = org(id);
        long children = admin.count("port_org", "parent_code = ?", o.code());
        long users = admin.count("port_user", "org_code = ?", o.code());
        if (children + users > 0) {
            throw new HnswException(BaseDataErrorCode.IN_USE, o.code(),
                    children + " 下级机构 / sub-organisations, " + users + " 用户 / users");
        }
        admin.delete("port_org", id);
    }

    private PortAdmin.Org checkOrg(UUID id, String code, OrgInput in, String by) {
        String parent = blankToNull(in.parentCode());
        if (parent != null && !admin.exists("port_org", parent)) {
            throw new HnswException(INVALID, "parent: an existing organisation / 上级机构不存在");
        }
        String port = blankToNull(in.portCode());
        if (port != null && !admin.exists("port", port)) {
            throw new HnswException(INVALID, "port: one of the ports' codes / 口岸编码不存在");
        }
        return new PortAdmin.Org(id, code, Checks.nameZh(in.nameZh(), INVALID),
                Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID), parent, port,
                Checks.optional(in.description(), 500, "description / 说明", INVALID), by, clock.instant());
    }

    // ---- 口岸角色 and 角色权限

    public PortAdmin.Role role(UUID id) {
        return admin.role(id).orElseThrow(() -> notFound("角色 / role", id));
    }

    @Transactional
    public PortAdmin.Role createRole(RoleInput in, String by) {
        String code = Checks.code(in.code(), INVALID);
        if (admin.exists("port_role", code)) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, code);
        }
        PortAdmin.Role r = checkRole(UUID.randomUUID(), code, in, by);
        admin.save(r);
        return role(r.id());
    }

    @Transactional
    public PortAdmin.Role updateRole(UUID id, RoleInput in, String by) {
        PortAdmin.Role existing = role(id);
        admin.save(checkRole(id, fixedCode(in.code(), existing.code()), in, by));
        return role(id);
    }

    /** Deleting a role takes it from its users (their other roles and grants stay). */
    @Transactional
    public void deleteRole(UUID id) {
        role(id);
        admin.delete("port_role", id);
    }

    private PortAdmin.Role checkRole(UUID id, String code, RoleInput in, String by) {
        return new PortAdmin.Role(id, code, Checks.nameZh(in.nameZh(), INVALID),
                Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID),
                Checks.optional(in.description(), 500, "description / 说明", INVALID), permissions(in.permissions()),
                by, clock.instant());
    }

    private List<String> permissions(List<String> given) {
        List<String> codes = distinct(given);
        if (!codes.isEmpty() && !admin.permissionsExist(codes)) {
            throw new HnswException(INVALID, "permissions: codes of the permission catalogue / 权限编码不存在");
        }
        return codes;
    }

    // ---- 口岸用户, 用户角色 and 用户权限

    public PortAdmin.User user(UUID id) {
        return admin.user(id).orElseThrow(() -> notFound("用户 / user", id));
    }

    @Transactional
    public PortAdmin.User createUser(UserInput in, String by) {
        String code = in.code() == null ? "" : in.code().strip();
        if (!USERNAME.matcher(code).matches()) {
            throw new HnswException(INVALID,
                    "user name: 2–60 small letters, digits, '.', '_' or '-' / 用户名为 2–60 位小写字母、数字或 . _ -");
        }
        if (admin.exists("port_user", code)) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, code);
        }
        PortAdmin.User u = checkUser(UUID.randomUUID(), code, in, by);
        admin.save(u);
        return user(u.id());
    }

    @Transactional
    public PortAdmin.User updateUser(UUID id, UserInput in, String by) {
        PortAdmin.User existing = user(id);
        admin.save(checkUser(id, fixedCode(in.code(), existing.code()), in, by));
        return user(id);
    }

    @Transactional
    public void deleteUser(UUID id) {
        user(id);
        admin.delete("port_user", id);
    }

    private PortAdmin.User checkUser(UUID id, String code, UserInput in, String by) {
        String org = blankToNull(in.orgCode());
        if (org == null || !admin.exists("port_org", org)) {
            throw new HnswException(INVALID, "organisation: an existing organisation / 所属机构不存在");
        }
        String phone = blankToNull(in.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw new HnswException(INVALID, "phone: 5–20 digits / 电话号码无效");
        }
        List<String> roles = distinct(in.roles());
        for (String r : roles) {
            if (!admin.exists("port_role", r)) {
                throw new HnswException(INVALID, "role " + r + ": an existing role / 角色不存在");
            }
        }
        return new PortAdmin.User(id, code, Checks.nameZh(in.nameZh(), INVALID),
                Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID), org, phone,
                in.enabled() == null || in.enabled(), roles, permissions(in.permissions()), by, clock.instant());
    }

    // ---- 菜单

    public PortAdmin.Menu menu(UUID id) {
        return admin.menu(id).orElseThrow(() -> notFound("菜单 / menu", id));
    }

    @Transactional
    public PortAdmin.Menu createMenu(MenuInput in, String by) {
        String code = Checks.code(in.code(), INVALID);
        if (admin.exists("port_menu", code)) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, code);
        }
        PortAdmin.Menu m = checkMenu(UUID.randomUUID(), code, in, by);
        admin.save(m);
        return menu(m.id());
    }

    @Transactional
    public PortAdmin.Menu updateMenu(UUID id, MenuInput in, String by) {
        PortAdmin.Menu existing = menu(id);
        PortAdmin.Menu m = checkMenu(id, fixedCode(in.code(), existing.code()), in, by);
        if (m.code().equals(m.parentCode())) {
            throw new HnswException(INVALID, "parent: not the menu itself / 上级菜单不能是自身");
        }
        admin.save(m);
        return menu(id);
    }

    /** 菜单启用/停用. */
    @Transactional
    public PortAdmin.Menu enableMenu(UUID id, boolean enabled, String by) {
        PortAdmin.Menu m = menu(id);
        admin.save(new PortAdmin.Menu(m.id(), m.code(), m.nameZh(), m.nameEn(), m.parentCode(), m.path(),
                m.permissionCode(), m.sortOrder(), enabled, by, clock.instant()));
        return menu(id);
    }

    @Transactional
    public void deleteMenu(UUID id) {
        PortAdmin.Menu m = menu(id);
        long children = admin.count("port_menu", "parent_code = ?", m.code());
        if (children > 0) {
            throw new HnswException(BaseDataErrorCode.IN_USE, m.code(), children + " 下级菜单 / sub-menus");
        }
        admin.delete("port_menu", id);
    }

    private PortAdmin.Menu checkMenu(UUID id, String code, MenuInput in, String by) {
        String parent = blankToNull(in.parentCode());
        if (parent != null && !admin.exists("port_menu", parent)) {
            throw new HnswException(INVALID, "parent: an existing menu / 上级菜单不存在");
        }
        String path = in.path() == null ? "" : in.path().strip();
        if (!PATH.matcher(path).matches()) {
            throw new HnswException(INVALID, "path: a page path such as /officer/alerts / 路径格式如 /officer/alerts");
        }
        String permission = blankToNull(in.permissionCode());
        if (permission == null || !admin.permissionsExist(List.of(permission))) {
            throw new HnswException(INVALID, "permission: a code of the permission catalogue / 权限编码不存在");
        }
        int order = in.sortOrder() == null ? 0 : in.sortOrder();
        if (order < 0 || order > 9_999) {
            throw new HnswException(INVALID, "sort order: 0–9999 / 排序为 0–9999");
        }
        return new PortAdmin.Menu(id, code, Checks.nameZh(in.nameZh(), INVALID),
                Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID), parent, path, permission, order,
                in.enabled() == null || in.enabled(), by, clock.instant());
    }

    // ---- what the signed-in officer may open

    public PortAdmin.Mine mine(String username) {
        return admin.userByCode(username).filter(PortAdmin.User::enabled).map(u -> {
            List<String> permissions = admin.effectivePermissions(u.code());
            String port = admin.orgByCode(u.orgCode()).map(PortAdmin.Org::portCode).orElse(null);
            return new PortAdmin.Mine(u.code(), true, u.orgCode(), permissions.contains("DATA_ALL_PORTS") ? null : port,
                    permissions, admin.menusFor(permissions));
        }).orElseGet(() -> new PortAdmin.Mine(username, false, null, null, List.of(), List.of()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> distinct(List<String> given) {
        if (given == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : given) {
            if (s != null && !s.isBlank()) {
                out.add(s.strip());
            }
        }
        return new ArrayList<>(out);
    }
}
