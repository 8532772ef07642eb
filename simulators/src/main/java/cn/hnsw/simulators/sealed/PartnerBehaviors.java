package cn.hnsw.simulators.sealed;

import org.springframework.stereotype.Component;

import java.util.List;

/** Chooses the behaviour for a partner: the first bean, in {@code @Order}, that handles it. */
@Component
public class PartnerBehaviors {

    private final List<PartnerBehavior> behaviors;

    /** Spring passes the beans sorted by {@code @Order}; {@link TechnicalReceiptBehavior} handles everyone, last. */
    public PartnerBehaviors(List<PartnerBehavior> behaviors) {
        this.behaviors = List.copyOf(behaviors);
    }

    public PartnerReply reply(PartnerRequest request) {
        return behaviors.stream()
                .filter(b -> b.handles(request.partner()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no behaviour handles partner " + request.partner().id()))
                .reply(request);
    }
}
