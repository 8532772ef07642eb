package cn.hnsw.common.admin;

import cn.hnsw.common.web.FieldViolation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** A menu entry as an administrator writes it (新增 / 修改). */
public record MenuDraft(UUID parentId, String code, String nameZh, String nameEn, String path, String icon,
                        Integer sortOrder, List<String> roles, Boolean enabled) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9/_:.-]*");

    /** Every reason the draft is refused; {@code knownRoles} are the realm roles a menu may name. */
    List<FieldViolation> violations(Collection<String> knownRoles) {
        List<FieldViolation> v = new ArrayList<>();
        if (code == null || code.length() > 64 || !CODE.matcher(code).matches()) {
            v.add(new FieldViolation("code", "Pattern", "菜单编码须为小写字母开头的字母、数字、点或连字符，最长 64 位",
                    "code must be lower-case letters, digits, dots or hyphens starting with a letter, at most 64"));
        }
        if (nameZh == null || nameZh.isBlank() || nameZh.length() > 50) {
            v.add(new FieldViolation("nameZh", "NotBlank", "中文名称必填，最长 50 字", "the Chinese name is required, at most 50 characters"));
        }
        if (nameEn == null || nameEn.isBlank() || nameEn.length() > 100) {
            v.add(new FieldViolation("nameEn", "NotBlank", "英文名称必填，最长 100 字", "the English name is required, at most 100 characters"));
        }
        if (path != null && !path.isEmpty() && (path.length() > 200 || !PATH.matcher(path).matches())) {
            v.add(new FieldViolation("path", "Pattern", "路由须以 / 开头", "the route must start with / and hold no spaces"));
        }
        if (icon != null && icon.length() > 64) {
            v.add(new FieldViolation("icon", "Size", "图标名最长 64 位", "the icon name is at most 64 characters"));
        }
        if (sortOrder != null && (sortOrder < 0 || sortOrder > 9999)) {
            v.add(new FieldViolation("sortOrder", "Range", "排序须在 0 到 9999 之间", "sortOrder must be between 0 and 9999"));
        }
        if (roles != null) {
            for (String r : roles) {
                if (!knownRoles.contains(r)) {
                    v.add(new FieldViolation("roles", "KnownRole", "未知角色：" + r, "unknown role: " + r));
                }
            }
        }
        return v;
    }
}
