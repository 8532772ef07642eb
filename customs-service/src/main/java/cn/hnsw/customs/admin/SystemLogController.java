package cn.hnsw.customs.admin;

import cn.hnsw.common.admin.LoginEventLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.audit.OperationLogEntry;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * 日志审计 — the user login log and the system operation log of the declaration system and the Haikou sub-centre:
 * query with conditions, one entry's details, Excel export ({@link SystemLogService}). The users, roles, organisations
 * and menus (the permission catalogue) of 系统管理 are common-lib's {@code /v1/admin} in this service.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/system-logs")
class SystemLogController {

    private final SystemLogService logs;

    SystemLogController(SystemLogService logs) {
        this.logs = logs;
    }

    @GetMapping("/login-log")
    PageResponse<LoginEventLog.Entry> loginLog(
            @RequestParam(required = false) String username, @RequestParam(required = false) String type,
            @RequestParam(required = false) Boolean failed,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return logs.loginLog(Actors.current(), new SystemLogService.LoginConditions(username, type, failed, from, to),
                PageQuery.of(page, size));
    }

    @GetMapping("/login-log/entries/{eventId}")
    LoginEventLog.Entry loginEntry(@PathVariable String eventId) {
        return logs.loginEntry(Actors.current(), eventId);
    }

    @GetMapping("/login-log/export")
    ResponseEntity<byte[]> exportLoginLog(
            @RequestParam(required = false) String username, @RequestParam(required = false) String type,
            @RequestParam(required = false) Boolean failed,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return xlsx(logs.exportLoginLog(Actors.current(),
                new SystemLogService.LoginConditions(username, type, failed, from, to)), "用户登录日志.xlsx");
    }

    @GetMapping("/operation-log")
    PageResponse<OperationLogEntry> operationLog(
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String businessId, @RequestParam(required = false) AuditResult result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return logs.operationLog(Actors.current(),
                new SystemLogService.OperationConditions(actor, action, businessId, result, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/operation-log/entries/{seq}")
    OperationLogEntry operationEntry(@PathVariable long seq) {
        return logs.operationEntry(Actors.current(), seq);
    }

    @GetMapping("/operation-log/export")
    ResponseEntity<byte[]> exportOperationLog(
            @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String businessId, @RequestParam(required = false) AuditResult result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        return xlsx(logs.exportOperationLog(Actors.current(),
                new SystemLogService.OperationConditions(actor, action, businessId, result, from, to)), "系统操作日志.xlsx");
    }

    private static ResponseEntity<byte[]> xlsx(byte[] body, String filename) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(filename, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
