package cn.hnsw.video.alertmode;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 风险预警模式管理 — how alerts of a level reach the officers: the channels they are shown on and the minutes after
 * which an unhandled one is escalated. Added, changed and deleted by administrators; found by code, name and level.
 */
@Service
public class AlertModeService {

    /** Where an alert is brought to the officers. */
    public enum Channel {
        /** 大屏/工作台弹窗 */
        SCREEN,
        /** 声光提示 */
        SOUND,
        /** 短信 */
        SMS,
        /** 移动端推送 */
        APP_PUSH
    }

    /** A risk alert mode. */
    public record AlertMode(UUID id, String code, String nameZh, String nameEn, Alert.Level alertLevel,
            List<Channel> channels, Integer escalateMinutes, boolean enabled, String createdBy, String updatedBy,
            Instant updatedAt) {
    }

    /** What an administrator gives for a mode (the code only when adding). */
    public record ModeInput(String nameZh, String nameEn, Alert.Level alertLevel, List<Channel> channels,
            Integer escalateMinutes, boolean enabled) {
    }

    private final JdbcTemplate jdbc;

    public AlertModeService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public AlertMode add(String code, ModeInput in, String by) {
        Long taken = jdbc.queryForObject("SELECT count(*) FROM risk_alert_mode WHERE code = ?", Long.class, code);
        if (taken != null && taken > 0) {
            throw new HnswException(AlertModeErrorCode.ALERT_MODE_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO risk_alert_mode (id, code, name_zh, name_en, alert_level, channels, escalate_minutes, "
                + "enabled, created_by) VALUES (?, ?, ?, ?, ?, ?::varchar(16)[], ?, ?, ?)", id, code, in.nameZh().trim(),
                in.nameEn(), in.alertLevel().name(), channels(in.channels()), in.escalateMinutes(), in.enabled(), by);
        return get(id);
    }

    @Transactional
    public AlertMode change(UUID id, ModeInput in, String by) {
        if (jdbc.update("UPDATE risk_alert_mode SET name_zh = ?, name_en = ?, alert_level = ?, "
                + "channels = ?::varchar(16)[], escalate_minutes = ?, enabled = ?, updated_by = ?, updated_at = now() "
                + "WHERE id = ?", in.nameZh().trim(), in.nameEn(), in.alertLevel().name(), channels(in.channels()),
                in.escalateMinutes(), in.enabled(), by, id) == 0) {
            throw new HnswException(AlertModeErrorCode.ALERT_MODE_NOT_FOUND, id);
        }
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        if (jdbc.update("DELETE FROM risk_alert_mode WHERE id = ?", id) == 0) {
            throw new HnswException(AlertModeErrorCode.ALERT_MODE_NOT_FOUND, id);
        }
    }

    public AlertMode get(UUID id) {
        return jdbc.query("SELECT * FROM risk_alert_mode WHERE id = ?", (rs, i) -> map(rs), id).stream().findFirst()
                .orElseThrow(() -> new HnswException(AlertModeErrorCode.ALERT_MODE_NOT_FOUND, id));
    }

    /** 风险预警模式查询: by code or name (either language) and level, ordered by code, page by page. */
    public PageResponse<AlertMode> page(String q, Alert.Level level, PageQuery page) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        String lv = level == null ? null : level.name();
        String where = " WHERE (?::text IS NULL OR code ILIKE ? OR name_zh ILIKE ? OR name_en ILIKE ?) "
                + "AND (?::text IS NULL OR alert_level = ?)";
        List<AlertMode> rows = jdbc.query("SELECT * FROM risk_alert_mode" + where + " ORDER BY code LIMIT ? OFFSET ?",
                (rs, i) -> map(rs), like, like, like, like, lv, lv, page.size(), page.offset());
        Long total = jdbc.queryForObject("SELECT count(*) FROM risk_alert_mode" + where, Long.class, like, like, like,
                like, lv, lv);
        return PageResponse.of(rows, page, total == null ? 0 : total);
    }

    private static String channels(List<Channel> channels) {
        return "{" + String.join(",", channels.stream().distinct().map(Enum::name).toList()) + "}";
    }

    private static AlertMode map(ResultSet rs) throws SQLException {
        String[] ch = (String[]) rs.getArray("channels").getArray();
        return new AlertMode(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), Alert.Level.valueOf(rs.getString("alert_level")),
                Arrays.stream(ch).map(Channel::valueOf).toList(), (Integer) rs.getObject("escalate_minutes"),
                rs.getBoolean("enabled"), rs.getString("created_by"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
