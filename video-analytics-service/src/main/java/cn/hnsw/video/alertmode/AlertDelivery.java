package cn.hnsw.video.alertmode;

import cn.hnsw.common.events.Alert;
import cn.hnsw.video.alertmode.AlertModeService.Channel;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 风险预警模式的应用 — the enabled mode of an alert's level, as the alert is raised: which channels bring it to the
 * officers and after how many unhandled minutes it is escalated. A level without an enabled mode is shown on the
 * screen only and never escalated. When several modes of a level are enabled, the one changed last applies.
 */
@Component
public class AlertDelivery {

    /** What an alert of a level takes from its mode ({@code modeId} null: no enabled mode, screen only). */
    public record Plan(UUID modeId, String modeCode, Alert.Level level, List<Channel> channels,
            Integer escalateMinutes) {

        public boolean screen() {
            return channels.contains(Channel.SCREEN);
        }

        public boolean sound() {
            return channels.contains(Channel.SOUND);
        }

        /** SMS and app push: sent to each bound officer by {@link AlertNotifier} (one delivery row per officer and channel). */
        public List<Channel> requested() {
            return channels.stream().filter(c -> c == Channel.SMS || c == Channel.APP_PUSH).toList();
        }
    }

    private final JdbcTemplate jdbc;

    public AlertDelivery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Plan planFor(Alert.Level level) {
        Optional<Plan> plan = jdbc.query("SELECT id, code, channels, escalate_minutes FROM risk_alert_mode "
                + "WHERE alert_level = ? AND enabled ORDER BY updated_at DESC, code LIMIT 1", (rs, i) -> {
                    String[] ch = (String[]) rs.getArray("channels").getArray();
                    int m = rs.getInt("escalate_minutes");
                    Integer minutes = rs.wasNull() ? null : m;
                    return new Plan(rs.getObject("id", UUID.class), rs.getString("code"), level,
                            java.util.Arrays.stream(ch).map(Channel::valueOf).toList(),
                            minutes);
                }, level.name()).stream().findFirst();
        return plan.orElseGet(() -> new Plan(null, null, level, List.of(Channel.SCREEN), null));
    }
}
