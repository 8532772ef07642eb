package cn.hnsw.customs.admin;

import cn.hnsw.common.admin.LoginEventLog;
import cn.hnsw.common.admin.SystemAdministration;
import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.audit.AuditSearch;
import cn.hnsw.common.audit.OperationLogEntry;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * 日志审计 of the declaration system and the Haikou data sub-centre (second-line FP 730–743, sub-centre FP 976–989
 * and 1261–1274): the user login log (sign-ins the identity provider recorded, pulled by common-lib's
 * {@link LoginEventLog}) and the system operation log (the audit hash chain), each queried with conditions, shown
 * one entry at a time, exported to Excel; every query, detail and export is itself written to the operation log
 * (查询记录日志处理). Operators and platform administrators only.
 */
@Service
public class SystemLogService {

    /** The widest period one query may span. */
    public static final int MAX_DAYS = 366;
    /** The most entries one export writes; more must be narrowed first. */
    public static final int EXPORT_LIMIT = 10_000;

    private static final Set<String> LOGIN_TYPES = Set.of("LOGIN", "LOGIN_ERROR", "LOGOUT", "LOGOUT_ERROR",
            "CODE_TO_TOKEN", "CODE_TO_TOKEN_ERROR", "REFRESH_TOKEN", "REFRESH_TOKEN_ERROR");

    public record LoginConditions(String username, String type, Boolean failed, Instant from, Instant to) {
    }

    public record OperationConditions(String actor, String action, String businessId, AuditResult result,
                                      Instant from, Instant to) {
    }

