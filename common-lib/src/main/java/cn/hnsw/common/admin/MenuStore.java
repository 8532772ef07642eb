package cn.hnsw.common.admin;

import cn.hnsw.common.web.HnswException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** 菜单管理 — the service's console menu as data in its own {@code admin_menu} table. */
public class MenuStore {

    private static final RowMapper<MenuItem> ROW = (rs, i) -> {
        Array roles = rs.getArray("roles");
        return new MenuItem(rs.getObject("id", UUID.class), rs.getObject("parent_id", UUID.class), rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("path"), rs.getString("icon"),
                rs.getInt("sort_order"), roles == null ? List.of() : List.of((String[]) roles.getArray()),
                rs.getBoolean("enabled"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
                List.of());
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MenuStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every entry as a tree, disabled ones included (the administrator's view). */
    public List<MenuItem> tree() {
        return tree(all());
    }

    /** The enabled entries {@code roles} may see, as a tree; a child is shown only under a visible parent. */
    public List<MenuItem> visibleTo(Collection<String> roles) {
        List<MenuItem> visible = all().stream().filter(MenuItem::enabled)
                .filter(m -> m.roles().isEmpty() || m.roles().stream().anyMatch(roles::contains)).toList();
        return tree(visible);
    }

    public MenuItem get(UUID id) {
        return jdbc.query("SELECT * FROM admin_menu WHERE id = ?", ROW, id).stream().findFirst()
                .orElseThrow(() -> new HnswException(AdminErrorCode.MENU_NOT_FOUND));
    }

    public MenuItem create(MenuDraft d, String by) {
        UUID id = UUID.randomUUID();
        requireParent(null, d.parentId());
        try {
            jdbc.update("""
                    INSERT INTO admin_menu (id, parent_id, code, name_zh, name_en, path, icon, sort_order, roles, enabled,
                                            updated_at, updated_by)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, ?)""",
                    id, d.parentId(), d.code(), d.nameZh().trim(), d.nameEn().trim(), blankToNull(d.path()),
                    blankToNull(d.icon()), d.sortOrder() == null ? 0 : d.sortOrder(), joined(d.roles()),
                    d.enabled() == null || d.enabled(), Timestamp.from(clock.instant()), by);
        } catch (DuplicateKeyException e) {
            throw new HnswException(AdminErrorCode.MENU_CODE_EXISTS, d.code());
        }
        return get(id);
    }

    public MenuItem update(UUID id, MenuDraft d, String by) {
        get(id);
        requireParent(id, d.parentId());
        try {
            jdbc.update("""
                    UPDATE admin_menu SET parent_id = ?, code = ?, name_zh = ?, name_en = ?, path = ?, icon = ?,
                           sort_order = ?, roles = string_to_array(?, ','), enabled = ?, updated_at = ?, updated_by = ?
                     WHERE id = ?""",
                    d.parentId(), d.code(), d.nameZh().trim(), d.nameEn().trim(), blankToNull(d.path()),
                    blankToNull(d.icon()), d.sortOrder() == null ? 0 : d.sortOrder(), joined(d.roles()),
                    d.enabled() == null || d.enabled(), Timestamp.from(clock.instant()), by, id);
        } catch (DuplicateKeyException e) {
            throw new HnswException(AdminErrorCode.MENU_CODE_EXISTS, d.code());
        }
        return get(id);
    }

    public void delete(UUID id) {
        get(id);
        Integer children = jdbc.queryForObject("SELECT count(*) FROM admin_menu WHERE parent_id = ?", Integer.class, id);
        if (children != null && children > 0) {
            throw new HnswException(AdminErrorCode.MENU_HAS_CHILDREN);
        }
        jdbc.update("DELETE FROM admin_menu WHERE id = ?", id);
    }

    /** The parent must exist and must not be the entry itself or one of its descendants (no cycles). */
    private void requireParent(UUID self, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Map<UUID, UUID> parents = all().stream().filter(m -> m.parentId() != null)
                .collect(Collectors.toMap(MenuItem::id, MenuItem::parentId));
        if (self != null && self.equals(parentId)) {
            throw parentRefused();
        }
        get(parentId);
        Set<UUID> seen = new HashSet<>();
        for (UUID p = parentId; p != null && seen.add(p); p = parents.get(p)) {
            if (p.equals(self)) {
                throw parentRefused();
            }
        }
    }

    private static HnswException parentRefused() {
        return new HnswException(cn.hnsw.common.web.CommonErrorCode.VALIDATION_FAILED, List.of(
                new cn.hnsw.common.web.FieldViolation("parentId", "NoCycle", "上级菜单不能是自身或其下级",
                        "the parent cannot be the item itself or one of its descendants")), null);
    }

    private List<MenuItem> all() {
        return jdbc.query("SELECT * FROM admin_menu ORDER BY sort_order, code", ROW);
    }

    private static List<MenuItem> tree(List<MenuItem> items) {
        Map<UUID, List<MenuItem>> byParent = new LinkedHashMap<>();
        Set<UUID> ids = items.stream().map(MenuItem::id).collect(Collectors.toSet());
        for (MenuItem m : items) {
            byParent.computeIfAbsent(m.parentId(), k -> new ArrayList<>()).add(m);
        }
        return build(byParent, null, ids);
    }

    private static List<MenuItem> build(Map<UUID, List<MenuItem>> byParent, UUID parent, Set<UUID> ids) {
        List<MenuItem> out = new ArrayList<>();
        for (MenuItem m : byParent.getOrDefault(parent, List.of())) {
            out.add(m.withChildren(build(byParent, m.id(), ids)));
        }
        out.sort(Comparator.comparingInt(MenuItem::sortOrder).thenComparing(MenuItem::code));
        return out;
    }

    private static String joined(List<String> roles) {
        return roles == null ? "" : String.join(",", roles.stream().distinct().toList());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
