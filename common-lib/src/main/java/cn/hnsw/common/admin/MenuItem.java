package cn.hnsw.common.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 菜单 — one entry of a service's console menu. {@code roles} are the realm roles that see it; an empty list means
 * every signed-in user. {@code children} is filled when the menu is read as a tree.
 */
public record MenuItem(UUID id, UUID parentId, String code, String nameZh, String nameEn, String path, String icon,
                       int sortOrder, List<String> roles, boolean enabled, Instant updatedAt, String updatedBy,
                       List<MenuItem> children) {

    MenuItem withChildren(List<MenuItem> children) {
        return new MenuItem(id, parentId, code, nameZh, nameEn, path, icon, sortOrder, roles, enabled, updatedAt,
                updatedBy, children);
    }
}
