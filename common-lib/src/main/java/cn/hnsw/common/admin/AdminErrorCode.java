package cn.hnsw.common.admin;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the shared system administration (系统管理). */
public enum AdminErrorCode implements EnumErrorCode {
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "用户不存在", "The user does not exist"),
    USER_EXISTS(HttpStatus.CONFLICT, "用户名或邮箱已被使用：{0}", "The user name or e-mail is already taken: {0}"),
    USER_SELF(HttpStatus.CONFLICT, "不能停用、删除自己的账号或改变自己的角色", "You cannot disable or delete your own account or change your own roles"),
    PASSWORD_REJECTED(HttpStatus.BAD_REQUEST, "密码不符合密码策略：{0}", "The password does not meet the password policy: {0}"),
    ROLE_NOT_FOUND(HttpStatus.NOT_FOUND, "角色不存在：{0}", "The role does not exist: {0}"),
    ROLE_EXISTS(HttpStatus.CONFLICT, "角色已存在：{0}", "The role already exists: {0}"),
    ROLE_BUILT_IN(HttpStatus.CONFLICT, "平台内置角色不能修改或删除：{0}", "A built-in platform role cannot be changed or deleted: {0}"),
    ROLE_IN_USE(HttpStatus.CONFLICT, "角色仍有用户持有，不能删除：{0}", "Users still hold the role, it cannot be deleted: {0}"),
    ROLE_NOT_ASSIGNABLE(HttpStatus.FORBIDDEN, "无权授予角色：{0}", "You may not grant the role: {0}"),
    ORGANISATION_NOT_FOUND(HttpStatus.NOT_FOUND, "组织机构不存在", "The organisation does not exist"),
    ORGANISATION_EXISTS(HttpStatus.CONFLICT, "同一上级下已有同名组织机构：{0}", "An organisation of that name exists under the same parent: {0}"),
    ORGANISATION_NOT_EMPTY(HttpStatus.CONFLICT, "组织机构下仍有下级机构或用户，不能删除", "The organisation still has sub-organisations or members and cannot be deleted"),
    MENU_NOT_FOUND(HttpStatus.NOT_FOUND, "菜单不存在", "The menu item does not exist"),
    MENU_CODE_EXISTS(HttpStatus.CONFLICT, "菜单编码已存在：{0}", "The menu code already exists: {0}"),
    MENU_HAS_CHILDREN(HttpStatus.CONFLICT, "菜单下仍有子菜单，不能删除", "The menu item still has children and cannot be deleted"),
    DIRECTORY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "统一身份认证服务暂不可用，请稍后重试", "The identity service is unavailable; try again later");

    private final ErrorText text;

    AdminErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
