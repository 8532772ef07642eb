package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * S2 权限管理 (FP 430–441): permission groups of the government end. A group grants menu resources (菜单资源, data:
 * {@code la_menu_resource}, a folder grants its children) and holds users or organisations (权限组关系). A reviewer
 * who belongs to at least one group reaches only the API paths of the menus their groups grant
 * ({@link #allows}); a reviewer in no group keeps the access of the role, and the platform administrator is never
 * limited (so nobody can lock the configuration away). Groups and relations import from and export to Excel; a menu
 * converts into a group of its own.
 */
@Service
public class LowAltitudePermissions {

    public static final String CODE = "[A-Z][A-Z0-9_]{1,39}";

    private final JdbcClient jdbc;
    private final Clock clock;

    public LowAltitudePermissions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Menu(String code, String parentCode, String nameZh, String nameEn, String apiPrefix, int sortOrder) {
    }

    public record Group(String code, String nameZh, String nameEn, String description, String sourceMenu,
                        List<String> menus, List<Member> members, String updatedBy, Instant updatedAt) {
    }

    public record Member(String type, String member) {
    }

    /** A group's relation row, as imported and exported: group code, USER or ORGANIZATION, the user or the group path. */
    public record Relation(String groupCode, String type, String member) {
    }

    /** What the current user may open: the menus and their API prefixes; {@code limited} false means everything. */
    public record Mine(boolean limited, List<String> groups, List<String> menus, List<String> apiPrefixes) {
    }

    // --- menus -------------------------------------------------------------------------------------------------

    /** 菜单资源信息查询: by a part of the code or a name; null for all. */
    public List<Menu> menus(CurrentActor actor, String keyword) {
        requireReviewer(actor);
        if (keyword == null || keyword.isBlank()) {
            return allMenus();
        }
        String k = keyword.strip().toLowerCase();
        return allMenus().stream().filter(m -> m.code().toLowerCase().contains(k) || m.nameZh().contains(keyword.strip())
                || m.nameEn().toLowerCase().contains(k)).toList();
    }

    private List<Menu> allMenus() {
        return jdbc.sql("SELECT * FROM la_menu_resource ORDER BY sort_order").query((rs, i) -> new Menu(
                rs.getString("code"), rs.getString("parent_code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("api_prefix"), rs.getInt("sort_order"))).list();
    }

    // --- groups ------------------------------------------------------------------------------------------------

    public List<Group> groups(CurrentActor actor, String keyword) {
        requireReviewer(actor);
        List<Group> all = jdbc.sql("SELECT * FROM la_permission_group ORDER BY code").query(this::group).list();
        if (keyword == null || keyword.isBlank()) {
            return all;
        }
        String k = keyword.strip().toLowerCase();
        return all.stream().filter(g -> g.code().toLowerCase().contains(k) || g.nameZh().contains(keyword.strip())
                || g.nameEn().toLowerCase().contains(k)).toList();
    }

    public Group group(CurrentActor actor, String code) {
        requireReviewer(actor);
        return find(code).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.PERMISSION_GROUP_NOT_FOUND, code));
    }

    /** 新增 / 编辑权限组: creates the group or changes its names and description (its menus and members stay). */
    @Transactional
    public Group save(CurrentActor actor, String code, String nameZh, String nameEn, String description) {
        requireReviewer(actor);
        upsert(actor, code, nameZh, nameEn, description, null);
        return find(code).orElseThrow();
    }

    @Transactional
    public void delete(CurrentActor actor, String code) {
        requireReviewer(actor);
        if (jdbc.sql("DELETE FROM la_permission_group WHERE code = ?").param(code).update() == 0) {
            throw new HnswException(LowAltitudeErrorCode.PERMISSION_GROUP_NOT_FOUND, code);
        }
    }

    /** 权限组权限配置: replaces the menus the group grants; an unknown menu code is refused and nothing changes. */
    @Transactional
    public Group assignMenus(CurrentActor actor, String code, Collection<String> menuCodes) {
        requireReviewer(actor);
        group(actor, code);
        Set<String> known = new LinkedHashSet<>(allMenus().stream().map(Menu::code).toList());
        for (String m : menuCodes) {
            if (!known.contains(m)) {
                throw new HnswException(LowAltitudeErrorCode.MENU_NOT_FOUND, m);
            }
        }
        jdbc.sql("DELETE FROM la_permission_group_menu WHERE group_code = ?").param(code).update();
        for (String m : new LinkedHashSet<>(menuCodes)) {
            jdbc.sql("INSERT INTO la_permission_group_menu (group_code, menu_code) VALUES (?, ?)").params(code, m)
                    .update();
        }
        touch(actor, code);
        return find(code).orElseThrow();
    }

    /** 权限组关系: replaces the users and organisations of the group. */
    @Transactional
    public Group assignMembers(CurrentActor actor, String code, Collection<Member> members) {
        requireReviewer(actor);
        group(actor, code);
        jdbc.sql("DELETE FROM la_permission_group_member WHERE group_code = ?").param(code).update();
        for (Member m : new LinkedHashSet<>(members)) {
            insertMember(code, m.type(), m.member());
        }
        touch(actor, code);
        return find(code).orElseThrow();
    }

    /** 菜单转换成权限组: a group {@code MENU_<code>} granting the menu (and so its children), named after it. */
    @Transactional
    public Group fromMenu(CurrentActor actor, String menuCode) {
        requireReviewer(actor);
        Menu menu = allMenus().stream().filter(m -> m.code().equals(menuCode)).findFirst()
                .orElseThrow(() -> new HnswException(LowAltitudeErrorCode.MENU_NOT_FOUND, menuCode));
        String code = ("MENU_" + menu.code());
        code = code.length() > 40 ? code.substring(0, 40) : code;
        upsert(actor, code, menu.nameZh(), menu.nameEn(), "由菜单转换 / Converted from menu " + menu.code(), menu.code());
        jdbc.sql("INSERT INTO la_permission_group_menu (group_code, menu_code) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .params(code, menu.code()).update();
        return find(code).orElseThrow();
    }

    /** 权限组信息导入: creates or updates each group (code, names, description, menus); all or nothing. */
    @Transactional
    public int importGroups(CurrentActor actor, List<Group> groups) {
        requireReviewer(actor);
        for (Group g : groups) {
            validateCode(g.code());
            if (g.nameZh() == null || g.nameZh().isBlank() || g.nameEn() == null || g.nameEn().isBlank()) {
                throw new HnswException(LowAltitudeErrorCode.PERMISSION_IMPORT_INVALID, g.code() + ": name");
            }
            upsert(actor, g.code(), g.nameZh(), g.nameEn(), g.description(), null);
            if (!g.menus().isEmpty()) {
                assignMenus(actor, g.code(), g.menus());
            }
        }
        return groups.size();
    }

    /** 权限组关系信息导入: adds each relation to its (existing) group; all or nothing. */
    @Transactional
    public int importRelations(CurrentActor actor, List<Relation> relations) {
        requireReviewer(actor);
        int added = 0;
        for (Relation r : relations) {
            if (find(r.groupCode()).isEmpty()) {
                throw new HnswException(LowAltitudeErrorCode.PERMISSION_GROUP_NOT_FOUND, r.groupCode());
            }
            added += insertMember(r.groupCode(), r.type(), r.member());
        }
        return added;
    }

    public List<Relation> relations(CurrentActor actor) {
        requireReviewer(actor);
        return jdbc.sql("SELECT * FROM la_permission_group_member ORDER BY group_code, member_type, member")
                .query((rs, i) -> new Relation(rs.getString("group_code"), rs.getString("member_type"),
                        rs.getString("member"))).list();
    }

    // --- enforcement -------------------------------------------------------------------------------------------

    /** The groups of the actor: by user name or by any of their organisations. */
    public Mine mine(CurrentActor actor) {
        List<String> groups = groupsOf(actor);
        if (groups.isEmpty() || actor.hasRole(Roles.PLATFORM_ADMIN) || !LowAltitudeReportingService.isReviewer(actor)) {
            return new Mine(false, groups, List.of(), List.of());
        }
        List<Menu> all = allMenus();
        Set<String> granted = new LinkedHashSet<>(jdbc.sql(
                "SELECT DISTINCT menu_code FROM la_permission_group_menu WHERE group_code IN (:g)")
                .param("g", groups).query(String.class).list());
        // a folder grants its children
        for (Menu m : all) {
            if (m.parentCode() != null && granted.contains(m.parentCode())) {
                granted.add(m.code());
            }
        }
        List<String> prefixes = all.stream().filter(m -> granted.contains(m.code()) && m.apiPrefix() != null)
                .map(Menu::apiPrefix).toList();
        return new Mine(true, groups, List.copyOf(granted), prefixes);
    }

    /**
     * Whether the actor may call {@code path} (relative to the low-altitude API root). Only paths of a menu are
     * limited; the path {@code /permissions/mine} is open to everyone (the screens ask it which menus to show).
     */
    public boolean allows(CurrentActor actor, String path) {
        if ("/permissions/mine".equals(path)) {
            return true;
        }
        boolean menuPath = allMenus().stream().anyMatch(m -> m.apiPrefix() != null && under(path, m.apiPrefix()));
        if (!menuPath) {
            return true;
        }
        Mine mine = mine(actor);
        return !mine.limited() || mine.apiPrefixes().stream().anyMatch(p -> under(path, p));
    }

    private static boolean under(String path, String prefix) {
        return path.startsWith(prefix);
    }

    private List<String> groupsOf(CurrentActor actor) {
        List<String> orgs = actor.organizations().isEmpty() ? List.of("-") : actor.organizations();
        return jdbc.sql("""
                SELECT DISTINCT group_code FROM la_permission_group_member
                WHERE (member_type = 'USER' AND member = :user) OR (member_type = 'ORGANIZATION' AND member IN (:orgs))
                ORDER BY group_code""")
                .param("user", actor.username()).param("orgs", orgs).query(String.class).list();
    }

    // --- rows --------------------------------------------------------------------------------------------------

    private Optional<Group> find(String code) {
        return jdbc.sql("SELECT * FROM la_permission_group WHERE code = ?").param(code).query(this::group).optional();
    }

    private Group group(ResultSet rs, int i) throws SQLException {
        String code = rs.getString("code");
        List<String> menus = jdbc.sql("SELECT menu_code FROM la_permission_group_menu WHERE group_code = ? ORDER BY menu_code")
                .param(code).query(String.class).list();
        List<Member> members = jdbc.sql("""
                SELECT member_type, member FROM la_permission_group_member WHERE group_code = ?
                ORDER BY member_type, member""").param(code)
                .query((r, j) -> new Member(r.getString("member_type"), r.getString("member"))).list();
        return new Group(code, rs.getString("name_zh"), rs.getString("name_en"), rs.getString("description"),
                rs.getString("source_menu"), menus, members, rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private void upsert(CurrentActor actor, String code, String nameZh, String nameEn, String description,
                        String sourceMenu) {
        validateCode(code);
        jdbc.sql("""
                INSERT INTO la_permission_group (code, name_zh, name_en, description, source_menu, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                  description = EXCLUDED.description,
                  source_menu = COALESCE(EXCLUDED.source_menu, la_permission_group.source_menu),
                  updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(code, nameZh, nameEn, description, sourceMenu, actor.username(),
                        Timestamp.from(clock.instant()))
                .update();
    }

    private void touch(CurrentActor actor, String code) {
        jdbc.sql("UPDATE la_permission_group SET updated_by = ?, updated_at = ? WHERE code = ?")
                .params(actor.username(), Timestamp.from(clock.instant()), code).update();
    }

    private int insertMember(String code, String type, String member) {
        if (!"USER".equals(type) && !"ORGANIZATION".equals(type)) {
            throw new HnswException(LowAltitudeErrorCode.PERMISSION_IMPORT_INVALID, code + ": " + type);
        }
        if (member == null || member.isBlank() || member.length() > 200) {
            throw new HnswException(LowAltitudeErrorCode.PERMISSION_IMPORT_INVALID, code + ": member");
        }
        return jdbc.sql("""
                INSERT INTO la_permission_group_member (group_code, member_type, member) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""").params(code, type, member.strip()).update();
    }

    private static void validateCode(String code) {
        if (code == null || !code.matches(CODE)) {
            throw new HnswException(LowAltitudeErrorCode.PERMISSION_IMPORT_INVALID, String.valueOf(code));
        }
    }

    private static void requireReviewer(CurrentActor actor) {
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }

    static List<String> splitMenus(String cell) {
        List<String> out = new ArrayList<>();
        if (cell != null) {
            for (String s : cell.split("[,，;；\\s]+")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }
}
