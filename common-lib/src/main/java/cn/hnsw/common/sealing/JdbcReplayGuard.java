package cn.hnsw.common.sealing;

import cn.hnsw.common.crypto.ReplayGuard;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replay guard of a service, in its database: the primary key (sender, message id) makes "first seen" atomic
 * across every instance. When the caller's transaction rolls back, so does the record, and the message may be
 * delivered again: it was never processed. Expired ids are purged now and then as new ones arrive.
 */
public class JdbcReplayGuard implements ReplayGuard {

    private static final int PURGE_EVERY = 1_000;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicLong inserts = new AtomicLong();

    public JdbcReplayGuard(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean firstSeen(String senderKeyId, String messageId, Instant expiresAt) {
        int inserted = jdbc.update("""
                INSERT INTO seal_replay_guard (sender_key_id, message_id, expires_at) VALUES (?, ?, ?)
                ON CONFLICT (sender_key_id, message_id) DO UPDATE SET expires_at = EXCLUDED.expires_at
                WHERE seal_replay_guard.expires_at < ?""",
                senderKeyId, messageId, Timestamp.from(expiresAt), Timestamp.from(clock.instant()));
        if (inserts.incrementAndGet() % PURGE_EVERY == 0) {
            purgeExpired();
        }
        return inserted == 1;
    }

    /** Forgets ids whose window has closed; the time check refuses those messages anyway. */
    public int purgeExpired() {
        return jdbc.update("DELETE FROM seal_replay_guard WHERE expires_at < ?", Timestamp.from(clock.instant()));
    }
}
