package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 权限管理与菜单管理 (FP 606–635): the records of the port RBAC — organisations, users (a login registered with an
 * organisation), roles, the permission catalogue, the grants between them, and the menus a permission opens.
 */
public final class PortAdmin {

    private PortAdmin() {
    }

    /** 权限信息: one permission of the catalogue. */
    public record Permission(String code, String nameZh, String nameEn, String kind) {
    }

    /** 口岸机构: a unit of a supervising body or port operator; {@code portCode} scopes its users to one port. */
    public record Org(UUID id, String code, String nameZh, String nameEn, String parentCode, String portCode,
                      String description, String updatedBy, Instant updatedAt) {
    }

    /** 口岸角色 with its permissions (角色权限). */
    public record Role(UUID id, String code, String nameZh, String nameEn, String description,
                       List<String> permissions, String updatedBy, Instant updatedAt) {
    }

    /** 口岸用户: {@code code} is the login's user name; its roles (用户角色) and its own permissions (用户权限). */
    public record User(UUID id, String code, String nameZh, String nameEn, String orgCode, String phone,
                       boolean enabled, List<String> roles, List<String> permissions, String updatedBy,
                       Instant updatedAt) {
    }

    /** 菜单: opened by one permission; a disabled menu shows to nobody. */
    public record Menu(UUID id, String code, String nameZh, String nameEn, String parentCode, String path,
                       String permissionCode, int sortOrder, boolean enabled, String updatedBy, Instant updatedAt) {
    }

    /** What the signed-in officer may open: the enabled menus of the permissions their roles and grants give. */
    public record Mine(String username, boolean registered, String orgCode, String portCode,
                       List<String> permissions, List<Menu> menus) {
    }
}
