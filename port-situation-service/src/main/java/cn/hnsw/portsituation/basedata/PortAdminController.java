package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.audit.AuditSearch;
import cn.hnsw.common.audit.OperationLogEntry;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 权限管理、菜单管理、运行维护 (FP 606–644) under {@code /v1/base-data}: port organisations, users (with their roles and
 * own permissions), roles (with their permissions), the permission catalogue, menus (with enable/disable), the
 * operation log (common-lib's audit, this service's part) and the system run log, each listed, searched and, for the
 * logs, exported to Excel. Only platform administrators and single-window operators see or change them; every change
 * is itself in the operation log.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/base-data")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator')")
class PortAdminController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int EXPORT_ROWS = 10_000;

    private final PortAdminService service;
    private final PortAdminRepository admin;
    private final AuditLog audit;
    private final RunLog runLog;

    PortAdminController(PortAdminService service, PortAdminRepository admin, AuditLog audit, RunLog runLog) {
        this.service = service;
        this.admin = admin;
        this.audit = audit;
        this.runLog = runLog;
    }

    private static String by() {
        return Actors.current().username();
    }

    // ---- 权限信息

    @GetMapping("/permissions")
    List<PortAdmin.Permission> permissions() {
        return admin.permissions();
    }

    // ---- 口岸机构

    @GetMapping("/organisations")
    PageResponse<PortAdmin.Org> orgs(@RequestParam(required = false) String q,
                                     @RequestParam(required = false) String portCode,
                                     @RequestParam(required = false) String parentCode,
                                     @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Search s = PortAdminRepository.orgSearch(q, portCode, parentCode);
        return PageResponse.of(admin.orgs(s, query.size(), query.offset()), query, admin.orgCount(s));
    }

    @GetMapping("/organisations/{id}")
    PortAdmin.Org org(@PathVariable UUID id) {
        return service.org(id);
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    PortAdmin.Org createOrg(@RequestBody PortAdminService.OrgInput input) {
        return service.createOrg(input, by());
    }

    @PutMapping("/organisations/{id}")
    PortAdmin.Org updateOrg(@PathVariable UUID id, @RequestBody PortAdminService.OrgInput input) {
        return service.updateOrg(id, input, by());
    }

    @DeleteMapping("/organisations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteOrg(@PathVariable UUID id) {
        service.deleteOrg(id);
    }

    // ---- 口岸角色 (with 角色权限)

    @GetMapping("/port-roles")
    PageResponse<PortAdmin.Role> roles(@RequestParam(required = false) String q,
                                       @RequestParam(required = false) String permission,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Search s = PortAdminRepository.roleSearch(q, permission);
        return PageResponse.of(admin.roles(s, query.size(), query.offset()), query, admin.roleCount(s));
    }

    @GetMapping("/port-roles/{id}")
    PortAdmin.Role role(@PathVariable UUID id) {
        return service.role(id);
    }

    @PostMapping("/port-roles")
    @ResponseStatus(HttpStatus.CREATED)
    PortAdmin.Role createRole(@RequestBody PortAdminService.RoleInput input) {
        return service.createRole(input, by());
    }

    @PutMapping("/port-roles/{id}")
    PortAdmin.Role updateRole(@PathVariable UUID id, @RequestBody PortAdminService.RoleInput input) {
        return service.updateRole(id, input, by());
    }

    @DeleteMapping("/port-roles/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRole(@PathVariable UUID id) {
        service.deleteRole(id);
    }

    // ---- 口岸用户 (with 用户角色 and 用户权限)

    @GetMapping("/port-users")
    PageResponse<PortAdmin.User> users(@RequestParam(required = false) String q,
                                       @RequestParam(required = false) String orgCode,
                                       @RequestParam(required = false) String role,
                                       @RequestParam(required = false) Boolean enabled,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Search s = PortAdminRepository.userSearch(q, orgCode, role, enabled);
        return PageResponse.of(admin.users(s, query.size(), query.offset()), query, admin.userCount(s));
    }

    @GetMapping("/port-users/{id}")
    PortAdmin.User user(@PathVariable UUID id) {
        return service.user(id);
    }

    @PostMapping("/port-users")
    @ResponseStatus(HttpStatus.CREATED)
    PortAdmin.User createUser(@RequestBody PortAdminService.UserInput input) {
        return service.createUser(input, by());
    }

    @PutMapping("/port-users/{id}")
    PortAdmin.User updateUser(@PathVariable UUID id, @RequestBody PortAdminService.UserInput input) {
        return service.updateUser(id, input, by());
    }

    @DeleteMapping("/port-users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteUser(@PathVariable UUID id) {
        service.deleteUser(id);
    }

    // ---- 菜单

    @GetMapping("/menus")
    PageResponse<PortAdmin.Menu> menus(@RequestParam(required = false) String q,
                                       @RequestParam(required = false) Boolean enabled,
                                       @RequestParam(required = false) String permissionCode,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Search s = PortAdminRepository.menuSearch(q, enabled, permissionCode);
        return PageResponse.of(admin.menus(s, query.size(), query.offset()), query, admin.menuCount(s));
    }

    @GetMapping("/menus/{id}")
    PortAdmin.Menu menu(@PathVariable UUID id) {
        return service.menu(id);
    }

    @PostMapping("/menus")
    @ResponseStatus(HttpStatus.CREATED)
    PortAdmin.Menu createMenu(@RequestBody PortAdminService.MenuInput input) {
        return service.createMenu(input, by());
    }

    @PutMapping("/menus/{id}")
    PortAdmin.Menu updateMenu(@PathVariable UUID id, @RequestBody PortAdminService.MenuInput input) {
        return service.updateMenu(id, input, by());
    }

    record Enabled(boolean enabled) {
    }

    @PutMapping("/menus/{id}/enabled")
    PortAdmin.Menu enableMenu(@PathVariable UUID id, @RequestBody Enabled body) {
        return service.enableMenu(id, body.enabled(), by());
    }

    @DeleteMapping("/menus/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMenu(@PathVariable UUID id) {
        service.deleteMenu(id);
    }

    // ---- 操作日志

    private static Instant instant(String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new HnswException(BaseDataErrorCode.ADMIN_INVALID,
                    what + ": an ISO-8601 instant such as 2026-11-27T08:00:00Z / 时间格式无效");
        }
    }

    private static AuditSearch operationSearch(String actor, String action, String businessId, String result,
                                               String from, String to) {
        AuditResult r = null;
        if (result != null && !result.isBlank()) {
            r = Checks.oneOf(AuditResult.class, result, "result / 结果", BaseDataErrorCode.ADMIN_INVALID);
        }
        return new AuditSearch(blank(actor), null, blank(action), blank(businessId), r, instant(from, "from"),
                instant(to, "to"), false);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GetMapping("/operation-logs")
    PageResponse<OperationLogEntry> operations(@RequestParam(required = false) String actor,
                                               @RequestParam(required = false) String action,
                                               @RequestParam(required = false) String businessId,
                                               @RequestParam(required = false) String result,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer size) {
        return audit.searchOperations(operationSearch(actor, action, businessId, result, from, to),
                PageQuery.of(page, size));
    }

    @GetMapping("/operation-logs/export")
    void exportOperations(@RequestParam(required = false) String actor,
                          @RequestParam(required = false) String action,
                          @RequestParam(required = false) String businessId,
                          @RequestParam(required = false) String result,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          HttpServletResponse response) throws IOException {
        AuditSearch search = operationSearch(actor, action, businessId, result, from, to);
        List<Object[]> rows = new ArrayList<>();
        for (int page = 0; rows.size() < EXPORT_ROWS; page++) {
            List<OperationLogEntry> content = audit.searchOperations(search, PageQuery.of(page, 100)).content();
            for (OperationLogEntry e : content) {
                rows.add(new Object[]{e.seq(), e.occurredAt() == null ? null : e.occurredAt().toString(), e.actorName(),
                        e.roles(), e.organization(), e.action(), e.businessType(), e.businessId(),
                        e.result() == null ? null : e.result().name(), e.detail(), e.clientIp()});
            }
            if (content.size() < 100) {
                break;
            }
        }
        attachment(response, "operation-logs.xlsx");
        Sheets.write(response.getOutputStream(), "操作日志", new String[]{"序号 seq", "时间 time", "操作人 actor",
                "角色 roles", "机构 organisation", "操作 action", "业务类型 type", "业务编号 id", "结果 result",
                "详情 detail", "IP"}, rows);
    }

    // ---- 系统运行日志

    @GetMapping("/run-logs")
    PageResponse<RunLog.Line> runLogs(@RequestParam(required = false) String level,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        PageQuery query = PageQuery.of(page, size);
        Search s = RunLog.search(level, q, instant(from, "from"), instant(to, "to"));
        return PageResponse.of(runLog.search(s, query.size(), query.offset()), query, runLog.count(s));
    }

    @GetMapping("/run-logs/export")
    void exportRunLogs(@RequestParam(required = false) String level, @RequestParam(required = false) String q,
                       @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                       HttpServletResponse response) throws IOException {
        List<Object[]> rows = runLog.search(RunLog.search(level, q, instant(from, "from"), instant(to, "to")),
                EXPORT_ROWS, 0).stream().map(l -> new Object[]{l.id(), l.loggedAt().toString(), l.level(),
                l.logger(), l.thread(), l.message()}).toList();
        attachment(response, "run-logs.xlsx");
        Sheets.write(response.getOutputStream(), "系统运行日志", new String[]{"序号 id", "时间 time", "级别 level",
                "来源 logger", "线程 thread", "内容 message"}, rows);
    }

    private static void attachment(HttpServletResponse response, String name) {
        response.setContentType(XLSX);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
