package cn.hnsw.video.intake;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.watchlist.WatchlistKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 比对订阅服务接口 (FP 954): a superior or peer platform subscribes to this platform's comparison results — the
 * watch-list hits, optionally of one kind of task and up to a distance. The hits raised after the subscription are
 * pushed to it over sealed messages ({@code COMPARISON_RESULT_PUSH}), oldest first, from where the last successful
 * push stopped, so each is pushed once; a push the partner does not answer leaves the position where it was (the
 * error is kept) and the next push sends the same hits. Pushes run every 30 seconds and on demand; the subscription's
 * row is locked during a push, so two instances never push the same hits.
 */
@Service
public class ComparisonSubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(ComparisonSubscriptionService.class);
    static final int PUSH_LIMIT = 200;

    public record Subscription(UUID id, String code, String name, String partnerId, String watchlistKind,
            Double maxDistance, boolean enabled, Instant pushedUntil, int pushed, Instant lastPushedAt,
            String lastError, String createdBy, Instant createdAt) {
    }

    /** What one push sent and what the partner accepted. */
    public record PushResult(String code, int pushed, int accepted) {
    }

    private final JdbcTemplate jdbc;
    private final CascadeSourceAdapter cascade;
    private final TransactionTemplate tx;

    public ComparisonSubscriptionService(JdbcTemplate jdbc, CascadeSourceAdapter cascade, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.cascade = cascade;
        this.tx = tx;
    }

    public Subscription create(String code, String name, String partnerId, String watchlistKind, Double maxDistance) {
        check(watchlistKind, maxDistance);
        if (jdbc.queryForObject("SELECT count(*) FROM comparison_subscription WHERE code = ?", Integer.class, code) > 0) {
            throw new HnswException(IntakeErrorCode.SUBSCRIPTION_CODE_TAKEN, code);
        }
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO comparison_subscription (id, code, name, partner_id, watchlist_kind, max_distance, "
                + "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)", id, code, name.trim(), partnerId, blank(watchlistKind),
                maxDistance, Actors.current().username());
        return get(id);
    }

    public Subscription update(UUID id, String name, String watchlistKind, Double maxDistance, boolean enabled) {
        get(id);
        check(watchlistKind, maxDistance);
        jdbc.update("UPDATE comparison_subscription SET name = ?, watchlist_kind = ?, max_distance = ?, enabled = ? "
                + "WHERE id = ?", name.trim(), blank(watchlistKind), maxDistance, enabled, id);
        return get(id);
    }

    public void delete(UUID id) {
        if (jdbc.update("DELETE FROM comparison_subscription WHERE id = ?", id) == 0) {
            throw new HnswException(IntakeErrorCode.SUBSCRIPTION_NOT_FOUND, id);
        }
    }

    public Subscription get(UUID id) {
        return jdbc.query("SELECT * FROM comparison_subscription WHERE id = ?", (rs, i) -> row(rs), id).stream()
                .findFirst().orElseThrow(() -> new HnswException(IntakeErrorCode.SUBSCRIPTION_NOT_FOUND, id));
    }

    public List<Subscription> list() {
        return jdbc.query("SELECT * FROM comparison_subscription ORDER BY code", (rs, i) -> row(rs));
    }

    /** Pushes one subscription's new hits now; 503 when the partner does not answer (nothing moves). */
    public PushResult push(UUID id) {
        Subscription s = get(id);
        if (!s.enabled()) {
            throw new HnswException(IntakeErrorCode.SUBSCRIPTION_DISABLED, s.code());
        }
        return pushLocked(id, true);
    }

    /** Every enabled subscription's new hits; a partner that does not answer is tried again next time. */
    @Scheduled(initialDelayString = "${hnsw.video.comparison-push.initial-delay:PT30S}",
            fixedDelayString = "${hnsw.video.comparison-push.interval:PT30S}")
    public int pushDue() {
        int n = 0;
        for (UUID id : jdbc.queryForList("SELECT id FROM comparison_subscription WHERE enabled", UUID.class)) {
            try {
                PushResult r = pushLocked(id, false);
                n += r == null ? 0 : r.pushed();
            } catch (HnswException e) {
                log.warn("event=comparison-push-failed subscription={} reason={}", id, e.messageEn());
            }
        }
        return n;
    }

    private PushResult pushLocked(UUID id, boolean rethrow) {
        return tx.execute(st -> {
            List<Subscription> locked = jdbc.query("SELECT * FROM comparison_subscription WHERE id = ? FOR UPDATE "
                    + "SKIP LOCKED", (rs, i) -> row(rs), id);
            if (locked.isEmpty()) {
                return new PushResult(null, 0, 0); // another push of it is running
            }
            Subscription s = locked.get(0);
            List<Map<String, Object>> hits = new ArrayList<>();
            List<Instant> raised = new ArrayList<>();
            jdbc.query("SELECT h.alert_id, h.task_id, t.name AS task_name, t.kind, h.target_id, h.camera_id, "
                    + "h.distance, h.occurred_at, h.raised_at, h.plate_number FROM watchlist_hit h JOIN watchlist_task t "
                    + "ON t.id = h.task_id WHERE h.raised_at > ? AND (?::text IS NULL OR t.kind = ?) AND "
                    + "(?::float8 IS NULL OR h.distance <= ?) ORDER BY h.raised_at, h.alert_id LIMIT ?", rs -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("alertId", rs.getString("alert_id"));
                        m.put("taskId", rs.getString("task_id"));
                        m.put("taskName", rs.getString("task_name"));
                        m.put("kind", rs.getString("kind"));
                        m.put("targetId", rs.getString("target_id"));
                        m.put("cameraId", rs.getString("camera_id"));
                        m.put("plateNumber", rs.getString("plate_number"));
                        m.put("distance", rs.getDouble("distance"));
                        m.put("occurredAt", rs.getTimestamp("occurred_at").toInstant().toString());
                        hits.add(m);
                        raised.add(rs.getTimestamp("raised_at").toInstant());
                    }, Timestamp.from(s.pushedUntil()), s.watchlistKind(), s.watchlistKind(), s.maxDistance(),
                    s.maxDistance(), PUSH_LIMIT);
            if (hits.isEmpty()) {
                return new PushResult(s.code(), 0, 0);
            }
            int accepted;
            try {
                accepted = cascade.pushResults(s.partnerId(), s.code(), hits);
            } catch (HnswException e) {
                jdbc.update("UPDATE comparison_subscription SET last_error = ? WHERE id = ?", e.messageEn(), id);
                if (rethrow) {
                    st.setRollbackOnly();
                    throw e;
                }
                return new PushResult(s.code(), 0, 0);
            }
            jdbc.update("UPDATE comparison_subscription SET pushed_until = ?, pushed = pushed + ?, last_pushed_at = "
                    + "now(), last_error = NULL WHERE id = ?", Timestamp.from(raised.get(raised.size() - 1)),
                    hits.size(), id);
            log.info("event=comparison-pushed subscription={} partner={} hits={} accepted={}", s.code(),
                    s.partnerId(), hits.size(), accepted);
            return new PushResult(s.code(), hits.size(), accepted);
        });
    }

    private static void check(String watchlistKind, Double maxDistance) {
        if (blank(watchlistKind) != null) {
            try {
                WatchlistKind.valueOf(watchlistKind.trim());
            } catch (IllegalArgumentException e) {
                throw new HnswException(IntakeErrorCode.SUBSCRIPTION_INVALID, "watchlistKind " + watchlistKind);
            }
        }
        if (maxDistance != null && (maxDistance <= 0 || maxDistance > 2)) {
            throw new HnswException(IntakeErrorCode.SUBSCRIPTION_INVALID, "maxDistance " + maxDistance + " (0–2]");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static Subscription row(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getString("partner_id"), rs.getString("watchlist_kind"), (Double) rs.getObject("max_distance"),
                rs.getBoolean("enabled"), rs.getTimestamp("pushed_until").toInstant(), rs.getInt("pushed"),
                rs.getTimestamp("last_pushed_at") == null ? null : rs.getTimestamp("last_pushed_at").toInstant(),
                rs.getString("last_error"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
