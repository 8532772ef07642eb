package cn.hnsw.passenger.notification;

import cn.hnsw.common.events.EventEnvelope;
import cn.hnsw.common.events.EventJson;
import cn.hnsw.common.security.Actors;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * 回执推送 — pushes each customs receipt applied to a traveler's declaration to that traveler's open streams
 * (server-sent events), while pulling by query keeps working. Every instance reads {@code hnsw.passenger.receipt-applied}
 * in a consumer group of its own, so a traveler connected to any instance hears about a receipt applied by any other.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/notifications")
class TravelerNotificationController {

    private static final Logger log = LoggerFactory.getLogger(TravelerNotificationController.class);
    static final long STREAM_TIMEOUT_MS = 30L * 60 * 1000;

    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final EventJson eventJson;

    TravelerNotificationController(EventJson eventJson) {
        this.eventJson = eventJson;
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('traveler')")
    SseEmitter stream() throws IOException {
        String traveler = Actors.current().userId();
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        List<SseEmitter> mine = streams.computeIfAbsent(traveler, k -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        Runnable remove = () -> mine.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        emitter.send(SseEmitter.event().name("ready").data("{}"));
        return emitter;
    }

    @KafkaListener(topics = "hnsw.passenger.receipt-applied", groupId = "passenger-push-${random.uuid}",
            properties = {"auto.offset.reset=latest", "metadata.max.age.ms=5000"})
    void onReceiptApplied(ConsumerRecord<String, String> record) {
        EventEnvelope event = eventJson.read(record.value());
        JsonNode data = eventJson.dataAs(event, JsonNode.class);
        String traveler = data.path("travelerId").asText();
        List<SseEmitter> targets = streams.getOrDefault(traveler, List.of());
        for (SseEmitter emitter : targets) {
            try {
                emitter.send(SseEmitter.event().name("receipt").id(event.id().toString())
                        .data(Map.of("declarationId", data.path("declarationId").asText(),
                                "declarationNo", data.path("declarationNo").asText(),
                                "status", data.path("status").asText()), MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException e) {
                targets.remove(emitter);
                log.debug("event=push-stream-closed traveler={}", traveler);
            }
        }
    }
}
