package cn.hnsw.customs.importing;

import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 表格导入校验设置 / 表格导出校验设置 per declaration type (FP 127, 178, 185, 335, 394, 560, 791, 850, 1076, 1135):
 * operators keep the most rows one import or export may hold and the sheet columns each imported row must fill; the
 * import and export read the enabled setting. Every save and deletion is logged with the setting afterwards and goes
 * to the platform's operation log.
 */
@Service
public class ExcelSettings {

    public enum Direction { IMPORT, EXPORT }

    public record Setting(Direction direction, DeclarationType declarationType, int maxRows,
                          List<String> requiredColumns, boolean enabled, int version, String updatedBy,
                          Instant updatedAt) {
    }

    public record Change(Integer maxRows, List<String> requiredColumns, Boolean enabled) {
    }

    public record LogEntry(long id, String action, int version, String snapshot, String changedBy, Instant changedAt) {
    }

    /** The most rows any import or export may hold, whatever the setting says. */
    static final int IMPORT_CEILING = DeclarationExcel.MAX_ROWS;
    static final int EXPORT_CEILING = PageQuery.MAX_SIZE;

    private static final Map<String, DeclarationSheet.Column> COLUMNS = DeclarationSheet.COLUMNS.stream()
            .collect(Collectors.toMap(DeclarationSheet.Column::field, Function.identity()));

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ObjectMapper json;

    public ExcelSettings(JdbcClient jdbc, AuditLog audit, ObjectMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    /** The setting in force for one direction and type: only an enabled one. */
    public Optional<Setting> inForce(Direction direction, DeclarationType type) {
        return find(direction, type).filter(Setting::enabled);
    }

    public Optional<Setting> find(Direction direction, DeclarationType type) {
        return jdbc.sql("SELECT * FROM excel_setting WHERE direction = :d AND declaration_type = :t")
                .param("d", direction.name()).param("t", type.name()).query((rs, n) -> map(rs)).optional();
    }

    /** 设置查询: by direction and type, paged. */
    @Transactional(readOnly = true)
    public PageResponse<Setting> list(Direction direction, DeclarationType type, PageQuery page) {
        String where = " WHERE (CAST(:d AS text) IS NULL OR direction = :d) AND (CAST(:t AS text) IS NULL OR declaration_type = :t)";
        String d = direction == null ? null : direction.name();
        String t = type == null ? null : type.name();
        List<Setting> rows = jdbc.sql("SELECT * FROM excel_setting" + where
                        + " ORDER BY direction, declaration_type LIMIT :l OFFSET :o")
                .param("d", d).param("t", t).param("l", page.size()).param("o", page.offset())
                .query((rs, n) -> map(rs)).list();
        long total = jdbc.sql("SELECT count(*) FROM excel_setting" + where).param("d", d).param("t", t)
                .query(Long.class).single();
        return PageResponse.of(rows, page, total);
    }

    /** 设置新增/修改/启用/停用: checked as a whole, version bumped, logged. */
    @Transactional
    public Setting save(CurrentActor actor, Direction direction, DeclarationType type, Change change) {
        if (change == null || change.maxRows() == null) {
            throw new HnswException(CustomsErrorCode.EXCEL_SETTING_INVALID, "maxRows");
        }
        int ceiling = direction == Direction.IMPORT ? IMPORT_CEILING : EXPORT_CEILING;
        if (change.maxRows() < 1 || change.maxRows() > ceiling) {
            throw new HnswException(CustomsErrorCode.EXCEL_SETTING_INVALID, "maxRows 1–" + ceiling);
        }
        List<String> required = change.requiredColumns() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(change.requiredColumns().stream().map(String::trim).toList()));
        if (direction == Direction.EXPORT && !required.isEmpty()) {
            throw new HnswException(CustomsErrorCode.EXCEL_SETTING_INVALID, "requiredColumns: import only");
        }
        for (String c : required) {
            if (!COLUMNS.containsKey(c)) {
                throw new HnswException(CustomsErrorCode.EXCEL_SETTING_INVALID, "requiredColumns: " + c);
            }
        }
        boolean enabled = change.enabled() == null || change.enabled();
        jdbc.sql("""
                INSERT INTO excel_setting (direction, declaration_type, max_rows, required_columns, enabled, updated_by)
                VALUES (:d, :t, :m, :r, :e, :by)
                ON CONFLICT (direction, declaration_type) DO UPDATE SET max_rows = :m, required_columns = :r,
                  enabled = :e, version = excel_setting.version + 1, updated_by = :by, updated_at = now()""")
                .param("d", direction.name()).param("t", type.name()).param("m", change.maxRows())
                .param("r", String.join(",", required)).param("e", enabled).param("by", actor.username()).update();
        Setting saved = find(direction, type).orElseThrow();
        log(actor, saved, "SAVED");
        return saved;
    }

    /** 设置删除: the built-in limits apply again; the log is kept. */
    @Transactional
    public void delete(CurrentActor actor, Direction direction, DeclarationType type) {
        Setting current = find(direction, type).orElseThrow(() -> new HnswException(
                CustomsErrorCode.EXCEL_SETTING_NOT_FOUND, type.nameZh(), direction == Direction.IMPORT ? "导入" : "导出"));
        jdbc.sql("DELETE FROM excel_setting WHERE direction = :d AND declaration_type = :t")
                .param("d", direction.name()).param("t", type.name()).update();
        log(actor, current, "DELETED");
    }

    @Transactional(readOnly = true)
    public List<LogEntry> history(Direction direction, DeclarationType type) {
        return jdbc.sql("""
                        SELECT * FROM excel_setting_log WHERE direction = :d AND declaration_type = :t ORDER BY id DESC""")
                .param("d", direction.name()).param("t", type.name())
                .query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getString("action"), rs.getInt("version"),
                        rs.getString("snapshot"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The required columns a row leaves blank, as "title (field)" in both languages; header columns on the first row. */
    static List<String[]> missing(Setting setting, Map<String, String> cells, boolean firstOfGroup) {
        List<String[]> out = new ArrayList<>();
        for (String field : setting.requiredColumns()) {
            DeclarationSheet.Column c = COLUMNS.get(field);
            if (c == null || !c.item() && !firstOfGroup) {
                continue;
            }
            String value = cells.get(field);
            if (value == null || value.isBlank()) {
                out.add(new String[] {c.titleZh(), c.titleEn()});
            }
        }
        return out;
    }

    private void log(CurrentActor actor, Setting s, String action) {
        String snapshot;
        try {
            snapshot = json.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                INSERT INTO excel_setting_log (direction, declaration_type, action, version, snapshot, changed_by)
                VALUES (:d, :t, :a, :v, :s, :by)""")
                .param("d", s.direction().name()).param("t", s.declarationType().name()).param("a", action)
                .param("v", s.version()).param("s", snapshot).param("by", actor.username()).update();
        audit.recordOperation(AuditContext.operation(actor, null, "excel-setting-" + action.toLowerCase(), "ExcelSetting",
                s.direction() + "/" + s.declarationType(), AuditResult.SUCCESS, "version=" + s.version()));
    }

    private static Setting map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String required = rs.getString("required_columns");
        return new Setting(Direction.valueOf(rs.getString("direction")),
                DeclarationType.valueOf(rs.getString("declaration_type")), rs.getInt("max_rows"),
                required == null || required.isBlank() ? List.of() : Arrays.asList(required.split(",")),
                rs.getBoolean("enabled"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
