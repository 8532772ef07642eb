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

    /** 调取规则查询 (FP 263–269): conditions and paging. */
    @Transactional(readOnly = true)
    public PageResponse<SecondLineRules.FillRule> fillRules(String scope, Boolean enabled, String q, PageQuery page) {
        return PageResponse.of(rules.fillRules(scope, enabled, q, page.offset(), page.size()), page,
                rules.countFillRules(scope, enabled, q));
    }

    /**
     * 调取规则新增/修改: the target must be a declaration field, the source a list field (or a constant given). A new
     * id is added (an operator's rule, deletable), a known one changed; either way logged with the rule as it is then.
     */
    @Transactional
    public SecondLineRules.FillRule saveFillRule(SecondLineRules.FillRule rule, String by) {
        checkFillRule(rule);
        var existing = rules.fillRule(rule.id());
        if (existing.isEmpty()) {
            rules.insertFillRule(rule, by);
        } else {
            rules.saveFillRule(rule, by);
        }
        SecondLineRules.FillRule saved = rules.fillRule(rule.id()).orElseThrow();
        rules.log(FILL, saved.id(), existing.isEmpty() ? "ADDED" : "CHANGED", saved.version(), snapshot(saved), by);
        return saved;
    }

    /** 调取规则新增 only: an id already in use is refused. */
    @Transactional
    public SecondLineRules.FillRule addFillRule(SecondLineRules.FillRule rule, String by) {
        checkFillRule(rule);
        if (rules.fillRule(rule.id()).isPresent()) {
            throw new HnswException(SecondLineErrorCode.RULE_EXISTS, rule.id());
        }
        return saveFillRule(rule, by);
    }

    /** 调取规则启用/停用. */
    @Transactional
    public SecondLineRules.FillRule enableFillRule(String id, boolean enabled, String by) {
        rules.fillRule(id).orElseThrow(() -> new HnswException(SecondLineErrorCode.FILL_RULE_NOT_FOUND, id));
        rules.setFillRuleEnabled(id, enabled, by);
        SecondLineRules.FillRule saved = rules.fillRule(id).orElseThrow();
        rules.log(FILL, id, enabled ? "ENABLED" : "DISABLED", saved.version(), snapshot(saved), by);
        return saved;
    }

    /** 调取规则删除: an operator's own rule only; a seeded rule is switched off instead. */
    @Transactional
    public void deleteFillRule(String id, String by) {
        SecondLineRules.FillRule current = rules.fillRule(id)
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.FILL_RULE_NOT_FOUND, id));
        if (!SecondLineRules.ADDED.equals(current.origin())) {
            throw new HnswException(SecondLineErrorCode.RULE_SEEDED, id);
        }
        rules.deleteFillRule(id);
        rules.log(FILL, id, "DELETED", current.version(), snapshot(current), by);
    }

    /** The log of one rule (FILL, CHECK or WRITE_OFF), newest first. */
    @Transactional(readOnly = true)
    public List<SecondLineRules.LogEntry> ruleHistory(String family, String key) {
        boolean known = switch (family) {
            case FILL -> rules.fillRule(key).isPresent();
            case CHECK -> rules.check(key).isPresent();
            case WRITE_OFF -> rules.writeOffRules().stream().anyMatch(r -> r.listType().equals(key));
            default -> false;
        };
        List<SecondLineRules.LogEntry> history = rules.history(family, key);
        if (!known && history.isEmpty()) {
            throw new HnswException(SecondLineErrorCode.CHECK_NOT_FOUND, key);
        }
        return history;
    }

    private void checkFillRule(SecondLineRules.FillRule rule) {
        if (rule.id() == null || !rule.id().matches("[A-Z0-9][A-Z0-9-]{0,59}") || blank(rule.descriptionZh())
                || blank(rule.descriptionEn()) || rule.descriptionZh().length() > 200 || rule.descriptionEn().length() > 200) {
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
        if (rule.constant() != null && rule.constant().length() > 200) {
            throw new HnswException(SecondLineErrorCode.FILL_RULE_INVALID, "constant ≤ 200");
        }
    }

    static final String FILL = "FILL";
    static final String CHECK = "CHECK";
    static final String WRITE_OFF = "WRITE_OFF";

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private String snapshot(Object rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
        SecondLineRules.WriteOffRule changed = rules.changeWriteOffRule(listType, basis, moment, allowPartial, enabled, by);
        rules.log(WRITE_OFF, listType, "CHANGED", changed.version(), snapshot(changed), by);
        return changed;
    }

    @Transactional(readOnly = true)
    public List<SecondLineRules.ListCheck> checks() {
        return rules.checks();
    }

    /** 核注清单校验规则查询 (FP 281–287): family, enabled, a word of the code or message; paged. */
    @Transactional(readOnly = true)
    public PageResponse<SecondLineRules.ListCheck> checks(String family, Boolean enabled, String q, PageQuery page) {
        return PageResponse.of(rules.checks(family, enabled, q, page.offset(), page.size()), page,
                rules.countChecks(family, enabled, q));
    }

    /** 校验规则修改/启用/停用: the parameter checked against the check's kind; messages kept unless given. */
    @Transactional
    public SecondLineRules.ListCheck changeCheck(String code, boolean enabled, String parameter, String by) {
        return changeCheck(code, enabled, parameter, null, null, by);
    }

    @Transactional
    public SecondLineRules.ListCheck changeCheck(String code, boolean enabled, String parameter, String messageZh,
                                                 String messageEn, String by) {
        SecondLineRules.ListCheck current = rules.check(code)
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.CHECK_NOT_FOUND, code));
        checkParameter(current.kind(), parameter == null ? current.parameter() : parameter);
        if (blank(messageZh) != blank(messageEn) || !blank(messageZh) && (messageZh.length() > 300 || messageEn.length() > 300)) {
            throw new HnswException(SecondLineErrorCode.CHECK_INVALID, "messageZh/messageEn");
        }
        rules.changeCheck(code, enabled, parameter, by);
        if (!blank(messageZh)) {
            rules.updateCheckMessages(code, messageZh.trim(), messageEn.trim());
        }
        SecondLineRules.ListCheck changed = rules.check(code).orElseThrow();
        String action = current.enabled() != enabled && java.util.Objects.equals(current.parameter(), changed.parameter())
                && blank(messageZh) ? (enabled ? "ENABLED" : "DISABLED") : "CHANGED";
        rules.log(CHECK, code, action, changed.version(), snapshot(changed), by);
        return changed;
    }

    /**
     * 校验规则新增: another instance of a checked kind (its family is the kind's), with its own code, messages and
     * parameter; the next check of a list runs it.
     */
    @Transactional
    public SecondLineRules.ListCheck addCheck(String code, String kind, boolean enabled, String messageZh,
                                              String messageEn, String parameter, String by) {
        if (code == null || !code.matches("LIST-[A-Z0-9][A-Z0-9-]{1,54}")) {
            throw new HnswException(SecondLineErrorCode.CHECK_INVALID, "code LIST-…");
        }
        if (rules.check(code).isPresent()) {
            throw new HnswException(SecondLineErrorCode.RULE_EXISTS, code);
        }
        SecondLineRules.ListCheck model = rules.checks().stream()
                .filter(c -> SecondLineRules.SEEDED.equals(c.origin()) && c.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.CHECK_INVALID, "kind " + kind));
        if (blank(messageZh) || blank(messageEn) || messageZh.length() > 300 || messageEn.length() > 300) {
            throw new HnswException(SecondLineErrorCode.CHECK_INVALID, "messageZh/messageEn");
        }
        checkParameter(kind, parameter);
        rules.insertCheck(new SecondLineRules.ListCheck(code, model.family(), enabled, messageZh.trim(), messageEn.trim(),
                blank(parameter) ? null : parameter.trim(), 1, null, by, kind, SecondLineRules.ADDED), by);
        SecondLineRules.ListCheck added = rules.check(code).orElseThrow();
        rules.log(CHECK, code, "ADDED", added.version(), snapshot(added), by);
        return added;
    }

    /** 校验规则删除: an added check only; a seeded one is switched off instead. */
    @Transactional
    public void deleteCheck(String code, String by) {
        SecondLineRules.ListCheck current = rules.check(code)
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.CHECK_NOT_FOUND, code));
        if (!SecondLineRules.ADDED.equals(current.origin())) {
            throw new HnswException(SecondLineErrorCode.RULE_SEEDED, code);
        }
        rules.deleteCheck(code);
        rules.log(CHECK, code, "DELETED", current.version(), snapshot(current), by);
    }

    /** A trade-mode check takes a list of 4-digit trade modes; the other kinds take no parameter. */
    private static void checkParameter(String kind, String parameter) {
        if ("LIST-LICENCE-MODE".equals(kind)) {
            if (parameter != null && !parameter.isBlank() && !parameter.trim().matches("\\d{4}(\\s*,\\s*\\d{4})*")) {
                throw new HnswException(SecondLineErrorCode.CHECK_INVALID, "parameter: 4-digit trade modes, comma-separated");
            }
        } else if (parameter != null && !parameter.isBlank()) {
            throw new HnswException(SecondLineErrorCode.CHECK_INVALID, "parameter: " + kind + " takes none");
        }
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
