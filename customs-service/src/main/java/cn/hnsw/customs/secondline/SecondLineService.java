package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationService;
import cn.hnsw.customs.declaration.DeclarationType;
import cn.hnsw.customs.declaration.SaveResult;
import cn.hnsw.customs.validation.ValidationRuleService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 二线报关单调取核注清单 (FP 249–287, spec §3.5): pull lists from H2018/金关二期, read and filter them to the caller's
 * enterprise, store and check them (nine families, configurable), and fill a second-line declaration from a valid
 * list by the configured header and body fill rules. The write-off (核扣) happens when that declaration is declared or
 * released ({@link VerificationListWriteOff}).
 */
@Service
public class SecondLineService {

    private static final Logger log = LoggerFactory.getLogger(SecondLineService.class);
    static final Set<String> LIST_TYPES = Set.of(VerificationList.DOMESTIC_SALE, VerificationList.DISTRIBUTION);
    static final int MAX_PERIOD_DAYS = 31;
    /** The remark the seeded fill rule writes; a second-line general declaration says its own. */
    static final String SECOND_LINE_REMARK = "二线内销";

    private final VerificationListSource source;
    private final VerificationListRepository lists;
    private final SecondLineRules rules;
    private final ValidationRuleService validation;
    private final DeclarationService declarations;
    private final SubscriptionService subscriptions;
    private final TransactionTemplate tx;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public SecondLineService(VerificationListSource source, VerificationListRepository lists, SecondLineRules rules,
                             ValidationRuleService validation, DeclarationService declarations,
                             SubscriptionService subscriptions, TransactionTemplate tx, ObjectMapper json) {
        this.source = source;
        this.lists = lists;
        this.rules = rules;
        this.validation = validation;
        this.declarations = declarations;
        this.subscriptions = subscriptions;
        this.tx = tx;
        this.json = json;
    }

    /** The outcome of one pull: how many lists came, how many were new, and each list as now held. */
    public record PullResult(UUID pullId, int received, int stored, int alreadyHeld, int filteredOut,
                             List<VerificationList> lists) {
    }

    /** 调取核注清单 (FP 249) + 数据读取 (256–258) + 校验 (270–280). */
    public PullResult pull(CurrentActor actor, String listNo, LocalDate from, LocalDate to) {
        String enterprise = enterpriseOf(actor);
        boolean byNumber = listNo != null && !listNo.isBlank();
        if (!byNumber && (from == null || to == null || from.isAfter(to)
                || ChronoUnit.DAYS.between(from, to) >= MAX_PERIOD_DAYS)) {
            throw new HnswException(SecondLineErrorCode.LIST_QUERY_INVALID);
        }
        String number = byNumber ? listNo.trim() : null;
        Instant now = clock.instant();
        UUID pullId = UUID.randomUUID();
        List<VerificationListData> received;
        try {
            received = source.query(enterprise, number, byNumber ? null : from, byNumber ? null : to);
        } catch (VerificationListSource.ListSourceUnavailableException e) {
            tx.executeWithoutResult(s -> lists.insertPull(pullId, enterprise, actor.username(), number, from, to,
                    source.partner(), "FAILED", 0, e.getMessage(), now));
            log.warn("event=verification-list-pull-failed enterprise={} partner={} error=\"{}\"", enterprise,
                    source.partner(), e.getMessage());
            throw new HnswException(SecondLineErrorCode.LIST_SOURCE_UNAVAILABLE, source.partner());
        }
        // FP 257 过滤: only the caller's own lists of the two second-line types, each with a number and a date.
        List<VerificationListData> kept = received.stream()
                .filter(l -> enterprise.equals(l.enterpriseUscc()) && LIST_TYPES.contains(l.listType())
                        && l.listNo() != null && l.declaredDate() != null)
                .toList();
        PullResult result = tx.execute(s -> {
            lists.insertPull(pullId, enterprise, actor.username(), number, from, to, source.partner(), "SUCCEEDED",
                    kept.size(), null, now);
            int stored = 0;
            List<VerificationList> held = new ArrayList<>();
            for (VerificationListData data : kept) {
                UUID id = UUID.randomUUID();
                if (lists.insertIfNew(id, data, pullId, now)) {
                    stored++;
                    held.add(check(lists.findForUpdate(id).orElseThrow(), enterprise, now));
                } else {
                    lists.findByNo(data.listNo()).filter(l -> l.enterpriseUscc().equals(enterprise)).ifPresent(held::add);
                }
            }
            for (VerificationList l : held) {
                subscriptions.deliver(enterprise, SubscriptionService.Content.VERIFICATION_LISTS, "list:" + l.listNo(),
                        Map.of("listNo", l.listNo(), "listType", l.listType(), "status", l.status().name(),
                                "declaredDate", l.declaredDate().toString()), now);
            }
            return new PullResult(pullId, received.size(), stored, kept.size() - stored,
                    received.size() - kept.size(), held);
        });
        log.info("event=verification-list-pulled enterprise={} partner={} received={} stored={}", enterprise,
                source.partner(), received.size(), result.stored());
        return result;
    }

