package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.validation.RuleChange;
import cn.hnsw.customs.validation.ValidationRule;
import cn.hnsw.customs.validation.ValidationRuleService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 报关单关联赋值数据项设置 / 错误信息处理 (FP 219, 224): the operators' setting the direct-release remark fill reads: the
 * marker, and the goods attribute (of the current 货物属性 code table) whose choice adds its own marker. A setting that
 * is not usable is refused in Chinese and English and changes nothing. The seeded pre-validation rule that a
 * direct-release remark carries the marker follows a changed marker, so declarations filled with it still pass.
 */
@Service
public class RemarkFillSettings {

    /** The seeded rule that checks the marker is in the remark. */
    static final String MARKER_RULE = "BUSINESS-DIRECT-RELEASE-REMARK";
    private static final int MAX_MARKER = 50;
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Z0-9]{1,10}");

    public record Setting(String marker, String linkedAttribute, String linkedMarker, int version, String updatedBy,
                          Instant updatedAt) {
        RemarkAutoFill.Setting fill() {
            return new RemarkAutoFill.Setting(marker, linkedAttribute, linkedMarker);
        }
    }

    public record Change(String marker, String linkedAttribute, String linkedMarker) {
    }

    public record LogEntry(long id, int version, String marker, String linkedAttribute, String linkedMarker,
                           String changedBy, Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final ValidationRuleService rules;

    public RemarkFillSettings(JdbcClient jdbc, ValidationRuleService rules) {
        this.jdbc = jdbc;
        this.rules = rules;
    }

    /** What the fill reads now; the seeded setting when the row is missing. */
    public RemarkAutoFill.Setting current() {
        return find().map(Setting::fill).orElse(RemarkAutoFill.DEFAULT);
    }

    public java.util.Optional<Setting> find() {
        return jdbc.sql("SELECT * FROM remark_fill_setting WHERE id = 1")
                .query((rs, n) -> new Setting(rs.getString("marker"), rs.getString("linked_attribute"),
                        rs.getString("linked_marker"), rs.getInt("version"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    @Transactional
    public Setting save(Change change, String by) {
        if (change == null) {
            throw new HnswException(CustomsErrorCode.REMARK_FILL_INVALID, "body", "the setting");
        }
        String marker = marker(change.marker(), "备注标记", "the marker");
        String attribute = blank(change.linkedAttribute()) ? null : change.linkedAttribute().trim();
        String linkedMarker = blank(change.linkedMarker()) ? null : marker(change.linkedMarker(), "关联货物属性的备注标记",
                "the linked attribute's marker");
        if ((attribute == null) != (linkedMarker == null)) {
            throw new HnswException(CustomsErrorCode.REMARK_FILL_INVALID, "关联货物属性与其备注标记须同时填写",
                    "the linked goods attribute and its marker go together");
        }
        if (attribute != null) {
            Long known = jdbc.sql("""
                            SELECT count(*) FROM clearance_parameter_entry e JOIN clearance_parameter_table t
                              ON t.code = e.table_code AND t.current_version = e.version
                            WHERE t.code = 'GOODS_ATTRIBUTE' AND e.code = :c""")
                    .param("c", attribute).query(Long.class).single();
            if (!ATTRIBUTE.matcher(attribute).matches() || known == 0) {
                throw new HnswException(CustomsErrorCode.REMARK_FILL_INVALID, "货物属性“" + attribute + "”不在货物属性代码表中",
                        "goods attribute " + attribute + " is not in the goods attribute code table");
            }
            if (linkedMarker.equals(marker)) {
                throw new HnswException(CustomsErrorCode.REMARK_FILL_INVALID, "两个备注标记不能相同",
                        "the two markers must differ");
            }
        }
        String previous = current().marker();
        jdbc.sql("""
                INSERT INTO remark_fill_setting (id, marker, linked_attribute, linked_marker, updated_by)
                VALUES (1, :m, :a, :l, :by)
                ON CONFLICT (id) DO UPDATE SET marker = :m, linked_attribute = :a, linked_marker = :l,
                  version = remark_fill_setting.version + 1, updated_by = :by, updated_at = now()""")
                .param("m", marker).param("a", attribute).param("l", linkedMarker).param("by", by).update();
        Setting saved = find().orElseThrow();
        jdbc.sql("""
                INSERT INTO remark_fill_setting_log (version, marker, linked_attribute, linked_marker, changed_by)
                VALUES (:v, :m, :a, :l, :by)""")
                .param("v", saved.version()).param("m", marker).param("a", attribute).param("l", linkedMarker)
                .param("by", by).update();
        followMarker(previous, marker, by);
        return saved;
    }

    @Transactional(readOnly = true)
    public List<LogEntry> history() {
        return jdbc.sql("SELECT * FROM remark_fill_setting_log ORDER BY id DESC")
                .query((rs, n) -> new LogEntry(rs.getLong("id"), rs.getInt("version"), rs.getString("marker"),
                        rs.getString("linked_attribute"), rs.getString("linked_marker"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The marker rule that checked the previous marker checks the new one (a rule an operator set otherwise stays). */
    private void followMarker(String previous, String marker, String by) {
        if (previous.equals(marker)) {
            return;
        }
        for (ValidationRule r : rules.rules()) {
            if (r.code().equals(MARKER_RULE) && previous.equals(r.parameter())) {
                rules.change(r.code(), new RuleChange(r.severity(), r.enabled(), r.messageZh(), r.messageEn(), marker,
                        r.declarationTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","))), by);
            }
        }
    }

    private static String marker(String text, String nameZh, String nameEn) {
        if (blank(text)) {
            throw new HnswException(CustomsErrorCode.REMARK_FILL_INVALID, nameZh + "不能为空", nameEn + " is empty");
        }
        String t = text.trim();
        if (t.length() > MAX_MARKER || t.contains("；") || t.contains(";")) {
            throw new HnswException(CustomsErrorCode.REMARK_FILL_INVALID,
                    nameZh + "最多" + MAX_MARKER + "字且不含分号", nameEn + " holds at most " + MAX_MARKER
                            + " characters and no semicolon");
        }
        return t;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
