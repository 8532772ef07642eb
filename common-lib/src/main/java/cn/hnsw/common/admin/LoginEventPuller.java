package cn.hnsw.common.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Pulls the identity provider's sign-in events into the {@link LoginEventLog} every interval (zero: never). */
public class LoginEventPuller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LoginEventPuller.class);

    private final LoginEventLog events;
    private final Duration interval;
    private ScheduledExecutorService executor;

    public LoginEventPuller(LoginEventLog events, Duration interval) {
        this.events = events;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || interval.isNegative() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hnsw-login-event-pull");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::pullQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pullQuietly() {
        try {
            events.pull();
        } catch (RuntimeException e) {
            // the identity provider may be restarting; the next pull starts where this one could not
            log.warn("event=login-events-pull-failed reason={}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
