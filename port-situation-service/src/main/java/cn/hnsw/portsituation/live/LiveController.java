package cn.hnsw.portsituation.live;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.portsituation.basedata.PortScope;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Server-sent events for the big screen: {@code GET /v1/live} streams {@code alert}, {@code alert-changed},
 * {@code vessels} and {@code metrics} events. The browser reads it with fetch (so the bearer token travels in the
 * header), and a comment line every 15 s keeps proxies from closing an idle stream. An officer registered as a port
 * user gets the alerts of their organisation's port only ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/live")
class LiveController {

    private final LiveFeed feed;
    private final PortScope scopes;
    private static final int QUEUE = 1_000;

    LiveController(LiveFeed feed, PortScope scopes) {
        this.feed = feed;
        this.scopes = scopes;
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province')")
    SseEmitter stream() {
        CurrentActor actor = Actors.current();
        String scopePort = scopes.of(actor.username()).port();
        SseEmitter emitter = new SseEmitter(0L);
        // Each stream has its own bounded queue and sender, so a slow or vanished browser never holds up the Kafka
        // listener, the AIS scheduler or the other streams; a stream whose queue overflows is closed.
        BlockingQueue<SseEmitter.SseEventBuilder> queue = new ArrayBlockingQueue<>(QUEUE);
        AtomicBoolean open = new AtomicBoolean(true);
        LiveFeed.LiveSubscriber subscriber = new LiveFeed.LiveSubscriber() {
            @Override
            public boolean deliver(String event, Object data) {
                return open.get() && queue.offer(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
            }

            @Override
            public Object principal() {
                return actor;
            }

            @Override
            public String scopePort() {
                return scopePort;
            }
        };
        Runnable end = () -> {
            open.set(false);
            feed.unsubscribe(subscriber);
        };
        Thread.ofVirtual().name("live-" + actor.username()).start(() -> {
            try {
                while (open.get()) {
                    SseEmitter.SseEventBuilder next = queue.poll(15, TimeUnit.SECONDS);
                    emitter.send(next != null ? next : SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                end.run();
            }
        });
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(e -> end.run());
        feed.subscribe(subscriber);
        subscriber.deliver("hello", java.util.Map.of("user", actor.username()));
        return emitter;
    }
}
