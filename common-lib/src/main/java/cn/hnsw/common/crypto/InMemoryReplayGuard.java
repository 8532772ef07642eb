package cn.hnsw.common.crypto;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * A {@link ReplayGuard} for one process: a bounded map of unexpired (sender, message id) pairs. Expired entries are
 * dropped as new ones arrive. When full it throws {@link ReplayGuardFullException} rather than evicting an
 * unexpired entry, which would reopen the door to a replay.
 *
 * <p>A plain lock is enough: each call does a few map operations while the caller has just spent a signature
 * verification, hundreds of times longer.
 */
public final class InMemoryReplayGuard implements ReplayGuard {

    private record Key(String senderKeyId, String messageId) {
    }

    private record Expiry(Instant expiresAt, Key key) {
    }

    private final Clock clock;
    private final int capacity;
    private final Map<Key, Instant> seen = new HashMap<>();
    private final PriorityQueue<Expiry> byExpiry = new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));

    /**
     * @param capacity most unexpired message ids held at once; size it to the peak message rate times the time
     *                 window (2 × allowed skew)
     */
    public InMemoryReplayGuard(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.clock = clock;
        this.capacity = capacity;
    }

    // An entry is kept while now <= expiresAt: at that very instant the time window still admits the message.
    @Override
    public synchronized boolean firstSeen(String senderKeyId, String messageId, Instant expiresAt) {
        Instant now = clock.instant();
        for (Expiry head = byExpiry.peek(); head != null && head.expiresAt().isBefore(now); head = byExpiry.peek()) {
            byExpiry.poll();
            seen.remove(head.key(), head.expiresAt());
        }
        Key key = new Key(senderKeyId, messageId);
        if (seen.containsKey(key)) {
            return false;
        }
        if (seen.size() >= capacity) {
            throw new ReplayGuardFullException("replay guard holds " + capacity + " unexpired message ids");
        }
        seen.put(key, expiresAt);
        byExpiry.add(new Expiry(expiresAt, key));
        return true;
    }

    /** Unexpired entries held now (for metrics). */
    public synchronized int size() {
        return seen.size();
    }
}