    @Transactional(readOnly = true)
    public List<VerificationListRepository.PullRecord> pulls(CurrentActor actor) {
        return lists.pulls(EnterpriseScope.restrictionFor(actor).orElse(null), 100);
    }

    @Transactional(readOnly = true)
    public PageResponse<VerificationList> search(CurrentActor actor, String enterprise, String listType,
                                                 VerificationList.Status status, LocalDate from, LocalDate to,
                                                 PageQuery page) {
        String scoped = EnterpriseScope.restrictionFor(actor).orElse(enterprise);
        return PageResponse.of(lists.search(scoped, listType, status, from, to, page.offset(), page.size()), page,
                lists.count(scoped, listType, status, from, to));
    }

    @Transactional(readOnly = true)
    public VerificationList get(CurrentActor actor, UUID id) {
        return visible(actor, lists.find(id));
    }

    /** 核注清单校验 again, e.g. after an officer changed the checks. */
    @Transactional
    public VerificationList recheck(CurrentActor actor, UUID id) {
        VerificationList list = visible(actor, lists.findForUpdate(id));
        return check(list, list.enterpriseUscc(), clock.instant());
    }

    /**
     * 生成二线报关单: a temp-saved second-line domestic-sale declaration filled from a valid list by the enabled fill
     * rules; the body takes what is not yet written off.
     */
    @Transactional
    public SaveResult generateDeclaration(CurrentActor actor, UUID id) {
        return generateDeclaration(actor, id, DeclarationType.SECOND_LINE_DOMESTIC_SALE);
    }

