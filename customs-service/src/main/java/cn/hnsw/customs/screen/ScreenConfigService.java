package cn.hnsw.customs.screen;

import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.DeclarationType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 录入界面配置 / 查询界面配置 (FP 142–147, 193–198) and the data-item and template management of the second line
 * (FP 612–672): operators keep, per declaration type and screen, the fields shown; every change is checked against the
 * declaration model's fields, bumps the version, and is kept in the history and the platform audit log.
 */
@Service
public class ScreenConfigService implements cn.hnsw.customs.declaration.DistributionFields {

    private static final int MAX_DEFAULT = 200;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();

    public ScreenConfigService(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The fields an operator set for the distribution of a type; none set: every field. */
    @Override
    public java.util.Optional<Fields> of(DeclarationType type) {
        ScreenConfig config = of(type, Screen.DISTRIBUTION);
        if (config.version() == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Fields(
                config.section(Screen.Section.HEADER).stream().map(ScreenField::field).collect(Collectors.toSet()),
                config.section(Screen.Section.ITEM).stream().map(ScreenField::field).collect(Collectors.toSet())));
    }

    /** The screen in force (调取): the operator's configuration, or the standard screen with every field. */
    public ScreenConfig of(DeclarationType type, Screen screen) {
        return jdbc.sql("SELECT version, updated_by, updated_at FROM screen_config WHERE declaration_type = :t AND screen = :s")
                .param("t", type.name()).param("s", screen.name())
                .query((rs, n) -> new ScreenConfig(type, screen, fields(type, screen), rs.getInt("version"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElseGet(() -> standard(type, screen));
    }

    /**
     * The fields of one section (数据项查询 / 模版查询), optionally only those whose name or label contains {@code q}; the
     * query is kept in the platform audit log (who asked which section with which filter).
     */
    @Transactional
    public List<ScreenField> section(CurrentActor actor, DeclarationType type, Screen screen, Screen.Section section,
                                     String q) {
        checkSection(screen, section);
        audit.recordOperation(AuditContext.operation(actor, null, "screen-config-fields-queried", "ScreenConfig",
                type + "/" + screen, AuditResult.SUCCESS, section + (q == null || q.isBlank() ? "" : " q=" + q.trim())));
        return of(type, screen).section(section).stream()
                .filter(f -> q == null || q.isBlank() || f.field().contains(q.trim()) || f.labelZh().contains(q.trim())
                        || f.labelEn().toLowerCase().contains(q.trim().toLowerCase()))
                .toList();
    }

    public static ScreenConfig standard(DeclarationType type, Screen screen) {
        List<ScreenField> fields = new ArrayList<>();
        for (Screen.Section section : screen.sections()) {
            int position = 1;
            for (FieldCatalog.Entry e : standardOrder(screen, section)) {
                fields.add(new ScreenField(section, e.field(), position++, false, null, e.labelZh(), e.labelEn()));
            }
        }
        return new ScreenConfig(type, screen, fields, 0, "standard", null);
    }

    /** The export's standard columns keep the order the list export always had; other screens the catalogue's. */
    private static List<FieldCatalog.Entry> standardOrder(Screen screen, Screen.Section section) {
        Map<String, FieldCatalog.Entry> all = FieldCatalog.section(section);
        if (screen != Screen.EXPORT) {
            return List.copyOf(all.values());
        }
        return java.util.stream.Stream.of("preEntryNo", "declarationType", "status", "customsNo", "enterpriseUscc",
                "billOfLadingNo", "supervisionMode", "distributionStatus", "createdAt", "submittedAt")
                .map(all::get).filter(java.util.Objects::nonNull).toList();
    }

    /** 模版新增/修改: the whole field list replaced, checked as a whole. */
    @Transactional
    public ScreenConfig replace(CurrentActor actor, DeclarationType type, Screen screen, ScreenConfig.Change change) {
        if (change == null || change.fields() == null) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID, "fields");
        }
        ScreenConfig current = lockCurrent(type, screen);
        expectVersion(current, change.version());
        List<ScreenField> fields = new ArrayList<>();
        Map<Screen.Section, Integer> positions = new java.util.EnumMap<>(Screen.Section.class);
        Set<String> seen = new HashSet<>();
        for (ScreenField.Change c : change.fields()) {
            ScreenField f = checked(screen, c);
            if (!seen.add(f.section() + ":" + f.field())) {
                throw new HnswException(ScreenErrorCode.SCREEN_FIELD_DUPLICATE, f.section(), f.field());
            }
            int p = positions.merge(f.section(), 1, Integer::sum);
            fields.add(at(f, p));
        }
        return write(actor, current, sorted(fields), current.version() == 0 ? "template-created" : "template-changed",
                fields.size() + " fields");
    }

    /** 数据项新增: one field added to a section, at its position or last. */
    @Transactional
    public ScreenConfig addField(CurrentActor actor, DeclarationType type, Screen screen, ScreenField.Change change,
                                 Integer version) {
        ScreenConfig current = lockCurrent(type, screen);
        expectVersion(current, version);
        ScreenField f = checked(screen, change);
        if (current.fields().stream().anyMatch(x -> x.section() == f.section() && x.field().equals(f.field()))) {
            throw new HnswException(ScreenErrorCode.SCREEN_FIELD_DUPLICATE, f.section(), f.field());
        }
        List<ScreenField> fields = new ArrayList<>(current.fields());
        List<ScreenField> inSection = new ArrayList<>(current.section(f.section()));
        fields.removeAll(inSection);
        int index = change.position() == null ? inSection.size()
                : Math.max(0, Math.min(inSection.size(), change.position() - 1));
        inSection.add(index, f);
        fields.addAll(renumber(inSection));
        return write(actor, current, sorted(fields), "field-added", f.section() + ":" + f.field());
    }

    /** 数据项修改: a field's position, required flag or default changed. */
    @Transactional
    public ScreenConfig updateField(CurrentActor actor, DeclarationType type, Screen screen, Screen.Section section,
                                    String field, ScreenField.Change change, Integer version) {
        ScreenConfig current = lockCurrent(type, screen);
        expectVersion(current, version);
        ScreenField existing = find(current, section, field);
        ScreenField f = checked(screen, new ScreenField.Change(section, field,
                change.position() == null ? existing.position() : change.position(),
                change.required() == null ? existing.required() : change.required(),
                change.defaultValue() == null ? existing.defaultValue() : change.defaultValue()));
        List<ScreenField> fields = new ArrayList<>(current.fields());
        List<ScreenField> inSection = new ArrayList<>(current.section(section));
        fields.removeAll(inSection);
        inSection.remove(existing);
        inSection.add(Math.max(0, Math.min(inSection.size(), f.position() - 1)), f);
        fields.addAll(renumber(inSection));
        return write(actor, current, sorted(fields), "field-changed", section + ":" + field);
    }

    /** 数据项删除: a field taken off its section. */
    @Transactional
    public ScreenConfig removeField(CurrentActor actor, DeclarationType type, Screen screen, Screen.Section section,
                                    String field, Integer version) {
        ScreenConfig current = lockCurrent(type, screen);
        expectVersion(current, version);
        ScreenField existing = find(current, section, field);
        List<ScreenField> fields = new ArrayList<>(current.fields());
        List<ScreenField> inSection = new ArrayList<>(current.section(section));
        fields.removeAll(inSection);
        inSection.remove(existing);
        fields.addAll(renumber(inSection));
        return write(actor, current, sorted(fields), "field-removed", section + ":" + field);
    }

    /** 模版删除: the operator's configuration dropped; the standard screen is in force again (history kept). */
    @Transactional
    public ScreenConfig reset(CurrentActor actor, DeclarationType type, Screen screen, Integer version) {
        ScreenConfig current = lockCurrent(type, screen);
        if (current.version() == 0) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_NOT_FOUND);
        }
        expectVersion(current, version);
        jdbc.sql("DELETE FROM screen_config WHERE declaration_type = :t AND screen = :s")
                .param("t", type.name()).param("s", screen.name()).update();
        history(actor, type, screen, current.version() + 1, "template-deleted", null, List.of());
        return standard(type, screen);
    }

