package cn.hnsw.portsituation.ais;

import cn.hnsw.portsituation.live.LiveFeed;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Periodic AIS work: the AIS-off scan, the live push of moved vessels to the map, and the per-minute data-receive log
 * of each feeder.
 */
@Component
class AisScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AisScheduler.class);

    private final ScheduledExecutorService executor = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "ais-scheduler");
        t.setDaemon(true);
        return t;
    });
    private final AisPipeline pipeline;
    private final AisReceiver receiver;
    private final AisHistoryRepository history;
    private final LiveFeed live;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, IntakeStats.Snapshot> logged = new ConcurrentHashMap<>();
    private volatile Instant periodStart;

    AisScheduler(AisPipeline pipeline, AisReceiver receiver, AisHistoryRepository history, LiveFeed live,
                 ObjectMapper json, Clock clock, AisProperties properties) {
        this.pipeline = pipeline;
        this.receiver = receiver;
        this.history = history;
        this.live = live;
        this.json = json;
        this.clock = clock;
        this.periodStart = clock.instant();
        long scan = properties.aisOffScan().toMillis();
        executor.scheduleWithFixedDelay(guard("ais-off-scan", pipeline::scanForSilence), scan, scan, TimeUnit.MILLISECONDS);
        long push = properties.livePushInterval().toMillis();
        executor.scheduleWithFixedDelay(guard("live-vessels", this::pushVessels), push, push, TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(guard("receive-log", this::logReceive), 60, 60, TimeUnit.SECONDS);
    }

    private void pushVessels() {
        if (live.subscriberCount() == 0) {
            pipeline.takeChanged();
            return;
        }
        List<AisPipeline.VesselSnapshot> changed = pipeline.takeChanged();
        if (!changed.isEmpty()) {
            live.publish("vessels", changed);
        }
    }

    /** Writes what each feeder sent since the previous entry (数据接收日志). */
    void logReceive() {
        Instant start = periodStart;
        periodStart = clock.instant();
        for (IntakeStats stats : receiver.feeders()) {
            IntakeStats.Snapshot now = stats.snapshot();
            IntakeStats.Snapshot before = logged.put(stats.feeder(), now);
            IntakeStats.Snapshot delta = before == null ? now : now.minus(before);
            if (delta.received() == 0) {
                continue;
            }
            try {
                history.logReceive("AIS", delta, start, json.writeValueAsString(delta.dropReasons()));
            } catch (Exception e) {
                log.warn("event=receive-log-failed feeder={} error={}", stats.feeder(), e.toString());
            }
        }
    }

    private static Runnable guard(String name, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("event=ais-task-failed task={} error={}", name, e.toString());
            }
        };
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
