package cn.hnsw.passenger.declaration;

import cn.hnsw.passenger.clearance.ClearanceLog;
import cn.hnsw.passenger.customs.CustomsClearanceGateway;
import cn.hnsw.passenger.customs.TechnicalAck;
import cn.hnsw.passenger.partner.PartnerRefusedException;
import cn.hnsw.passenger.partner.PartnerUnavailableException;
import jakarta.annotation.PreDestroy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends pending declaration requests (submit, modify, delete) to customs, sealed. Woken after each commit and every
 * few seconds: while customs is down (switched off, 503) requests stay queued and drain when it is back; a message
 * customs refuses outright is blocked with its error (错误信息处理) until an operator resends it.
 */
@Component
public class CustomsDispatcher {

    private static final Logger log = LoggerFactory.getLogger(CustomsDispatcher.class);
    static final int MAX_REJECTED_ATTEMPTS = 10;

    private final DeclarationRepository declarations;
    private final CustomsClearanceGateway customs;
    private final ClearanceLog clearanceLog;
    private final TransactionTemplate tx;
    private final ExecutorService senders;
    private final ExecutorService drainer = Executors.newSingleThreadExecutor(r -> new Thread(r, "customs-dispatch"));
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private final int batch;

    public CustomsDispatcher(DeclarationRepository declarations, CustomsClearanceGateway customs,
                             ClearanceLog clearanceLog, TransactionTemplate tx,
                             @Value("${hnsw.passenger.dispatch.parallelism:8}") int parallelism,
                             @Value("${hnsw.passenger.dispatch.batch:64}") int batch) {
        this.declarations = declarations;
        this.customs = customs;
        this.clearanceLog = clearanceLog;
        this.tx = tx;
        this.batch = batch;
        this.senders = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "customs-send");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts a drain unless one is running, in which case that one goes round once more. */
    public void wake() {
        again.set(true);
        if (draining.compareAndSet(false, true)) {
            drainer.execute(this::drain);
        }
    }

    @Scheduled(fixedDelayString = "${hnsw.passenger.dispatch.interval:2s}")
    void poll() {
        wake();
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                List<UUID> claimed;
                do {
                    claimed = declarations.claimPending(batch, 60);
                    List<CompletableFuture<Void>> sends = new ArrayList<>();
                    for (UUID id : claimed) {
                        sends.add(CompletableFuture.runAsync(() -> sendOne(id), senders));
                    }
                    CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
                } while (claimed.size() == batch);
            }
        } catch (RuntimeException e) {
            log.warn("event=customs-dispatch-failed error={}", e.toString());
        } finally {
            draining.set(false);
            if (again.get() && draining.compareAndSet(false, true)) {
                drainer.execute(this::drain);
            }
        }
    }

    void sendOne(UUID id) {
        BaggageDeclaration d = declarations.find(id).orElse(null);
        if (d == null || d.pendingAction() == null) {
            return;
        }
        try {
            TechnicalAck ack = customs.send("BAGGAGE_DECLARATION", d.id().toString(), message(d));
            if (ack.accepted()) {
                tx.executeWithoutResult(s -> {
                    if (declarations.markSent(d.id(), d.revision())) {
                        clearanceLog.record(d.id(), "SENT_TO_CUSTOMS", "SENT", "system",
                                "已加签加密发送海关（" + actionZh(d.pendingAction()) + "，第 " + d.revision() + " 版）",
                                "Signed, encrypted and sent to customs (" + d.pendingAction() + ", revision "
                                        + d.revision() + ")");
                    }
                });
            } else {
                int attempts = declarations.dispatchState(id).map(DeclarationRepository.DispatchState::attempts).orElse(0);
                fail(d, "customs rejected the message: " + ack.code(), attempts + 1 >= MAX_REJECTED_ATTEMPTS);
            }
        } catch (PartnerUnavailableException e) {
            declarations.markDispatchFailed(d.id(), d.revision(), "customs unavailable, queued: " + e.getMessage(), false);
        } catch (PartnerRefusedException e) {
            fail(d, e.getMessage(), true);
        }
    }

    private void fail(BaggageDeclaration d, String error, boolean blocked) {
        tx.executeWithoutResult(s -> {
            declarations.markDispatchFailed(d.id(), d.revision(), error, blocked);
            if (blocked) {
                clearanceLog.record(d.id(), "DISPATCH_FAILED", d.status().name(), "system",
                        "发送海关失败，待运维处理：" + error, "Sending to customs failed, waiting for an operator: " + error);
            }
        });
    }

    static Map<String, Object> message(BaggageDeclaration d) {
        DeclarationContent c = d.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", d.pendingAction().name());
        m.put("conversationId", d.conversationId().toString());
        m.put("declarationNo", d.declarationNo());
        m.put("revision", d.revision());
        m.put("port", c.port().name());
        m.put("departureDate", c.departureDate().toString());
        m.put("transportMode", c.transportMode().name());
        m.put("ticketNo", c.ticketNo());
        m.put("travelerName", c.travelerName());
        m.put("documentNo", c.documentNo());
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < c.items().size(); i++) {
            BaggageItem item = c.items().get(i);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", i);
            line.put("category", item.category().name());
            line.put("name", item.name());
            line.put("quantity", item.quantity());
            line.put("unit", item.unit());
            line.put("value", item.value());
            line.put("currency", item.currency());
            items.add(line);
        }
        m.put("items", items);
        if (d.deletionReason() != null) {
            m.put("deletionReason", d.deletionReason());
        }
        return m;
    }

    private static String actionZh(DeclarationAction a) {
        return switch (a) {
            case SUBMIT -> "申报";
            case MODIFY -> "修改";
            case DELETE -> "删除";
        };
    }

    @PreDestroy
    void stop() {
        drainer.shutdownNow();
        senders.shutdownNow();
    }
}