    public List<ScreenConfig.HistoryEntry> history(DeclarationType type, Screen screen) {
        return jdbc.sql("""
                        SELECT * FROM screen_config_history WHERE declaration_type = :t AND screen = :s
                        ORDER BY version DESC""")
                .param("t", type.name()).param("s", screen.name())
                .query((rs, n) -> new ScreenConfig.HistoryEntry(rs.getInt("version"), rs.getString("action"),
                        rs.getString("detail"), rs.getString("fields"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The entry screen's required fields the declaration leaves blank: header names, then item names with seq. */
    public List<String> missingRequired(DeclarationType type, java.util.function.Function<String, Object> header,
                                        List<java.util.function.Function<String, Object>> items) {
        ScreenConfig config = of(type, Screen.ENTRY);
        List<String> missing = new ArrayList<>();
        for (ScreenField f : config.section(Screen.Section.HEADER)) {
            if (f.required() && blank(header.apply(f.field()))) {
                missing.add(f.labelZh() + " (" + f.field() + ")");
            }
        }
        for (ScreenField f : config.section(Screen.Section.ITEM)) {
            for (int i = 0; i < items.size(); i++) {
                if (f.required() && blank(items.get(i).apply(f.field()))) {
                    missing.add("#" + (i + 1) + " " + f.labelZh() + " (" + f.field() + ")");
                }
            }
        }
        return missing;
    }

    private static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }

    private ScreenField checked(Screen screen, ScreenField.Change c) {
        if (c == null || c.section() == null || c.field() == null || c.field().isBlank()) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID, "section, field");
        }
        checkSection(screen, c.section());
        FieldCatalog.Entry entry = FieldCatalog.section(c.section()).get(c.field());
        if (entry == null) {
            throw new HnswException(ScreenErrorCode.SCREEN_FIELD_UNKNOWN, c.section(), c.field());
        }
        boolean required = Boolean.TRUE.equals(c.required());
        String defaultValue = c.defaultValue() == null || c.defaultValue().isBlank() ? null : c.defaultValue().trim();
        if (screen != Screen.ENTRY && (required || defaultValue != null)) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID,
                    "查询界面字段无必填/默认值 / query fields take no required flag or default");
        }
        if (defaultValue != null && defaultValue.length() > MAX_DEFAULT) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID, "default ≤ " + MAX_DEFAULT);
        }
        if (c.position() != null && c.position() < 1) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID, "position ≥ 1");
        }
        return new ScreenField(c.section(), c.field(), c.position() == null ? Integer.MAX_VALUE : c.position(),
                required, defaultValue, entry.labelZh(), entry.labelEn());
    }

    private static void checkSection(Screen screen, Screen.Section section) {
        if (!screen.sections().contains(section)) {
            throw new HnswException(ScreenErrorCode.SCREEN_SECTION_INVALID, screen, section);
        }
    }

    /** The rules a whole screen keeps (配置校验规则): what makes a declaration findable and enterable stays. */
    private static void checkWhole(Screen screen, List<ScreenField> fields) {
        if ((screen == Screen.ENTRY || screen == Screen.DISTRIBUTION) && fields.stream().noneMatch(f -> f.section() == Screen.Section.ITEM
                && f.field().equals("hsCode"))) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID,
                    "录入界面须保留商品编号 / the entry screen keeps the HS code");
        }
        if ((screen == Screen.QUERY || screen == Screen.EXPORT) && fields.stream().noneMatch(f -> f.section() == Screen.Section.RESULT
                && f.field().equals("preEntryNo"))) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID,
                    "查询结果须保留预录入编号 / the query result keeps the pre-entry number");
        }
        if (screen == Screen.DETAIL && fields.stream().noneMatch(f -> f.section() == Screen.Section.HEADER)) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_INVALID,
                    "详情界面须至少保留一个表头字段 / the detail screen keeps at least one header field");
        }
    }

    private static ScreenField find(ScreenConfig config, Screen.Section section, String field) {
        checkSection(config.screen(), section);
        return config.section(section).stream().filter(f -> f.field().equals(field)).findFirst()
                .orElseThrow(() -> new HnswException(ScreenErrorCode.SCREEN_FIELD_NOT_FOUND, section, field));
    }

    private static void expectVersion(ScreenConfig current, Integer version) {
        if (version == null || version != current.version()) {
            throw new HnswException(ScreenErrorCode.SCREEN_CONFIG_VERSION_CONFLICT);
        }
    }

    private ScreenConfig lockCurrent(DeclarationType type, Screen screen) {
        jdbc.sql("SELECT version FROM screen_config WHERE declaration_type = :t AND screen = :s FOR UPDATE")
                .param("t", type.name()).param("s", screen.name()).query(Integer.class).optional();
        return of(type, screen);
    }

    private ScreenConfig write(CurrentActor actor, ScreenConfig current, List<ScreenField> fields, String action,
                               String detail) {
        checkWhole(current.screen(), fields);
        DeclarationType type = current.declarationType();
        Screen screen = current.screen();
        Instant now = clock.instant();
        int next = Math.max(current.version(), lastHistoryVersion(type, screen)) + 1;
        jdbc.sql("""
                INSERT INTO screen_config (declaration_type, screen, version, updated_by, updated_at)
                VALUES (:t, :s, :v, :by, :at)
                ON CONFLICT (declaration_type, screen) DO UPDATE SET version = EXCLUDED.version,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .param("t", type.name()).param("s", screen.name()).param("v", next).param("by", actor.username())
                .param("at", Timestamp.from(now)).update();
        jdbc.sql("DELETE FROM screen_config_field WHERE declaration_type = :t AND screen = :s")
                .param("t", type.name()).param("s", screen.name()).update();
        for (ScreenField f : fields) {
            jdbc.sql("""
                    INSERT INTO screen_config_field (declaration_type, screen, section, field, position, required,
                        default_value) VALUES (:t, :s, :sec, :f, :p, :r, :d)""")
                    .param("t", type.name()).param("s", screen.name()).param("sec", f.section().name())
                    .param("f", f.field()).param("p", f.position()).param("r", f.required())
                    .param("d", f.defaultValue()).update();
        }
        history(actor, type, screen, next, action, detail, fields);
        return of(type, screen);
    }

    private int lastHistoryVersion(DeclarationType type, Screen screen) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM screen_config_history WHERE declaration_type = :t AND screen = :s")
                .param("t", type.name()).param("s", screen.name()).query(Integer.class).single();
    }

    private void history(CurrentActor actor, DeclarationType type, Screen screen, int version, String action,
                         String detail, List<ScreenField> fields) {
        String snapshot = fields.stream().map(f -> f.section() + ":" + f.field() + (f.required() ? "!" : "")
                + (f.defaultValue() == null ? "" : "=" + f.defaultValue())).collect(Collectors.joining(","));
        jdbc.sql("""
                INSERT INTO screen_config_history (declaration_type, screen, version, action, detail, fields, changed_by,
                    changed_at) VALUES (:t, :s, :v, :a, :d, :f, :by, :at)""")
                .param("t", type.name()).param("s", screen.name()).param("v", version).param("a", action)
                .param("d", detail).param("f", snapshot.length() > 4000 ? snapshot.substring(0, 4000) : snapshot)
                .param("by", actor.username()).param("at", Timestamp.from(clock.instant())).update();
        audit.recordOperation(AuditContext.operation(actor, null, "screen-config-" + action, "ScreenConfig",
                type + "/" + screen, AuditResult.SUCCESS, "version=" + version + (detail == null ? "" : " " + detail)));
    }

    private List<ScreenField> fields(DeclarationType type, Screen screen) {
        return jdbc.sql("""
                        SELECT * FROM screen_config_field WHERE declaration_type = :t AND screen = :s
                        ORDER BY section, position""")
                .param("t", type.name()).param("s", screen.name())
                .query((rs, n) -> {
                    Screen.Section section = Screen.Section.valueOf(rs.getString("section"));
                    FieldCatalog.Entry e = FieldCatalog.section(section).get(rs.getString("field"));
                    return new ScreenField(section, rs.getString("field"), rs.getInt("position"),
                            rs.getBoolean("required"), rs.getString("default_value"),
                            e == null ? rs.getString("field") : e.labelZh(), e == null ? rs.getString("field") : e.labelEn());
                })
                .list().stream().sorted(java.util.Comparator.comparing(ScreenField::section)
                        .thenComparingInt(ScreenField::position)).toList();
    }

    private static ScreenField at(ScreenField f, int position) {
        return new ScreenField(f.section(), f.field(), position, f.required(), f.defaultValue(), f.labelZh(), f.labelEn());
    }

    private static List<ScreenField> renumber(List<ScreenField> inSection) {
        List<ScreenField> out = new ArrayList<>();
        for (int i = 0; i < inSection.size(); i++) {
            out.add(at(inSection.get(i), i + 1));
        }
        return out;
    }

    private static List<ScreenField> sorted(List<ScreenField> fields) {
        return fields.stream().sorted(java.util.Comparator.comparing(ScreenField::section)
                .thenComparingInt(ScreenField::position)).toList();
    }
}
