package cn.hnsw.simulators.notify;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What the app-push service simulator received (kept in memory), and the operator's fault switch: the next
 * {@code n} messages are answered as by a push service that is down (503), so the platform's retries can be seen.
 */
@Component
public class AppPushInbox {

    /** One push as the officer's phone would get it. */
    public record Push(String pushId, String deviceId, String title, String body, String reference, Instant at) {
    }

    private final List<Push> pushes = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failNext = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();

    /** True when this message is to fail (and counts it off). */
    boolean failThisOne() {
        return failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    Push accept(String deviceId, String title, String body, String reference) {
        Push p = new Push("PUSH-SIM-" + ids.incrementAndGet(), deviceId, title, body, reference, Instant.now());
        pushes.add(p);
        return p;
    }

    public List<Push> pushes() {
        synchronized (pushes) {
            return List.copyOf(pushes);
        }
    }

    public void failNext(int n) {
        failNext.set(Math.max(0, n));
    }

    public void reset() {
        pushes.clear();
        failNext.set(0);
    }
}
