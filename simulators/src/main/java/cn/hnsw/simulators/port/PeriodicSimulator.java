package cn.hnsw.simulators.port;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A port feed simulator that sends on its own schedule: started with the application when its settings enable it, or
 * later from the operator API ({@link #generate()}); one thread, one tick every interval; a failed tick is logged and
 * the next one runs.
 */
public abstract class PeriodicSimulator implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private ScheduledExecutorService executor;
    private volatile boolean running;

    /** @param name the simulator's short name, for its thread and its log lines (e.g. {@code gate-traffic}) */
    protected PeriodicSimulator(String name) {
        this.name = name;
    }

    /** Whether the settings start it with the application. */
    protected abstract boolean enabled();

    /** The time between two ticks. */
    protected abstract Duration interval();

    /** The wait before the first tick; none unless a simulator says otherwise. */
    protected Duration firstDelay() {
        return Duration.ZERO;
    }

    /** One round of what the simulated system sends. */
    protected abstract void tick();

    @Override
    public void start() {
        running = true;
        if (enabled()) {
            generate();
        }
    }

    /** Starts the ticks (also at run time, from the operator API); a second call changes nothing. */
    public synchronized void generate() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "simulator-" + name));
        executor.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("event=simulator-{}-tick-failed error={}", name, e.toString());
            }
        }, firstDelay().toMillis(), interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
