package cn.hnsw.portsituation.live;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-sent events for the big screen: {@code GET /v1/live} streams {@code alert}, {@code alert-changed},
 * {@code vessels} and {@code metrics} events. The browser reads it with fetch (so the bearer token travels in the
 * header), and a comment line every 15 s keeps proxies from closing an idle stream.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/live")
class LiveController {

    private final LiveFeed feed;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-heartbeat");
        t.setDaemon(true);
        return t;
    });

    LiveController(LiveFeed feed) {
        this.feed = feed;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer')")
    SseEmitter stream() {
        CurrentActor actor = Actors.current();
        SseEmitter emitter = new SseEmitter(0L);
        LiveFeed.LiveSubscriber subscriber = new LiveFeed.LiveSubscriber() {
            @Override
            public synchronized boolean deliver(String event, Object data) {
                try {
                    emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
                    return true;
                } catch (IOException | IllegalStateException e) {
                    emitter.completeWithError(e);
                    return false;
                }
            }

            @Override
            public Object principal() {
                return actor;
            }
        };
        var beat = heartbeat.scheduleAtFixedRate(() -> {
            synchronized (subscriber) {
                try {
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                } catch (IOException | IllegalStateException e) {
                    feed.unsubscribe(subscriber);
                }
            }
        }, 15, 15, TimeUnit.SECONDS);
        Runnable end = () -> {
            feed.unsubscribe(subscriber);
            beat.cancel(false);
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        feed.subscribe(subscriber);
        subscriber.deliver("hello", java.util.Map.of("user", actor.username()));
        return emitter;
    }
}
