package cn.hnsw.common.admin;

import cn.hnsw.common.admin.IdentityDirectory.DirectoryRole;
import cn.hnsw.common.admin.IdentityDirectory.DirectoryUser;
import cn.hnsw.common.admin.IdentityDirectory.OrganisationDraft;
import cn.hnsw.common.admin.IdentityDirectory.OrganisationUnit;
import cn.hnsw.common.admin.IdentityDirectory.RoleDraft;
import cn.hnsw.common.admin.IdentityDirectory.UserChange;
import cn.hnsw.common.admin.IdentityDirectory.UserDraft;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.audit.AuditSearch;
import cn.hnsw.common.audit.OperationLogEntry;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 系统管理 / 日志审计 — the system administration of the service: users (用户), roles (角色), organisations (组织部门),
 * menus (菜单), the login log (用户登录日志) and the operation log (系统操作日志). Operators and platform
 * administrators only; every change is written to the operation log by common-lib's audit interceptor.
 */
@RestController
@RequestMapping("${hnsw.api.base:/api}/v1/admin")
public class AdminController {

    public record EnabledChange(Boolean enabled) {
    }

    public record PasswordReset(String password, Boolean temporary) {
    }

    public record RoleAssignment(List<String> roles) {
    }

    public record OrganisationAssignment(List<String> organisationIds) {
    }

    public record NewOrganisation(String parentId, String name, String nameZh, String nameEn) {
    }

    private final SystemAdministration admin;
    private final LoginEventLog loginEvents;
    private final AuditLog auditLog;

    public AdminController(SystemAdministration admin, LoginEventLog loginEvents, AuditLog auditLog) {
        this.admin = admin;
        this.loginEvents = loginEvents;
        this.auditLog = auditLog;
    }

    @GetMapping("/users")
    public PageResponse<DirectoryUser> users(@RequestParam(required = false) String search,
                                             @RequestParam(required = false) Boolean enabled,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size) {
        return admin.users(Actors.current(), search, enabled, PageQuery.of(page, size));
    }

    @GetMapping("/users/{id}")
    public DirectoryUser user(@PathVariable String id) {
        return admin.user(Actors.current(), id);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public DirectoryUser createUser(@RequestBody UserDraft draft) {
        return admin.createUser(Actors.current(), draft);
    }

    @PutMapping("/users/{id}")
    public DirectoryUser updateUser(@PathVariable String id, @RequestBody UserChange change) {
        return admin.updateUser(Actors.current(), id, change);
    }

    @PutMapping("/users/{id}/enabled")
    public DirectoryUser setEnabled(@PathVariable String id, @RequestBody EnabledChange change) {
        admin.setEnabled(Actors.current(), id, Boolean.TRUE.equals(change.enabled()));
        return admin.user(Actors.current(), id);
    }

    @PutMapping("/users/{id}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void resetPassword(@PathVariable String id, @RequestBody PasswordReset reset) {
        admin.resetPassword(Actors.current(), id, reset.password(), reset.temporary());
    }

    @PutMapping("/users/{id}/roles")
    public DirectoryUser setRoles(@PathVariable String id, @RequestBody RoleAssignment assignment) {
        return admin.setRoles(Actors.current(), id, assignment.roles());
    }

    @PutMapping("/users/{id}/organisations")
    public DirectoryUser setOrganisations(@PathVariable String id, @RequestBody OrganisationAssignment assignment) {
        return admin.setOrganisations(Actors.current(), id, assignment.organisationIds());
    }

    @DeleteMapping("/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteUser(@PathVariable String id) {
        admin.deleteUser(Actors.current(), id);
    }

    @GetMapping("/roles")
    public List<DirectoryRole> roles() {
        return admin.roles(Actors.current());
    }

    @PostMapping("/roles")
    @ResponseStatus(HttpStatus.CREATED)
    public DirectoryRole createRole(@RequestBody RoleDraft draft) {
        return admin.createRole(Actors.current(), draft);
    }

    @PutMapping("/roles/{name}")
    public DirectoryRole updateRole(@PathVariable String name, @RequestBody RoleDraft draft) {
        return admin.updateRole(Actors.current(), name, draft);
    }

    @DeleteMapping("/roles/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteRole(@PathVariable String name) {
        admin.deleteRole(Actors.current(), name);
    }

    @GetMapping("/organisations")
    public List<OrganisationUnit> organisations() {
        return admin.organisations(Actors.current());
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    public OrganisationUnit createOrganisation(@RequestBody NewOrganisation o) {
        return admin.createOrganisation(Actors.current(), o.parentId(),
                new OrganisationDraft(o.name(), o.nameZh(), o.nameEn()));
    }

    @PutMapping("/organisations/{id}")
    public OrganisationUnit updateOrganisation(@PathVariable String id, @RequestBody OrganisationDraft draft) {
        return admin.updateOrganisation(Actors.current(), id, draft);
    }

    @DeleteMapping("/organisations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteOrganisation(@PathVariable String id) {
        admin.deleteOrganisation(Actors.current(), id);
    }

    @GetMapping("/menus")
    public List<MenuItem> menus() {
        return admin.menus(Actors.current());
    }

    @GetMapping("/menus/{id}")
    public MenuItem menu(@PathVariable UUID id) {
        return admin.menu(Actors.current(), id);
    }

    @PostMapping("/menus")
    @ResponseStatus(HttpStatus.CREATED)
    public MenuItem createMenu(@RequestBody MenuDraft draft) {
        return admin.createMenu(Actors.current(), draft);
    }

    @PutMapping("/menus/{id}")
    public MenuItem updateMenu(@PathVariable UUID id, @RequestBody MenuDraft draft) {
        return admin.updateMenu(Actors.current(), id, draft);
    }

    @DeleteMapping("/menus/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void deleteMenu(@PathVariable UUID id) {
        admin.deleteMenu(Actors.current(), id);
    }

    /** FP 97: sign-ins, failed sign-ins and sign-outs from the identity provider, newest first. */
    @GetMapping("/login-log")
    public PageResponse<LoginEventLog.Entry> loginLog(
            @RequestParam(required = false) String username, @RequestParam(required = false) String type,
            @RequestParam(required = false) Boolean failed,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        SystemAdministration.requireAdministrator(Actors.current());
        return loginEvents.search(username, type, failed, from, to, PageQuery.of(page, size));
    }

    /** Pulls the newest sign-in events now instead of waiting for the next scheduled pull. */
    @PostMapping("/login-log/pull")
    public Map<String, Integer> pullLoginLog() {
        SystemAdministration.requireAdministrator(Actors.current());
        return Map.of("stored", loginEvents.pull());
    }

    /** FP 98: the service's operation log (the audit hash chain), newest first. */
    @GetMapping("/operation-log")
    public PageResponse<OperationLogEntry> operationLog(
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String businessId,
            @RequestParam(required = false) AuditResult result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        SystemAdministration.requireAdministrator(Actors.current());
        return auditLog.searchOperations(
                new AuditSearch(blank(actor), null, blank(action), blank(businessId), result, from, to, false),
                PageQuery.of(page, size));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
