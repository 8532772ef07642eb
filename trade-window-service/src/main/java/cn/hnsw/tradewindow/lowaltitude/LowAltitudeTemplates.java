package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * S2 通知模版配置 (FP 387–402): the low-altitude system's notice templates and the parameters they may name. A
 * template names parameters as {@code {name}}; saving or enabling one that names a parameter not configured or
 * disabled is refused, and a parameter an enabled template names cannot be disabled or deleted. Each template says
 * how it reminds (PC, mobile, SMS: at least one) and whether reporters may subscribe to it. Reviewers configure.
 */
@Service
public class LowAltitudeTemplates {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final JdbcClient jdbc;
    private final Clock clock;

    public LowAltitudeTemplates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Template(String code, String nameZh, String nameEn, String contentZh, String contentEn,
                           boolean channelPc, boolean channelMobile, boolean channelSms, boolean subscribable,
                           boolean enabled, String updatedBy, Instant updatedAt) {

        /** The parameters the two texts name. */
        public Set<String> parameters() {
            Set<String> names = new TreeSet<>();
            for (String text : List.of(contentZh, contentEn)) {
                Matcher m = PARAM.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
            return names;
        }

        /** "中文 / English" with the values filled; a parameter without a value shows "-". */
        public String render(Map<String, String> values) {
            return fill(contentZh, values) + " / " + fill(contentEn, values);
        }

        private static String fill(String text, Map<String, String> values) {
            Matcher m = PARAM.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "-" : v));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    public record Param(String name, String descriptionZh, String descriptionEn, boolean enabled, String updatedBy,
                        Instant updatedAt) {
    }

    /** 查询: by a part of the code or either name, by enabled, by channel (PC, MOBILE, SMS); null means any. */
    public List<Template> templates(CurrentActor actor, String keyword, Boolean enabled, String channel) {
        requireReviewer(actor);
        StringBuilder sql = new StringBuilder("SELECT * FROM la_notice_template WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (keyword != null && !keyword.isBlank()) {
            sql.append(" AND (code ILIKE ? OR name_zh ILIKE ? OR name_en ILIKE ?)");
            String like = "%" + keyword.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (enabled != null) {
            sql.append(" AND enabled = ?");
            params.add(enabled);
        }
        if (channel != null) {
            sql.append(switch (channel) {
                case "PC" -> " AND channel_pc";
                case "MOBILE" -> " AND channel_mobile";
                case "SMS" -> " AND channel_sms";
                default -> throw new HnswException(CommonErrorCode.VALIDATION_FAILED);
            });
        }
        return jdbc.sql(sql + " ORDER BY code").params(params).query(LowAltitudeTemplates::template).list();
    }

    public Template template(CurrentActor actor, String code) {
        requireReviewer(actor);
        return find(code).orElseThrow(() -> new HnswException(LowAltitudeErrorCode.TEMPLATE_NOT_FOUND, code));
    }

    java.util.Optional<Template> find(String code) {
        return jdbc.sql("SELECT * FROM la_notice_template WHERE code = ?").param(code)
                .query(LowAltitudeTemplates::template).optional();
    }

    /** 新增/修改: creates or changes a template (its enabled state is kept; a new one starts enabled). */
    @Transactional
    public Template save(CurrentActor actor, Template t) {
        requireReviewer(actor);
        if (!t.channelPc() && !t.channelMobile() && !t.channelSms()) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_NO_CHANNEL);
        }
        boolean enabled = find(t.code()).map(Template::enabled).orElse(true);
        if (enabled) {
            requireEnabledParams(t);
        }
        jdbc.sql("""
                INSERT INTO la_notice_template (code, name_zh, name_en, content_zh, content_en, channel_pc, channel_mobile,
                  channel_sms, subscribable, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                  content_zh = EXCLUDED.content_zh, content_en = EXCLUDED.content_en, channel_pc = EXCLUDED.channel_pc,
                  channel_mobile = EXCLUDED.channel_mobile, channel_sms = EXCLUDED.channel_sms,
                  subscribable = EXCLUDED.subscribable, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(t.code(), t.nameZh(), t.nameEn(), t.contentZh(), t.contentEn(), t.channelPc(), t.channelMobile(),
                        t.channelSms(), t.subscribable(), enabled, actor.username(), Timestamp.from(clock.instant()))
                .update();
        return find(t.code()).orElseThrow();
    }

    /** 启用/禁用: enabling checks the parameters again (one may have been disabled meanwhile). */
    @Transactional
    public Template setEnabled(CurrentActor actor, String code, boolean enabled) {
        Template t = template(actor, code);
        if (enabled) {
            requireEnabledParams(t);
        }
        jdbc.sql("UPDATE la_notice_template SET enabled = ?, updated_by = ?, updated_at = ? WHERE code = ?")
                .params(enabled, actor.username(), Timestamp.from(clock.instant()), code).update();
        return find(code).orElseThrow();
    }

    @Transactional
    public void delete(CurrentActor actor, String code) {
        requireReviewer(actor);
        if (jdbc.sql("DELETE FROM la_notice_template WHERE code = ?").param(code).update() == 0) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_NOT_FOUND, code);
        }
    }

    // --- parameters -------------------------------------------------------------------------------------------

    public List<Param> params(CurrentActor actor) {
        requireReviewer(actor);
        return jdbc.sql("SELECT * FROM la_template_param ORDER BY name").query(LowAltitudeTemplates::param).list();
    }

    /** 参数配置新增/修改/启用/禁用: disabling one that an enabled template names is refused. */
    @Transactional
    public Param saveParam(CurrentActor actor, Param p) {
        requireReviewer(actor);
        if (!p.enabled()) {
            requireUnused(p.name());
        }
        jdbc.sql("""
                INSERT INTO la_template_param (name, description_zh, description_en, enabled, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET description_zh = EXCLUDED.description_zh,
                  description_en = EXCLUDED.description_en, enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by,
                  updated_at = EXCLUDED.updated_at""")
                .params(p.name(), p.descriptionZh(), p.descriptionEn(), p.enabled(), actor.username(),
                        Timestamp.from(clock.instant()))
                .update();
        return jdbc.sql("SELECT * FROM la_template_param WHERE name = ?").param(p.name())
                .query(LowAltitudeTemplates::param).single();
    }

    @Transactional
    public void deleteParam(CurrentActor actor, String name) {
        requireReviewer(actor);
        requireUnused(name);
        if (jdbc.sql("DELETE FROM la_template_param WHERE name = ?").param(name).update() == 0) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_PARAM_NOT_FOUND, name);
        }
    }

    private void requireUnused(String name) {
        String users = jdbc.sql("SELECT * FROM la_notice_template WHERE enabled ORDER BY code")
                .query(LowAltitudeTemplates::template).list().stream()
                .filter(t -> t.parameters().contains(name)).map(Template::code).collect(Collectors.joining("、"));
        if (!users.isEmpty()) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_PARAM_IN_USE, name, users);
        }
    }

    private void requireEnabledParams(Template t) {
        Set<String> enabled = new TreeSet<>(jdbc.sql("SELECT name FROM la_template_param WHERE enabled")
                .query(String.class).list());
        Set<String> unknown = new TreeSet<>(t.parameters());
        unknown.removeAll(enabled);
        if (!unknown.isEmpty()) {
            throw new HnswException(LowAltitudeErrorCode.TEMPLATE_PARAM_UNKNOWN, String.join("、", unknown));
        }
    }

    private static void requireReviewer(CurrentActor actor) {
        if (!LowAltitudeReportingService.isReviewer(actor)) {
            throw new HnswException(CommonErrorCode.ACCESS_DENIED);
        }
    }

    private static Template template(ResultSet rs, int i) throws SQLException {
        return new Template(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("content_zh"), rs.getString("content_en"), rs.getBoolean("channel_pc"),
                rs.getBoolean("channel_mobile"), rs.getBoolean("channel_sms"), rs.getBoolean("subscribable"),
                rs.getBoolean("enabled"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    private static Param param(ResultSet rs, int i) throws SQLException {
        return new Param(rs.getString("name"), rs.getString("description_zh"), rs.getString("description_en"),
                rs.getBoolean("enabled"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
