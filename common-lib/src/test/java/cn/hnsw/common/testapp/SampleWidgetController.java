package cn.hnsw.common.testapp;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.CommonErrorCode;
import cn.hnsw.common.web.HnswException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Test fixture: an enterprise-scoped resource with validation, role checks and a failure path. */
@RestController
@RequestMapping("/api/sample/v1/widgets")
class SampleWidgetController {

    record WidgetRequest(@NotBlank @Size(max = 20) String name, @Positive BigDecimal value) {
    }

    record Widget(String id, String enterprise, String name, BigDecimal value) {
    }

    private final Map<String, Widget> widgets = new ConcurrentHashMap<>();

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin')")
    Widget create(@Valid @RequestBody WidgetRequest request) {
        CurrentActor actor = Actors.current();
        String enterprise = EnterpriseScope.restrictionFor(actor).orElseThrow();
        Widget widget = new Widget(UUID.randomUUID().toString(), enterprise, request.name(), request.value());
        widgets.put(widget.id(), widget);
        return widget;
    }

    @GetMapping("/{id}")
    Widget get(@PathVariable String id) {
        Widget widget = widgets.get(id);
        if (widget == null) {
            throw new HnswException(CommonErrorCode.NOT_FOUND);
        }
        EnterpriseScope.check(Actors.current(), widget.enterprise());
        return widget;
    }

    @GetMapping("/public/ping")
    Map<String, String> ping() {
        return Map.of("status", "UP");
    }

    /** An asynchronous answer that never comes: times out before anything is written. */
    @GetMapping("/public/slow")
    org.springframework.web.context.request.async.DeferredResult<Map<String, String>> slow() {
        return new org.springframework.web.context.request.async.DeferredResult<>(200L);
    }

    /** An event stream that sends one event and then times out, as a live stream left open does. */
    @GetMapping(value = "/public/stream", produces = "text/event-stream")
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter stream() throws java.io.IOException {
        var emitter = new org.springframework.web.servlet.mvc.method.annotation.SseEmitter(300L);
        emitter.send(org.springframework.web.servlet.mvc.method.annotation.SseEmitter.event().name("hello").data("1"));
        return emitter;
    }

    /** A live stream that keeps sending, as the port's live map does; a client may go away in the middle of it. */
    @GetMapping(value = "/public/live", produces = "text/event-stream")
    org.springframework.web.servlet.mvc.method.annotation.SseEmitter live() {
        var emitter = new org.springframework.web.servlet.mvc.method.annotation.SseEmitter(10_000L);
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < 500; i++) {
                    emitter.send(org.springframework.web.servlet.mvc.method.annotation.SseEmitter.event().name("tick")
                            .data(String.valueOf(i) + " " + "x".repeat(2048)));
                    Thread.sleep(10);
                }
                emitter.complete();
            } catch (java.io.IOException | IllegalStateException e) {
                // the client went away: the emitter has already been completed with the error
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return emitter;
    }

    @PostMapping("/{id}/explosion")
    Widget explode(@PathVariable String id) {
        throw new IllegalStateException("secret internal detail at cn.hnsw.Secret.method(Secret.java:42)");
    }
}
