package cn.hnsw.simulators.link;

import cn.hnsw.simulators.fault.FaultService;
import cn.hnsw.simulators.fault.PartnerFaults;
import cn.hnsw.simulators.partner.PartnerRegistry;
import cn.hnsw.simulators.sealed.PartnerSealers;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The state of every partner link, from the stored fault settings and the keys the simulators hold. */
@Service
public class PartnerLinkService {

    private final PartnerRegistry registry;
    private final FaultService faults;
    private final PartnerSealers sealers;

    public PartnerLinkService(PartnerRegistry registry, FaultService faults, PartnerSealers sealers) {
        this.registry = registry;
        this.faults = faults;
        this.sealers = sealers;
    }

    public List<PartnerLink> links() {
        Map<String, PartnerFaults> stored = faults.allStored();
        Instant now = faults.now();
        return registry.all().stream()
                .map(p -> PartnerLink.of(p, stored.getOrDefault(p.id(), PartnerFaults.untouched(p.id())).settings(),
                        sealers.holdsKeyOf(p), now))
                .toList();
    }
}