    /**
     * The same for a second-line general declaration (二线一般报关, FP 990–1028): same fill rules, its own remark, its
     * own pre-validation rules; written off the same way.
     */
    @Transactional
    public SaveResult generateDeclaration(CurrentActor actor, UUID id, DeclarationType type) {
        if (type != DeclarationType.SECOND_LINE_DOMESTIC_SALE && type != DeclarationType.SECOND_LINE_GENERAL) {
            throw new HnswException(SecondLineErrorCode.LIST_DECLARATION_TYPE_INVALID, type);
        }
        enterpriseOf(actor);
        VerificationList list = visible(actor, lists.findForUpdate(id));
        if (!VerificationList.DOMESTIC_SALE.equals(list.listType())) {
            throw new HnswException(SecondLineErrorCode.LIST_NOT_DOMESTIC_SALE);
        }
        if (list.status() == VerificationList.Status.WRITTEN_OFF || list.exhausted()) {
            throw new HnswException(SecondLineErrorCode.LIST_EXHAUSTED);
        }
        if (list.status() != VerificationList.Status.VALID) {
            throw new HnswException(SecondLineErrorCode.LIST_NOT_VALID, summary(list.findings()));
        }
        List<SecondLineRules.FillRule> fill = rules.fillRules().stream().filter(SecondLineRules.FillRule::enabled).toList();
        Map<String, Object> header = apply(fill, "HEADER", list.headerFields());
        List<Map<String, Object>> items = new ArrayList<>();
        int seq = 1;
        for (VerificationList.Line line : list.items()) {
            if (line.remaining().signum() == 0) {
                continue;
            }
            Map<String, Object> item = apply(fill, "BODY", line.fields());
            item.put("seq", seq++);
            items.add(item);
        }
        DeclarationHeader h;
        List<DeclarationItem> body;
        try {
            h = json.convertValue(header, DeclarationHeader.class);
            body = items.stream().map(i -> json.convertValue(i, DeclarationItem.class)).toList();
        } catch (IllegalArgumentException e) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, e.getMessage());
        }
        if (type == DeclarationType.SECOND_LINE_GENERAL && SECOND_LINE_REMARK.equals(h.remark())) {
            h = h.withRemark(type.nameZh());
        }
        return declarations.create(actor, new DeclarationRequest(type, null, h, body));
    }

    @Transactional(readOnly = true)
    public List<SecondLineRules.FillRule> fillRules() {
        return rules.fillRules();
    }

    /** 调取规则设置: the target must be a declaration field, the source a list field (or a constant given). */
    @Transactional
    public SecondLineRules.FillRule saveFillRule(SecondLineRules.FillRule rule, String by) {
        if (rule.id() == null || rule.id().isBlank() || rule.id().length() > 60 || rule.descriptionZh() == null
                || rule.descriptionEn() == null) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, "id/description");
        }
        boolean header = "HEADER".equals(rule.scope());
        if (!header && !"BODY".equals(rule.scope())) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, "scope");
        }
        try {
            if (header) {
                DeclarationHeader.empty().field(rule.targetField());
            } else {
                SAMPLE_ITEM.field(rule.targetField());
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, "targetField " + rule.targetField());
        }
        Set<String> sources = header ? HEADER_SOURCES : BODY_SOURCES;
        if (rule.sourceField() == null && (rule.constant() == null || rule.constant().isBlank())
                || rule.sourceField() != null && !sources.contains(rule.sourceField())) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, "sourceField " + rule.sourceField());
        }
        rules.saveFillRule(rule, by);
        return rules.fillRules().stream().filter(r -> r.id().equals(rule.id())).findFirst().orElseThrow();
    }

    private static final DeclarationItem SAMPLE_ITEM = new DeclarationItem(1, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null);
    private static final Set<String> HEADER_SOURCES = Set.of("listNo", "listType", "enterpriseUscc", "enterpriseName",
            "ledgerNo", "importExport", "supervisionMode", "transportMode", "declareCustoms", "entryExitCustoms",
            "tradingCountry", "grossWeight", "netWeight", "packages", "declaredDate");
    private static final Set<String> BODY_SOURCES = Set.of("seq", "ledgerItemNo", "hsCode", "name", "specification",
            "quantity", "unit", "legalQuantity", "legalUnit", "unitPrice", "totalPrice", "currency", "originCountry",
            "writtenOff", "remainingQuantity", "remainingLegalQuantity", "remainingTotalPrice");

    @Transactional(readOnly = true)
    public List<SecondLineRules.WriteOffRule> writeOffRules() {
        return rules.writeOffRules();
    }

    @Transactional
    public SecondLineRules.WriteOffRule changeWriteOffRule(String listType, String basis, String moment,
                                                           boolean allowPartial, boolean enabled, String by) {
        if (!Set.of("QUANTITY", "LEGAL_QUANTITY").contains(basis) || !Set.of("DECLARE", "RELEASE").contains(moment)) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, "basis/moment");
        }
        return rules.changeWriteOffRule(listType, basis, moment, allowPartial, enabled, by);
    }

    @Transactional(readOnly = true)
    public List<SecondLineRules.ListCheck> checks() {
        return rules.checks();
    }

    @Transactional
    public SecondLineRules.ListCheck changeCheck(String code, boolean enabled, String parameter, String by) {
        return rules.changeCheck(code, enabled, parameter, by);
    }

    /** Applies the rules of {@code scope} in order: a list field or a constant into a declaration field. */
    static Map<String, Object> apply(List<SecondLineRules.FillRule> rules, String scope, Map<String, Object> source) {
        Map<String, Object> target = new LinkedHashMap<>();
        for (SecondLineRules.FillRule r : rules) {
            if (!r.scope().equals(scope)) {
                continue;
            }
            Object current = target.get(r.targetField());
            if (r.onlyIfBlank() && current != null && !(current instanceof String s && s.isBlank())) {
                continue;
            }
            Object value = r.sourceField() != null ? source.get(r.sourceField()) : null;
            if (value == null && r.constant() != null) {
                value = r.constant();
            }
            if (value != null) {
                target.put(r.targetField(), value instanceof LocalDate d ? d.toString() : value);
            }
        }
        return target;
    }

    VerificationList check(VerificationList list, String enterprise, Instant now) {
        List<VerificationList.ListFinding> findings = ListChecker.check(list, enterprise, rules.checks(),
                validation.lookups());
        VerificationList.Status status = findings.isEmpty()
                ? (list.exhausted() ? VerificationList.Status.WRITTEN_OFF : VerificationList.Status.VALID)
                : VerificationList.Status.INVALID;
        lists.checked(list.id(), status, findings, now);
        return lists.find(list.id()).orElseThrow();
    }

    private VerificationList visible(CurrentActor actor, java.util.Optional<VerificationList> found) {
        VerificationList list = found.orElseThrow(() -> new HnswException(SecondLineErrorCode.LIST_NOT_FOUND));
        var own = EnterpriseScope.restrictionFor(actor);
        if (own.isPresent() && !own.get().equals(list.enterpriseUscc())) {
            throw new HnswException(SecondLineErrorCode.LIST_NOT_FOUND);
        }
        return list;
    }

    static String summary(List<VerificationList.ListFinding> findings) {
        return String.join("；", findings.stream().map(VerificationList.ListFinding::messageZh).distinct().toList());
    }

    static String enterpriseOf(CurrentActor actor) {
        return EnterpriseScope.restrictionFor(actor)
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.ENTERPRISE_ONLY));
    }
}
