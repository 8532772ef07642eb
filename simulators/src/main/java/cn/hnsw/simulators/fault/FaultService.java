package cn.hnsw.simulators.fault;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Fault settings of the simulated partners: read for every message, changed at run time by operators. Read from the
 * database each time rather than cached, so a change made through one instance applies to all at once.
 */
@Service
public class FaultService {

    private static final Logger log = LoggerFactory.getLogger(FaultService.class);

    private final FaultSettingsRepository repository;
    private final Clock clock;

    public FaultService(FaultSettingsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PartnerFaults faultsOf(String partnerId) {
        return repository.find(partnerId).orElseGet(() -> PartnerFaults.untouched(partnerId));
    }

    /** Stored settings by partner id; partners never changed are absent (they are healthy). */
    @Transactional(readOnly = true)
    public Map<String, PartnerFaults> allStored() {
        return repository.findAll();
    }

    /** Replaces the partner's settings; {@code actor} is kept for the answer (the audit log keeps the full trail). */
    @Transactional
    public PartnerFaults change(String partnerId, FaultSettings settings, String actor) {
        PartnerFaults faults = new PartnerFaults(partnerId, settings, clock.instant(), actor);
        repository.save(faults);
        log.info("event=simulator-faults-changed partner={} by={} latencyMs={} jitterMs={} failureRate={} failureMode={} "
                        + "availability={} offlineUntil={} windows={}", partnerId, actor, settings.latencyMs(),
                settings.jitterMs(), settings.failureRate(), settings.failureMode(), settings.availability(),
                settings.offlineUntil(), settings.outageWindows().size());
        return faults;
    }

    /** What the partner does with a message arriving now. */
    public FaultDecision decide(String partnerId, RandomGenerator random) {
        return faultsOf(partnerId).settings().decide(now(), random);
    }

    public Instant now() {
        return clock.instant();
    }
}
