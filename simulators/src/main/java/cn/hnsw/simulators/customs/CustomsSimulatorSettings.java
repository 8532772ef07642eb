package cn.hnsw.simulators.customs;

import org.springframework.stereotype.Component;

import java.net.URI;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the customs simulators (单一窗口标准版 / H2018 / 金关二期) do now: seeded from {@link CustomsSimulatorProperties}
 * and changed at run time (a test pointing receipts at the service it started, an operator adding verification lists).
 */
@Component
public class CustomsSimulatorSettings {

    /** The current behaviour. */
    public record Behaviour(URI receiptUrl, String businessDecision, String consolidatedDecision, double inspectionRate,
                            String inspectionResult) {
    }

    private volatile Behaviour behaviour;
    private final Map<String, VerificationListRecord> lists = new ConcurrentHashMap<>();

    public CustomsSimulatorSettings(CustomsSimulatorProperties properties) {
        this.behaviour = new Behaviour(properties.receiptUrl(), properties.businessDecision(),
                properties.consolidatedDecision(), properties.inspectionRate(), properties.inspectionResult());
        properties.verificationLists().forEach(this::put);
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public void update(Behaviour next) {
        if (next.inspectionRate() < 0 || next.inspectionRate() > 1) {
            throw new IllegalArgumentException("inspection rate must be within 0..1");
        }
        this.behaviour = next;
    }

    /** Holds a verification list (replacing one of the same number). */
    public void put(VerificationListRecord list) {
        lists.put(list.listNo(), list);
    }

    /** The enterprise's lists: one by number, or those declared within [from, to]. */
    public List<VerificationListRecord> query(String enterpriseUscc, String listNo, LocalDate from, LocalDate to) {
        Collection<VerificationListRecord> all = lists.values();
        return all.stream()
                .filter(l -> l.enterpriseUscc().equals(enterpriseUscc))
                .filter(l -> listNo != null ? l.listNo().equals(listNo)
                        : from != null && to != null && !l.declaredDate().isBefore(from) && !l.declaredDate().isAfter(to))
                .sorted(java.util.Comparator.comparing(VerificationListRecord::listNo))
                .toList();
    }
}
