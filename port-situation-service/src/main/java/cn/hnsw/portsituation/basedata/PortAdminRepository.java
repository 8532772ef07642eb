package cn.hnsw.portsituation.basedata;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The {@code port_org}, {@code port_role}, {@code port_user}, {@code port_menu} tables and their grants. */
@Repository
public class PortAdminRepository {

    private final JdbcTemplate jdbc;

    public PortAdminRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- permissions

    public List<PortAdmin.Permission> permissions() {
        return jdbc.query("SELECT code, name_zh, name_en, kind FROM port_permission ORDER BY sort_order, code",
                (rs, i) -> new PortAdmin.Permission(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public boolean permissionsExist(List<String> codes) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM port_permission WHERE code = ANY (?)", Long.class,
                (Object) codes.toArray(String[]::new));
        return n != null && n == codes.size();
    }

    public boolean exists(String table, String code) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT exists (SELECT 1 FROM " + table + " WHERE code = ?)",
                Boolean.class, code));
    }

    public long count(String table, String where, Object... args) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE " + where, Long.class, args);
        return n == null ? 0 : n;
    }

    // ---- organisations

    private List<PortAdmin.Org> orgs(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> new PortAdmin.Org(rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("parent_code"),
                rs.getString("port_code"), rs.getString("description"), rs.getString("updated_by"),
                PortAreaRepository.instant(rs, "updated_at")), args);
    }

    public Optional<PortAdmin.Org> org(UUID id) {
        return orgs("SELECT * FROM port_org WHERE id = ?", id).stream().findFirst();
    }

    public Optional<PortAdmin.Org> orgByCode(String code) {
        return orgs("SELECT * FROM port_org WHERE code = ?", code).stream().findFirst();
    }

    static Search orgSearch(String q, String portCode, String parentCode) {
        return new Search().eq("port_code", portCode).eq("parent_code", parentCode).word(q, "code", "name_zh", "name_en");
    }

    public List<PortAdmin.Org> orgs(Search s, int limit, long offset) {
        return orgs("SELECT * FROM port_org" + s.where() + " ORDER BY code LIMIT ? OFFSET ?", s.args(limit, offset));
    }

    public long orgCount(Search s) {
        return count("port_org", s.where().substring(" WHERE ".length()), s.args());
    }

    public void save(PortAdmin.Org o) {
        jdbc.update("""
                INSERT INTO port_org (id, code, name_zh, name_en, parent_code, port_code, description, updated_by,
                                      updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    parent_code = EXCLUDED.parent_code, port_code = EXCLUDED.port_code,
                    description = EXCLUDED.description, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at
                """, o.id(), o.code(), o.nameZh(), o.nameEn(), o.parentCode(), o.portCode(), o.description(),
                o.updatedBy(), Timestamp.from(o.updatedAt()));
    }

    /** Whether {@code ancestor} is {@code code} or above it in the tree (a parent may not be its own descendant). */
    public boolean isAncestorOrSelf(String code, String ancestor) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                WITH RECURSIVE up(code, parent_code) AS (
                    SELECT code, parent_code FROM port_org WHERE code = ?
                    UNION SELECT o.code, o.parent_code FROM port_org o JOIN up ON o.code = up.parent_code)
                SELECT exists (SELECT 1 FROM up WHERE code = ?)
                """, Boolean.class, code, ancestor));
    }

    // ---- roles

    private List<PortAdmin.Role> roles(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> new PortAdmin.Role(rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("description"),
                codes("SELECT permission_code FROM port_role_permission WHERE role_code = ? ORDER BY 1",
                        rs.getString("code")),
                rs.getString("updated_by"), PortAreaRepository.instant(rs, "updated_at")), args);
    }

    private List<String> codes(String sql, Object... args) {
        return jdbc.queryForList(sql, String.class, args);
    }

    public Optional<PortAdmin.Role> role(UUID id) {
        return roles("SELECT * FROM port_role WHERE id = ?", id).stream().findFirst();
    }

    static Search roleSearch(String q, String permission) {
        Search s = new Search().word(q, "code", "name_zh", "name_en");
        if (permission != null && !permission.isBlank()) {
            s.condition("code IN (SELECT role_code FROM port_role_permission WHERE permission_code = ?)",
                    permission.strip());
        }
        return s;
    }

    public List<PortAdmin.Role> roles(Search s, int limit, long offset) {
        return roles("SELECT * FROM port_role" + s.where() + " ORDER BY code LIMIT ? OFFSET ?", s.args(limit, offset));
    }

    public long roleCount(Search s) {
        return count("port_role", s.where().substring(" WHERE ".length()), s.args());
    }

    public void save(PortAdmin.Role r) {
        jdbc.update("""
                INSERT INTO port_role (id, code, name_zh, name_en, description, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    description = EXCLUDED.description, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at
                """, r.id(), r.code(), r.nameZh(), r.nameEn(), r.description(), r.updatedBy(),
                Timestamp.from(r.updatedAt()));
        jdbc.update("DELETE FROM port_role_permission WHERE role_code = ?", r.code());
        for (String p : r.permissions()) {
            jdbc.update("INSERT INTO port_role_permission (role_code, permission_code) VALUES (?, ?)", r.code(), p);
        }
    }

    // ---- users

    private List<PortAdmin.User> users(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> {
            String code = rs.getString("code");
            return new PortAdmin.User(rs.getObject("id", UUID.class), code, rs.getString("name_zh"),
                    rs.getString("name_en"), rs.getString("org_code"), rs.getString("phone"), rs.getBoolean("enabled"),
                    codes("SELECT role_code FROM port_user_role WHERE user_code = ? ORDER BY 1", code),
                    codes("SELECT permission_code FROM port_user_permission WHERE user_code = ? ORDER BY 1", code),
                    rs.getString("updated_by"), PortAreaRepository.instant(rs, "updated_at"));
        }, args);
    }

    public Optional<PortAdmin.User> user(UUID id) {
        return users("SELECT * FROM port_user WHERE id = ?", id).stream().findFirst();
    }

    public Optional<PortAdmin.User> userByCode(String code) {
        return users("SELECT * FROM port_user WHERE code = ?", code).stream().findFirst();
    }

    static Search userSearch(String q, String orgCode, String role, Boolean enabled) {
        Search s = new Search().eq("org_code", orgCode).eq("enabled", enabled).word(q, "code", "name_zh", "name_en",
                "phone");
        if (role != null && !role.isBlank()) {
            s.condition("code IN (SELECT user_code FROM port_user_role WHERE role_code = ?)", role.strip());
        }
        return s;
    }

    public List<PortAdmin.User> users(Search s, int limit, long offset) {
        return users("SELECT * FROM port_user" + s.where() + " ORDER BY code LIMIT ? OFFSET ?", s.args(limit, offset));
    }

    public long userCount(Search s) {
        return count("port_user", s.where().substring(" WHERE ".length()), s.args());
    }

    public void save(PortAdmin.User u) {
        jdbc.update("""
                INSERT INTO port_user (id, code, name_zh, name_en, org_code, phone, enabled, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    org_code = EXCLUDED.org_code, phone = EXCLUDED.phone, enabled = EXCLUDED.enabled,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, u.id(), u.code(), u.nameZh(), u.nameEn(), u.orgCode(), u.phone(), u.enabled(), u.updatedBy(),
                Timestamp.from(u.updatedAt()));
        jdbc.update("DELETE FROM port_user_role WHERE user_code = ?", u.code());
        for (String r : u.roles()) {
            jdbc.update("INSERT INTO port_user_role (user_code, role_code) VALUES (?, ?)", u.code(), r);
        }
        jdbc.update("DELETE FROM port_user_permission WHERE user_code = ?", u.code());
        for (String p : u.permissions()) {
            jdbc.update("INSERT INTO port_user_permission (user_code, permission_code) VALUES (?, ?)", u.code(), p);
        }
    }

    /** The permissions a user holds: through its roles and granted to it directly. */
    public List<String> effectivePermissions(String userCode) {
        return codes("""
                SELECT permission_code FROM port_role_permission rp JOIN port_user_role ur ON ur.role_code = rp.role_code
                WHERE ur.user_code = ?
                UNION SELECT permission_code FROM port_user_permission WHERE user_code = ?
                ORDER BY 1
                """, userCode, userCode);
    }

    // ---- menus

    private List<PortAdmin.Menu> menus(String sql, Object... args) {
        return jdbc.query(sql, (rs, i) -> new PortAdmin.Menu(rs.getObject("id", UUID.class), rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("parent_code"), rs.getString("path"),
                rs.getString("permission_code"), rs.getInt("sort_order"), rs.getBoolean("enabled"),
                rs.getString("updated_by"), PortAreaRepository.instant(rs, "updated_at")), args);
    }

    public Optional<PortAdmin.Menu> menu(UUID id) {
        return menus("SELECT * FROM port_menu WHERE id = ?", id).stream().findFirst();
    }

    static Search menuSearch(String q, Boolean enabled, String permissionCode) {
        return new Search().eq("enabled", enabled).eq("permission_code", permissionCode)
                .word(q, "code", "name_zh", "name_en", "path");
    }

    public List<PortAdmin.Menu> menus(Search s, int limit, long offset) {
        return menus("SELECT * FROM port_menu" + s.where() + " ORDER BY sort_order, code LIMIT ? OFFSET ?",
                s.args(limit, offset));
    }

    public long menuCount(Search s) {
        return count("port_menu", s.where().substring(" WHERE ".length()), s.args());
    }

    /** The enabled menus opened by any of these permissions. */
    public List<PortAdmin.Menu> menusFor(List<String> permissions) {
        return menus("SELECT * FROM port_menu WHERE enabled AND permission_code = ANY (?) ORDER BY sort_order, code",
                (Object) permissions.toArray(String[]::new));
    }

    public void save(PortAdmin.Menu m) {
        jdbc.update("""
                INSERT INTO port_menu (id, code, name_zh, name_en, parent_code, path, permission_code, sort_order,
                                       enabled, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                    parent_code = EXCLUDED.parent_code, path = EXCLUDED.path,
                    permission_code = EXCLUDED.permission_code, sort_order = EXCLUDED.sort_order,
                    enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
                """, m.id(), m.code(), m.nameZh(), m.nameEn(), m.parentCode(), m.path(), m.permissionCode(),
                m.sortOrder(), m.enabled(), m.updatedBy(), Timestamp.from(m.updatedAt()));
    }

    public void delete(String table, UUID id) {
        jdbc.update("DELETE FROM " + table + " WHERE id = ?", id);
    }
}
