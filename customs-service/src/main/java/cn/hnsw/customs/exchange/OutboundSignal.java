package cn.hnsw.customs.exchange;

import org.springframework.stereotype.Component;

import java.time.Duration;

/** Wakes the dispatcher when a message was queued, so a submission leaves within milliseconds, not at the next poll. */
@Component
public class OutboundSignal {

    private boolean woken;

    public synchronized void wake() {
        woken = true;
        notifyAll();
    }

    /** Waits until woken or {@code timeout} passed. */
    synchronized void await(Duration timeout) throws InterruptedException {
        if (!woken) {
            wait(timeout.toMillis());
        }
        woken = false;
    }
}
