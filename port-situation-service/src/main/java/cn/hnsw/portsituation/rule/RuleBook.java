package cn.hnsw.portsituation.rule;

import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The enabled rules of each scope, compiled, and the cooldown per rule and subject so that one vessel or port does not
 * raise the same rule's alert over and over. Reloaded whenever a rule is saved or deleted.
 */
@Component
public class RuleBook {

    private final AlertRuleRepository rules;
    private volatile Map<RuleScope, List<AlertRule>> byScope = new EnumMap<>(RuleScope.class);
    private final Map<String, Instant> lastHit = new ConcurrentHashMap<>();

    public RuleBook(AlertRuleRepository rules) {
        this.rules = rules;
        reload();
    }

    public final void reload() {
        Map<RuleScope, List<AlertRule>> next = new EnumMap<>(RuleScope.class);
        for (RuleScope scope : RuleScope.values()) {
            next.put(scope, new ArrayList<>());
        }
        for (AlertRule rule : rules.findAll()) {
            if (rule.enabled()) {
                next.get(rule.scope()).add(rule);
            }
        }
        byScope = next;
    }

    public boolean isEmpty(RuleScope scope) {
        return byScope.get(scope).isEmpty();
    }

    /** The rules of the scope whose condition holds for these facts and whose cooldown for the subject is over. */
    public List<AlertRule> matching(RuleScope scope, String subject, Map<String, Object> facts, Instant now) {
        List<AlertRule> scoped = byScope.get(scope);
        if (scoped.isEmpty()) {
            return List.of();
        }
        List<AlertRule> hits = new ArrayList<>();
        for (AlertRule rule : scoped) {
            if (!rule.condition().test(facts)) {
                continue;
            }
            String key = rule.id() + "|" + subject;
            Instant previous = lastHit.get(key);
            if (previous != null && previous.plus(rule.cooldown()).isAfter(now)) {
                continue;
            }
            lastHit.put(key, now);
            hits.add(rule);
        }
        return hits;
    }
}