    private final LoginEventLog logins;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    public SystemLogService(LoginEventLog logins, AuditLog audit, JdbcTemplate jdbc) {
        this.logins = logins;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ login log

    public PageResponse<LoginEventLog.Entry> loginLog(CurrentActor actor, LoginConditions c, PageQuery page) {
        SystemAdministration.requireAdministrator(actor);
        check(c);
        PageResponse<LoginEventLog.Entry> found = logins.search(c.username(), c.type(), c.failed(), c.from(), c.to(), page);
        record(actor, "LOGIN_LOG_QUERY", null, describe(c) + " total=" + found.totalElements());
        return found;
    }

    public LoginEventLog.Entry loginEntry(CurrentActor actor, String eventId) {
        SystemAdministration.requireAdministrator(actor);
        List<LoginEventLog.Entry> rows = jdbc.query("SELECT * FROM admin_login_event WHERE event_id = ?",
                (rs, i) -> new LoginEventLog.Entry(rs.getString("event_id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("type"), rs.getString("user_id"), rs.getString("username"),
                        rs.getString("client_id"), rs.getString("session_id"), rs.getString("ip_address"),
                        rs.getString("error")), eventId);
        if (rows.isEmpty()) {
            record(actor, "LOGIN_LOG_DETAIL", eventId, "not found", AuditResult.FAILURE);
            throw new HnswException(SystemLogErrorCode.LOG_ENTRY_NOT_FOUND);
        }
        record(actor, "LOGIN_LOG_DETAIL", eventId, null);
        return rows.getFirst();
    }

    public byte[] exportLoginLog(CurrentActor actor, LoginConditions c) {
        SystemAdministration.requireAdministrator(actor);
        check(c);
        List<LoginEventLog.Entry> all = collect(p -> logins.search(c.username(), c.type(), c.failed(), c.from(), c.to(), p));
        List<List<String>> rows = new ArrayList<>();
        for (LoginEventLog.Entry e : all) {
            rows.add(List.of(e.occurredAt().toString(), e.type(), nz(e.username()), nz(e.userId()), nz(e.clientId()),
                    nz(e.ipAddress()), e.error() == null ? "成功 success" : "失败 failed: " + e.error(), nz(e.sessionId()),
                    e.eventId()));
        }
        record(actor, "LOGIN_LOG_EXPORT", null, describe(c) + " rows=" + rows.size());
        return workbook("用户登录日志", List.of("时间 Time", "类型 Type", "用户名 Username", "用户编号 User id",
                "客户端 Client", "IP地址 IP address", "结果 Result", "会话 Session", "事件编号 Event id"), rows);
    }

    // ------------------------------------------------------------------ operation log

    public PageResponse<OperationLogEntry> operationLog(CurrentActor actor, OperationConditions c, PageQuery page) {
        SystemAdministration.requireAdministrator(actor);
        check(c.from(), c.to());
        PageResponse<OperationLogEntry> found = audit.searchOperations(search(c), page);
        record(actor, "OPERATION_LOG_QUERY", null, describe(c) + " total=" + found.totalElements());
        return found;
    }

    public OperationLogEntry operationEntry(CurrentActor actor, long seq) {
        SystemAdministration.requireAdministrator(actor);
        List<OperationLogEntry> rows = jdbc.query("SELECT * FROM audit_operation_log WHERE seq = ?",
                (rs, i) -> new OperationLogEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("actor_id"), rs.getString("actor_name"), rs.getString("roles"),
                        rs.getString("organization"), rs.getString("enterprise"), rs.getString("action"),
                        rs.getString("business_type"), rs.getString("business_id"),
                        AuditResult.valueOf(rs.getString("result")), rs.getString("detail"), rs.getString("client_ip"),
                        rs.getString("request_id"), rs.getString("hash")), seq);
        if (rows.isEmpty()) {
            record(actor, "OPERATION_LOG_DETAIL", Long.toString(seq), "not found", AuditResult.FAILURE);
            throw new HnswException(SystemLogErrorCode.LOG_ENTRY_NOT_FOUND);
        }
        record(actor, "OPERATION_LOG_DETAIL", Long.toString(seq), null);
        return rows.getFirst();
    }

    public byte[] exportOperationLog(CurrentActor actor, OperationConditions c) {
        SystemAdministration.requireAdministrator(actor);
        check(c.from(), c.to());
        List<OperationLogEntry> all = collect(p -> audit.searchOperations(search(c), p));
        List<List<String>> rows = new ArrayList<>();
        for (OperationLogEntry e : all) {
            rows.add(List.of(String.valueOf(e.seq()), e.occurredAt().toString(), nz(e.actorName()), nz(e.roles()),
                    nz(e.organization()), nz(e.enterprise()), e.action(), nz(e.businessType()), nz(e.businessId()),
                    e.result().name(), nz(e.detail()), nz(e.clientIp())));
        }
        record(actor, "OPERATION_LOG_EXPORT", null, describe(c) + " rows=" + rows.size());
        return workbook("系统操作日志", List.of("序号 Seq", "时间 Time", "操作人 Actor", "角色 Roles", "机构 Organisation",
                "企业 Enterprise", "操作 Action", "业务类型 Business type", "业务编号 Business id", "结果 Result",
                "详情 Detail", "IP地址 IP address"), rows);
    }

    // ------------------------------------------------------------------ shared

    private static AuditSearch search(OperationConditions c) {
        return new AuditSearch(blank(c.actor()), null, blank(c.action()), blank(c.businessId()), c.result(),
                c.from(), c.to(), false);
    }

    private static void check(LoginConditions c) {
        if (c.type() != null && !c.type().isBlank() && !LOGIN_TYPES.contains(c.type().trim())) {
            throw new HnswException(SystemLogErrorCode.LOG_CONDITION_INVALID, "type", c.type());
        }
        if (c.username() != null && c.username().length() > 100) {
            throw new HnswException(SystemLogErrorCode.LOG_CONDITION_INVALID, "username", "> 100");
        }
        check(c.from(), c.to());
    }

    private static void check(Instant from, Instant to) {
        if (from != null && to != null) {
            if (!from.isBefore(to)) {
                throw new HnswException(SystemLogErrorCode.LOG_RANGE_INVALID);
            }
            if (Duration.between(from, to).toDays() > MAX_DAYS) {
                throw new HnswException(SystemLogErrorCode.LOG_RANGE_TOO_LONG, MAX_DAYS);
            }
        }
    }

    private static <T> List<T> collect(Function<PageQuery, PageResponse<T>> pages) {
        PageResponse<T> first = pages.apply(PageQuery.of(0, PageQuery.MAX_SIZE));
        if (first.totalElements() > EXPORT_LIMIT) {
            throw new HnswException(SystemLogErrorCode.LOG_EXPORT_TOO_LARGE, first.totalElements(), EXPORT_LIMIT);
        }
        List<T> all = new ArrayList<>(first.content());
        for (int p = 1; all.size() < first.totalElements(); p++) {
            List<T> more = pages.apply(PageQuery.of(p, PageQuery.MAX_SIZE)).content();
            if (more.isEmpty()) {
                break;
            }
            all.addAll(more);
        }
        return all;
    }

    private void record(CurrentActor actor, String action, String businessId, String detail) {
        record(actor, action, businessId, detail, AuditResult.SUCCESS);
    }

    private void record(CurrentActor actor, String action, String businessId, String detail, AuditResult result) {
        audit.recordOperationSeparately(AuditContext.operation(actor, null, action, "system-log", businessId, result,
                detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000)));
    }

    private static String describe(LoginConditions c) {
        StringJoiner j = new StringJoiner(" ");
        add(j, "username", c.username());
        add(j, "type", c.type());
        add(j, "failed", c.failed());
        add(j, "from", c.from());
        add(j, "to", c.to());
        return j.toString();
    }

    private static String describe(OperationConditions c) {
        StringJoiner j = new StringJoiner(" ");
        add(j, "actor", c.actor());
        add(j, "action", c.action());
        add(j, "businessId", c.businessId());
        add(j, "result", c.result());
        add(j, "from", c.from());
        add(j, "to", c.to());
        return j.toString();
    }

    private static void add(StringJoiner j, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            j.add(name + "=" + value);
        }
    }

    private static byte[] workbook(String sheetName, List<String> titles, List<List<String>> rows) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            Row title = sheet.createRow(0);
            for (int c = 0; c < titles.size(); c++) {
                title.createCell(c).setCellValue(titles.get(c));
            }
            int r = 1;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    row.createCell(c).setCellValue(values.get(c));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
