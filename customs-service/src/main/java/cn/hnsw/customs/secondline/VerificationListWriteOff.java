package cn.hnsw.customs.secondline;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.DeclarationHook;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationStatus;
import cn.hnsw.customs.declaration.DeclarationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 核注清单核扣 (R14, FP 267, 285): when a second-line declaration that names a list the platform pulled is declared (or
 * released, as the list type's write-off rule says), each of its items takes its quantity off the matching list line;
 * more than is left, or less than the whole when the rule wants the whole, refuses the declaration with its own
 * message. Withdrawal or deletion gives the quantities back. The release of a consolidated declaration writes off the
 * distribution lists it summed. Receipts of second-line declarations go to their subscribers.
 *
 * <p>A declaration naming a list the platform never pulled is declared without a local write-off: H2018/金关二期 keep
 * the authoritative balance and refuse there.
 */
@Component
class VerificationListWriteOff implements DeclarationHook {

    private static final Logger log = LoggerFactory.getLogger(VerificationListWriteOff.class);
    private static final Set<DeclarationType> SECOND_LINE = Set.of(DeclarationType.SECOND_LINE_DOMESTIC_SALE,
            DeclarationType.SECOND_LINE_GENERAL, DeclarationType.CONSOLIDATED);

    private final VerificationListRepository lists;
    private final SecondLineRules rules;
    private final ConsolidatedListRepository consolidated;
    private final SubscriptionService subscriptions;
    private final Clock clock = Clock.systemUTC();

    VerificationListWriteOff(VerificationListRepository lists, SecondLineRules rules,
                             ConsolidatedListRepository consolidated, SubscriptionService subscriptions) {
        this.lists = lists;
        this.rules = rules;
        this.consolidated = consolidated;
        this.subscriptions = subscriptions;
    }

    @Override
    public void declaring(CustomsDeclaration d) {
        pulledList(d).ifPresent(list -> {
            if (list.status() == VerificationList.Status.INVALID) {
                throw new HnswException(SecondLineErrorCode.LIST_NOT_VALID, SecondLineService.summary(list.findings()));
            }
            rules.writeOffRule(list.listType()).ifPresent(rule ->
                    writeOff(d, list, rule, "DECLARE".equals(rule.moment())));
        });
    }

    @Override
    public void businessReceipt(CustomsDeclaration d, DeclarationStatus decision) {
        if (!SECOND_LINE.contains(d.type())) {
            return;
        }
        Instant now = clock.instant();
        Map<String, Object> pushed = new LinkedHashMap<>();
        pushed.put("preEntryNo", d.preEntryNo());
        pushed.put("customsNo", d.customsNo());
        pushed.put("declarationType", d.type().name());
        pushed.put("status", decision.name());
        pushed.put("verificationListNo", d.header().verificationListNo());
        subscriptions.deliver(d.enterpriseUscc(), SubscriptionService.Content.SECOND_LINE_RECEIPTS,
                "declaration:" + d.id() + ":" + decision.name(), pushed, now);
        if (decision != DeclarationStatus.RELEASED) {
            return;
        }
        if (d.type() == DeclarationType.CONSOLIDATED) {
            consolidated.byDeclarationForUpdate(d.id()).ifPresent(c -> {
                for (VerificationList list : lists.byConsolidated(c.id())) {
                    VerificationList locked = lists.findForUpdate(list.id()).orElseThrow();
                    for (VerificationList.Line line : locked.items()) {
                        if (line.remaining().signum() > 0) {
                            lists.writeOff(d.id(), locked.id(), line.seq(), line.remaining(), now);
                        }
                    }
                    lists.status(locked.id(), VerificationList.Status.WRITTEN_OFF);
                }
                log.info("event=consolidated-lists-written-off consolidated={} declaration={}", c.consolidatedNo(), d.preEntryNo());
            });
            return;
        }
        pulledList(d).ifPresent(list -> rules.writeOffRule(list.listType())
                .filter(rule -> "RELEASE".equals(rule.moment()))
                .ifPresent(rule -> writeOff(d, list, rule, true)));
    }

    @Override
    public void withdrawn(CustomsDeclaration d) {
        for (var listId : lists.reverseWriteOffs(d.id(), clock.instant())) {
            lists.find(listId).filter(l -> l.status() == VerificationList.Status.WRITTEN_OFF)
                    .ifPresent(l -> lists.status(l.id(), VerificationList.Status.VALID));
        }
    }

    private Optional<VerificationList> pulledList(CustomsDeclaration d) {
        String no = d.header().verificationListNo();
        if (!SECOND_LINE.contains(d.type()) || no == null || no.isBlank()) {
            return Optional.empty();
        }
        Optional<VerificationList> list = lists.findByNoForUpdate(no.trim());
        if (list.isPresent() && !list.get().enterpriseUscc().equals(d.enterpriseUscc())) {
            // Another enterprise's list does not exist for this one.
            throw new HnswException(SecondLineErrorCode.LIST_NOT_FOUND);
        }
        return list;
    }

    /** Matches each item to a list line and checks (and, when {@code write}, books) the quantities. */
    private void writeOff(CustomsDeclaration d, VerificationList list, SecondLineRules.WriteOffRule rule, boolean write) {
        Map<Integer, BigDecimal> left = new HashMap<>();
        list.items().forEach(l -> left.put(l.seq(), l.remaining()));
        Map<Integer, BigDecimal> taking = new LinkedHashMap<>();
        for (DeclarationItem item : d.items()) {
            VerificationList.Line line = match(list.items(), item, left)
                    .orElseThrow(() -> new HnswException(SecondLineErrorCode.WRITE_OFF_NO_LINE, item.seq(), item.name()));
            BigDecimal amount = amount(rule, item, line);
            BigDecimal remaining = left.get(line.seq());
            if (amount.compareTo(remaining) > 0) {
                throw new HnswException(SecondLineErrorCode.WRITE_OFF_EXCEEDED, item.seq(), item.name(),
                        amount.stripTrailingZeros().toPlainString(), remaining.stripTrailingZeros().toPlainString());
            }
            if (!rule.allowPartial() && amount.compareTo(remaining) != 0) {
                throw new HnswException(SecondLineErrorCode.WRITE_OFF_MUST_BE_WHOLE, item.seq(),
                        remaining.stripTrailingZeros().toPlainString());
            }
            left.put(line.seq(), remaining.subtract(amount));
            taking.merge(line.seq(), amount, BigDecimal::add);
        }
        if (!write) {
            return;
        }
        Instant now = clock.instant();
        taking.forEach((seq, amount) -> lists.writeOff(d.id(), list.id(), seq, amount, now));
        VerificationList after = lists.find(list.id()).orElseThrow();
        if (after.exhausted()) {
            lists.status(list.id(), VerificationList.Status.WRITTEN_OFF);
        }
        log.info("event=verification-list-written-off list={} declaration={} lines={}", list.listNo(), d.preEntryNo(),
                taking.size());
    }

    /** The line with the item's seq and HS code, else the first line of that HS code with something left. */
    private static Optional<VerificationList.Line> match(List<VerificationList.Line> lines, DeclarationItem item,
                                                        Map<Integer, BigDecimal> left) {
        Optional<VerificationList.Line> same = lines.stream()
                .filter(l -> l.seq() == item.seq() && l.hsCode().equals(item.hsCode())).findFirst();
        if (same.isPresent() && left.get(same.get().seq()).signum() > 0) {
            return same;
        }
        return lines.stream().filter(l -> l.hsCode().equals(item.hsCode()) && left.get(l.seq()).signum() > 0)
                .findFirst().or(() -> same);
    }

    /** The quantity the rule's basis takes, in the line's declared unit. */
    private static BigDecimal amount(SecondLineRules.WriteOffRule rule, DeclarationItem item, VerificationList.Line line) {
        if ("LEGAL_QUANTITY".equals(rule.basis()) && item.legalQuantity() != null && line.legalQuantity() != null
                && line.legalQuantity().signum() > 0) {
            return item.legalQuantity().multiply(line.quantity()).divide(line.legalQuantity(), 5, RoundingMode.HALF_UP);
        }
        return item.quantity() == null ? BigDecimal.ZERO : item.quantity();
    }
}
