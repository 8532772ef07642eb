package cn.hnsw.simulators.partner;

import cn.hnsw.common.web.HnswException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated partner systems, from {@code hnsw.simulators.partners}, in configuration order. Checked once at
 * start: a duplicate id or key id would make messages ambiguous, so the service refuses to start rather than answer
 * for the wrong partner.
 */
@Component
public class PartnerRegistry {

    private static final Logger log = LoggerFactory.getLogger(PartnerRegistry.class);

    private final Map<String, Partner> byId;

    @Autowired
    public PartnerRegistry(PartnerProperties properties) {
        this(properties.partners().stream().map(PartnerProperties.PartnerDefinition::toPartner).toList());
    }

    PartnerRegistry(List<Partner> partners) {
        Map<String, Partner> ids = new LinkedHashMap<>();
        Map<String, Partner> keyIds = new LinkedHashMap<>();
        for (Partner partner : partners) {
            if (ids.putIfAbsent(partner.id(), partner) != null) {
                throw new IllegalStateException("duplicate partner simulator id " + partner.id());
            }
            Partner sameKey = keyIds.putIfAbsent(partner.keyId(), partner);
            if (sameKey != null) {
                throw new IllegalStateException("partner simulators " + sameKey.id() + " and " + partner.id()
                        + " share key id " + partner.keyId());
            }
        }
        this.byId = Collections.unmodifiableMap(ids);
        byId.values().forEach(p -> log.info("event=simulator-registered partner={} kind={} keyId={} nameZh={} nameEn=\"{}\"",
                p.id(), p.kind(), p.keyId(), p.nameZh(), p.nameEn()));
    }

    /** Every simulated partner, in configuration order. */
    public Collection<Partner> all() {
        return byId.values();
    }

    public Optional<Partner> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The partner with {@code id}, or a 404 {@link PartnerErrorCode#PARTNER_NOT_FOUND}. */
    public Partner require(String id) {
        return find(id).orElseThrow(() -> new HnswException(PartnerErrorCode.PARTNER_NOT_FOUND, id));
    }
}
