package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 消息配置管理 and 部门账号管理 (S1 FP 393–409): message templates, the notification configuration per event, and
 * the department accounts that receive SMS notices. All are data that provincial users and operators edit;
 * {@link PilotNotices} reads them for every notice.
 */
@Repository
public class NoticeSettingsRepository {

    /** The placeholders a template may use; each notice fills those it knows. */
    public static final Set<String> PLACEHOLDERS = Set.of("enterprise", "caseNumber", "step", "stepEn", "due",
            "status", "from", "daysLeft");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final JdbcClient jdbc;

    public NoticeSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- message templates ------------------------------------------------------------------------------------

    public record MessageTemplate(String code, String nameZh, String nameEn, String contentZh, String contentEn,
                                  String updatedBy, Instant updatedAt) {

        /** Both languages with the placeholders filled ("中文 / English"); an unknown value leaves "-". */
        public String render(Map<String, String> values) {
            return fill(contentZh, values) + " / " + fill(contentEn, values);
        }

        private static String fill(String text, Map<String, String> values) {
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String v = values.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(v == null ? "-" : v));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    public List<MessageTemplate> templates() {
        return jdbc.sql("SELECT * FROM message_template ORDER BY code").query(NoticeSettingsRepository::template).list();
    }

    public Optional<MessageTemplate> template(String code) {
        return jdbc.sql("SELECT * FROM message_template WHERE code = ?").param(code)
                .query(NoticeSettingsRepository::template).optional();
    }

    /** Creates or changes a template; refuses placeholders no notice fills. */
    public MessageTemplate saveTemplate(MessageTemplate t, String by, Instant now) {
        for (String text : List.of(t.contentZh(), t.contentEn())) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    throw new HnswException(PilotErrorCode.TEMPLATE_PLACEHOLDER_UNKNOWN, m.group());
                }
            }
        }
        jdbc.sql("""
                INSERT INTO message_template (code, name_zh, name_en, content_zh, content_en, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                  content_zh = EXCLUDED.content_zh, content_en = EXCLUDED.content_en,
                  updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(t.code(), t.nameZh(), t.nameEn(), t.contentZh(), t.contentEn(), by, Timestamp.from(now))
                .update();
        return template(t.code()).orElseThrow();
    }

    public void deleteTemplate(String code) {
        if (template(code).isEmpty()) {
            throw new HnswException(PilotErrorCode.TEMPLATE_NOT_FOUND, code);
        }
        long users = jdbc.sql("SELECT count(*) FROM notification_config WHERE template_code = ?").param(code)
                .query(Long.class).single();
        if (users > 0) {
            throw new HnswException(PilotErrorCode.TEMPLATE_IN_USE, code);
        }
        jdbc.sql("DELETE FROM message_template WHERE code = ?").param(code).update();
    }

    private static MessageTemplate template(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new MessageTemplate(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("content_zh"), rs.getString("content_en"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    // --- notification configuration ---------------------------------------------------------------------------

    /**
     * @param toUnit the unified to-do (海易办/海政通) to the organisation, or to the enterprise
     * @param sms    SMS to the organisation's enabled department accounts with a mobile number, or to the enterprise
     */
    public record NotificationConfig(String event, String nameZh, String nameEn, String templateCode, boolean toUnit,
                                     boolean sms, boolean enabled, String updatedBy, Instant updatedAt) {
    }

    public List<NotificationConfig> configs() {
        return jdbc.sql("SELECT * FROM notification_config ORDER BY event").query(NoticeSettingsRepository::config)
                .list();
    }

    public Optional<NotificationConfig> config(String event) {
        return jdbc.sql("SELECT * FROM notification_config WHERE event = ?").param(event)
                .query(NoticeSettingsRepository::config).optional();
    }

    public NotificationConfig saveConfig(NotificationConfig c, String by, Instant now) {
        if (template(c.templateCode()).isEmpty()) {
            throw new HnswException(PilotErrorCode.TEMPLATE_NOT_FOUND, c.templateCode());
        }
        jdbc.sql("""
                INSERT INTO notification_config (event, name_zh, name_en, template_code, to_unit, sms, enabled,
                  updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en,
                  template_code = EXCLUDED.template_code, to_unit = EXCLUDED.to_unit, sms = EXCLUDED.sms,
                  enabled = EXCLUDED.enabled, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
                .params(c.event(), c.nameZh(), c.nameEn(), c.templateCode(), c.toUnit(), c.sms(), c.enabled(), by,
                        Timestamp.from(now))
                .update();
        return config(c.event()).orElseThrow();
    }

    public void deleteConfig(String event) {
        if (jdbc.sql("DELETE FROM notification_config WHERE event = ?").param(event).update() == 0) {
            throw new HnswException(PilotErrorCode.NOTIFICATION_EVENT_UNKNOWN, event);
        }
    }

    private static NotificationConfig config(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new NotificationConfig(rs.getString("event"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("template_code"), rs.getBoolean("to_unit"), rs.getBoolean("sms"),
                rs.getBoolean("enabled"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    // --- department accounts ----------------------------------------------------------------------------------

    public record DepartmentAccount(UUID id, String username, String displayName, String orgPath, String role,
                                    String mobile, boolean enabled, String updatedBy, Instant updatedAt) {
    }

    public List<DepartmentAccount> accounts(String orgPath) {
        var spec = orgPath == null
                ? jdbc.sql("SELECT * FROM department_account ORDER BY org_path, username")
                : jdbc.sql("SELECT * FROM department_account WHERE org_path = ? ORDER BY username").param(orgPath);
        return spec.query(NoticeSettingsRepository::account).list();
    }

    public Optional<DepartmentAccount> account(UUID id) {
        return jdbc.sql("SELECT * FROM department_account WHERE id = ?").param(id)
                .query(NoticeSettingsRepository::account).optional();
    }

    public DepartmentAccount insertAccount(DepartmentAccount a, String by, Instant now) {
        long same = jdbc.sql("SELECT count(*) FROM department_account WHERE username = ?").param(a.username())
                .query(Long.class).single();
        if (same > 0) {
            throw new HnswException(PilotErrorCode.ACCOUNT_DUPLICATE, a.username());
        }
        jdbc.sql("""
                INSERT INTO department_account (id, username, display_name, org_path, role, mobile, enabled,
                  updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.username(), a.displayName(), a.orgPath(), a.role(), a.mobile(), a.enabled(), by,
                        Timestamp.from(now))
                .update();
        return account(a.id()).orElseThrow();
    }

    public DepartmentAccount updateAccount(DepartmentAccount a, String by, Instant now) {
        int n = jdbc.sql("""
                UPDATE department_account SET display_name = ?, org_path = ?, role = ?, mobile = ?, enabled = ?,
                  updated_by = ?, updated_at = ? WHERE id = ?""")
                .params(a.displayName(), a.orgPath(), a.role(), a.mobile(), a.enabled(), by, Timestamp.from(now),
                        a.id())
                .update();
        if (n == 0) {
            throw new HnswException(PilotErrorCode.ACCOUNT_NOT_FOUND, a.id());
        }
        return account(a.id()).orElseThrow();
    }

    public void deleteAccount(UUID id) {
        if (jdbc.sql("DELETE FROM department_account WHERE id = ?").param(id).update() == 0) {
            throw new HnswException(PilotErrorCode.ACCOUNT_NOT_FOUND, id);
        }
    }

    private static DepartmentAccount account(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new DepartmentAccount(rs.getObject("id", UUID.class), rs.getString("username"),
                rs.getString("display_name"), rs.getString("org_path"), rs.getString("role"), rs.getString("mobile"),
                rs.getBoolean("enabled"), rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }
}
