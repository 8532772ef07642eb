package cn.hnsw.portsituation.gate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Relays decided passes to their gates: at once when a decision commits, and every 5 s for those whose relay
 * failed (the gate system was down), up to 20 attempts; the relay error stays on the pass for the operators.
 */
@Component
class GateRelayWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GateRelayWorker.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gate-relay");
        t.setDaemon(true);
        return t;
    });
    private final GateService gates;
    private final GatePassRepository passes;
    private final GateControlAdapter adapter;

    GateRelayWorker(GateService gates, GatePassRepository passes, GateControlAdapter adapter) {
        this.gates = gates;
        this.passes = passes;
        this.adapter = adapter;
        gates.onDecided(() -> executor.execute(this::relayPending));
        executor.scheduleWithFixedDelay(this::relayPending, 5, 5, TimeUnit.SECONDS);
    }

    private void relayPending() {
        try {
            for (var id : passes.awaitingRelay(100)) {
                gates.relay(id, adapter);
            }
        } catch (RuntimeException e) {
            log.warn("event=gate-relay-pass-failed error={}", e.toString());
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
