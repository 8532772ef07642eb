package cn.hnsw.customs.declaration;

import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.eligibility.ZeroTariffEligibility;
import cn.hnsw.customs.exchange.CustomsEvents;
import cn.hnsw.customs.exchange.ExchangeMessages;
import cn.hnsw.customs.exchange.ManifestSystemGateway;
import cn.hnsw.customs.exchange.OutboundQueue;
import cn.hnsw.customs.exchange.Partners;
import cn.hnsw.customs.exchange.ReceiptService;
import cn.hnsw.customs.exchange.ReceiptView;
import cn.hnsw.common.audit.AuditContext;
import cn.hnsw.common.audit.AuditLog;
import cn.hnsw.common.audit.AuditResult;
import cn.hnsw.customs.validation.Severity;
import cn.hnsw.customs.validation.ValidationFinding;
import cn.hnsw.customs.validation.ValidationReport;
import cn.hnsw.customs.validation.ValidationRule;
import cn.hnsw.customs.validation.ValidationRuleService;
import cn.hnsw.customs.validation.PreValidator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * 报关单录入与申报 — the declaration lifecycle of spec §3.2 for all four modules: temp-save, copy, delete, pre-validate,
 * declare and batch declare (sealed through the outbound queue), withdraw, manifest back-fill, re-distribution.
 */
@Service
public class DeclarationService {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final int MAX_BATCH = 100;

    private final DeclarationRepository declarations;
    private final ValidationRuleService validation;
    private final ZeroTariffEligibility eligibility;
    private final OutboundQueue queue;
    private final OutboxPublisher outbox;
    private final ManifestSystemGateway manifests;
    private final ReceiptService receipts;
    private final TransactionTemplate tx;
    private final Set<String> tempSaveRules;
    private final List<DeclarationHook> hooks;
    private final AuditLog audit;
    private final ActionRules actionRules;
    private final RemarkFillSettings remarkFill;
    private final SupervisionDocuments supervision;
    private final Clock clock = Clock.systemUTC();

    public DeclarationService(DeclarationRepository declarations, ValidationRuleService validation,
                              ZeroTariffEligibility eligibility, OutboundQueue queue, OutboxPublisher outbox,
                              ManifestSystemGateway manifests, ReceiptService receipts, TransactionTemplate tx,
                              @Value("${hnsw.customs.temp-save-rules:COMMODITY-WHITELIST,BASIC-HS-FORMAT}") Set<String> tempSaveRules,
                              List<DeclarationHook> hooks, AuditLog audit, ActionRules actionRules,
                              RemarkFillSettings remarkFill, SupervisionDocuments supervision) {
        this.supervision = supervision;
        this.actionRules = actionRules;
        this.remarkFill = remarkFill;
        this.audit = audit;
        this.declarations = declarations;
        this.validation = validation;
        this.eligibility = eligibility;
        this.queue = queue;
        this.outbox = outbox;
        this.manifests = manifests;
        this.receipts = receipts;
        this.tx = tx;
        this.tempSaveRules = Set.copyOf(tempSaveRules);
        this.hooks = List.copyOf(hooks);
    }

    /** 暂存 of a new declaration (FP 79–85). */
    @Transactional
    public SaveResult create(CurrentActor actor, DeclarationRequest request) {
        String enterprise = enterpriseOf(actor);
        gate(request.declarationType(), enterprise);
        Instant now = clock.instant();
        DeclarationType.ImportExport direction = request.importExport() != null ? request.importExport()
                : request.declarationType().defaultDirection();
        CustomsDeclaration d = CustomsDeclaration.draft(
                declarations.nextPreEntryNo(request.header().declareCustoms(), direction, now.atZone(SHANGHAI).getYear()),
                request.declarationType(), direction, enterprise, enterpriseName(actor), request.header(),
                request.items(), null, now, remarkFill.current());
        ValidationReport check = tempSaveCheck(d);
        declarations.insert(d);
        return saved(d.id(), check);
    }

    /** 暂存 of an existing draft. */
    @Transactional
    public SaveResult update(CurrentActor actor, UUID id, DeclarationRequest request) {
        CustomsDeclaration d = owned(actor, id, true);
        gate(d.type(), d.enterpriseUscc());
        d.edit(request.header(), request.items(), clock.instant(), remarkFill.current());
        ValidationReport check = tempSaveCheck(d);
        declarations.update(d);
        return saved(d.id(), check);
    }

    /** 复制 (FP 86–93): a new draft with a new pre-entry number (R8). */
    @Transactional
    public SaveResult copy(CurrentActor actor, UUID id) {
        CustomsDeclaration source = owned(actor, id, true);
        actionRules.check(ActionRules.Action.COPY, source.type(), source.status());
        Instant now = clock.instant();
        CustomsDeclaration copy = source.copy(declarations.nextPreEntryNo(source.header().declareCustoms(),
                source.importExport(), now.atZone(SHANGHAI).getYear()), now);
        declarations.insert(copy);
        return saved(copy.id(), ValidationReport.of(List.of(), 0));
    }

    /** 删除 (FP 101–105) of a draft or a refused declaration; a ledger posting it caused is rolled back by event. */
    @Transactional
    public DeclarationDocument delete(CurrentActor actor, UUID id) {
        CustomsDeclaration d = owned(actor, id, true);
        actionRules.check(ActionRules.Action.DELETE, d.type(), d.status());
        boolean rollback = d.delete(clock.instant());
        declarations.update(d);
        if (d.submittedAt() != null) {
            publishWithdrawn(d, "DELETED", rollback);
            hooks.forEach(h -> h.withdrawn(d));
        }
        return get(actor, id);
    }

    /** 撤销 (FP 935, 1220): a lodged declaration is withdrawn; the ledger posting is rolled back by event (R26). */
    @Transactional
    public DeclarationDocument withdraw(CurrentActor actor, UUID id) {
        CustomsDeclaration d = owned(actor, id, true);
        boolean rollback = d.withdraw(clock.instant());
        declarations.update(d);
        publishWithdrawn(d, "WITHDRAWN", rollback);
        hooks.forEach(h -> h.withdrawn(d));
        return get(actor, id);
    }

    /** 预校验 (FP 130–139): all nine families, findings with reasons; nothing changes. */
    @Transactional(readOnly = true)
    public ValidationReport prevalidate(CurrentActor actor, UUID id) {
        CustomsDeclaration d = owned(actor, id, false);
        ValidationReport report = validation.validate(d);
        logResult(actor, d, report, "DECLARATION_PREVALIDATED");
        return report;
    }

    /**
     * 预校验结果日志 and the checks' 日志处理: the outcome of a pre-validation (or of the one a declaration was refused
     * by) in the operation log — the declaration, passed or not, and every rule that found something.
     */
    private void logResult(CurrentActor actor, CustomsDeclaration d, ValidationReport report, String action) {
        String rules = report.findings().stream().map(f -> f.family() + ":" + f.ruleCode()).distinct()
                .collect(java.util.stream.Collectors.joining(","));
        String detail = "type=" + d.type() + " preEntryNo=" + d.preEntryNo() + " passed=" + report.passed()
                + " errors=" + report.errorCount() + " warnings=" + report.warningCount() + " rules=" + rules;
        audit.recordOperationSeparately(AuditContext.operation(actor, null, action, "CustomsDeclaration",
                d.id().toString(), report.passed() ? AuditResult.SUCCESS : AuditResult.FAILURE,
                detail.length() <= 1000 ? detail : detail.substring(0, 1000)));
    }

    /**
     * 申报 (FP 116–122): pre-validate, then queue the declaration message, which the dispatcher signs (加签) and
     * encrypts (报文加密) and sends to the Single Window. A levy-nature warning must be confirmed (R4).
     */
    @Transactional
    public SubmissionResult submit(CurrentActor actor, UUID id, boolean confirmWarnings) {
        CustomsDeclaration d = owned(actor, id, true);
        gate(d.type(), d.enterpriseUscc());
        if (d.status() != DeclarationStatus.DRAFT) {
            throw new HnswException(CustomsErrorCode.ILLEGAL_STATUS_CHANGE, d.status().nameZh(), DeclarationStatus.SUBMITTED.nameZh());
        }
        return lodge(actor, d, confirmWarnings, "申报成功，已加签加密发送单一窗口", "Declared: signed, encrypted and sent to the Single Window");
    }

    /**
     * 报关单重新提交 (FP 936, 1221): a declaration the Single Window rejected or customs returned is corrected (when a
     * correction is sent) and declared again under its own pre-entry number, pre-validated and sealed afresh in a new
     * conversation. Its earlier receipts and send records stay in its history; the operation log keeps the round it
     * replaces. Verification lists written off by the earlier round are given back first, then written off anew.
     */
    @Transactional
    public SubmissionResult resubmit(CurrentActor actor, UUID id, DeclarationRequest correction, boolean confirmWarnings) {
        CustomsDeclaration d = owned(actor, id, true);
        d.requireResubmittable();
        gate(d.type(), d.enterpriseUscc());
        String previous = "previousStatus=" + d.status() + " previousConversation=" + d.conversationId();
        if (correction != null) {
            if (correction.declarationType() != d.type()) {
                throw new HnswException(CustomsErrorCode.INVALID_DECLARATION_TYPE, correction.declarationType());
            }
            d.correct(correction.header(), correction.items(), clock.instant(), remarkFill.current());
            tempSaveCheck(d);
        }
        hooks.forEach(h -> h.withdrawn(d));
        SubmissionResult result = lodge(actor, d, confirmWarnings, "已修改并重新申报，已加签加密发送单一窗口",
                "Corrected and resubmitted: signed, encrypted and sent to the Single Window");
        audit.recordOperationSeparately(AuditContext.operation(actor, null, "DECLARATION_RESUBMITTED",
                "CustomsDeclaration", id.toString(), AuditResult.SUCCESS, "type=" + d.type() + " preEntryNo="
                        + d.preEntryNo() + " corrected=" + (correction != null) + " " + previous));
        return result;
    }

    private SubmissionResult lodge(CurrentActor actor, CustomsDeclaration d, boolean confirmWarnings,
                                   String messageZh, String messageEn) {
        UUID id = d.id();
        ValidationReport report = validation.validate(d);
        if (!report.passed()) {
            logResult(actor, d, report, "DECLARATION_REFUSED_BY_PREVALIDATION");
            throw new HnswException(CustomsErrorCode.PREVALIDATION_FAILED, violations(report), null,
                    report.errorSummaryZh());
        }
        supervision.check(d);
        if (!report.warningFindings().isEmpty() && !confirmWarnings && !d.header().levyNatureConfirmed()) {
            throw new HnswException(CustomsErrorCode.LEVY_NATURE_NOT_CONFIRMED, violations(report), null);
        }
        Instant now = clock.instant();
        if (!report.warningFindings().isEmpty()) {
            d.edit(d.header().withLevyNatureConfirmed(true), d.items(), now, remarkFill.current());
        }
        hooks.forEach(h -> h.declaring(d));
        UUID conversation = UUID.randomUUID();
        d.submit(conversation, now);
        declarations.update(d);
        CustomsDeclaration saved = declarations.find(id).orElseThrow();
        queue.enqueue(conversation, id, d.enterpriseUscc(), Partners.SINGLE_WINDOW, ExchangeMessages.DECLARATION,
                new ExchangeMessages.DeclarationMessage(ExchangeMessages.DECLARATION, conversation,
                        DeclarationDocument.of(saved)), now);
        outbox.publish(CustomsEvents.DECLARATION_SUBMITTED, CustomsEvents.AGGREGATE, id.toString(),
                CustomsEvents.DECLARATION_SUBMITTED, new CustomsEvents.DeclarationSubmitted(id, d.preEntryNo(),
                        d.type().name(), d.enterpriseUscc(), conversation, now, d.items().size()));
        return new SubmissionResult(id, d.preEntryNo(), true, d.status().name(), null, messageZh, messageEn);
    }

    /** 批量申报 (FP 167–173): each declaration in its own transaction, so one refusal does not hold the others. */
    public List<SubmissionResult> submitBatch(CurrentActor actor, List<UUID> ids, boolean confirmWarnings) {
        if (ids.size() > MAX_BATCH) {
            throw new HnswException(CustomsErrorCode.BATCH_TOO_LARGE, MAX_BATCH);
        }
        List<SubmissionResult> results = new ArrayList<>();
        for (UUID id : ids) {
            try {
                results.add(tx.execute(s -> submit(actor, id, confirmWarnings)));
            } catch (HnswException e) {
                results.add(new SubmissionResult(id, null, false, null, e.errorCode().code(), e.messageZh(), e.messageEn()));
            }
        }
        return results;
    }

    /** One manifest record that matches the declaration's keys, with the id the declarant chooses it by (FP 214). */
    public record ManifestCandidate(String candidateId, ExchangeMessages.ManifestAnswer record) {
    }

    /**
     * 舱单数据选择 (FP 214): the manifest records that match the declaration's bill of lading, vessel and voyage (not
     * read-only: opening the manifest system's sealed answer records its message id against replay).
     */
    @Transactional
    public List<ManifestCandidate> manifestCandidates(CurrentActor actor, UUID id) {
        return candidates(owned(actor, id, false).header());
    }

    /**
     * 舱单回填 (FP 211–216, R5): the manifest found by B/L, vessel and voyage fills the transport data. When several
     * records match, the declarant chooses one of them by its candidate id; no choice, or one not among them, is
     * refused and changes nothing.
     */
    @Transactional
    public SaveResult backfillFromManifest(CurrentActor actor, UUID id, String candidateId) {
        CustomsDeclaration d = owned(actor, id, true);
        DeclarationHeader h = d.header();
        List<ManifestCandidate> candidates = candidates(h);
        ExchangeMessages.ManifestAnswer manifest;
        if (candidateId != null && !candidateId.isBlank()) {
            manifest = candidates.stream().filter(c -> c.candidateId().equals(candidateId.trim())).findFirst()
                    .orElseThrow(() -> new HnswException(CustomsErrorCode.MANIFEST_CHOICE_INVALID, candidateId.trim()))
                    .record();
        } else if (candidates.size() > 1) {
            throw new HnswException(CustomsErrorCode.MANIFEST_CHOICE_REQUIRED, candidates.size());
        } else {
            manifest = candidates.getFirst().record();
        }
        d.edit(h.withManifest(manifest.vesselName(), manifest.voyageNo(), manifest.billOfLadingNo(),
                manifest.transportMode(), manifest.packages(), manifest.grossWeight(), manifest.departureCountry(),
                manifest.portCode()), d.items(), clock.instant(), remarkFill.current());
        declarations.update(d);
        return saved(id, ValidationReport.of(List.of(), 0));
    }

    private List<ManifestCandidate> candidates(DeclarationHeader h) {
        if (blank(h.billOfLadingNo()) || blank(h.vesselName()) || blank(h.voyageNo())) {
            throw new HnswException(CustomsErrorCode.MANIFEST_KEYS_MISSING);
        }
        List<ExchangeMessages.ManifestAnswer> found = manifests.findAll(h.billOfLadingNo(), h.vesselName(), h.voyageNo());
        if (found.isEmpty()) {
            throw new HnswException(CustomsErrorCode.MANIFEST_NOT_FOUND, h.billOfLadingNo(), h.vesselName(), h.voyageNo());
        }
        return found.stream().map(m -> new ManifestCandidate(candidateId(m), m)).toList();
    }

    /** The same record always gets the same id: a digest of what it fills. */
    static String candidateId(ExchangeMessages.ManifestAnswer m) {
        String text = String.join("|", m.billOfLadingNo(), m.vesselName(), m.voyageNo(), String.valueOf(m.transportMode()),
                String.valueOf(m.packages()), m.grossWeight() == null ? "null" : m.grossWeight().stripTrailingZeros().toPlainString(),
                String.valueOf(m.departureCountry()), String.valueOf(m.portCode()), String.valueOf(m.goodsDescription()));
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 随附监管证件 (FP 437, 893, 1178): the supervision documents attached to one's own declaration. */
    @Transactional(readOnly = true)
    public List<SupervisionDocuments.Document> attachedDocuments(CurrentActor actor, UUID id) {
        return supervision.attached(owned(actor, id, false).id());
    }

    /** Replaces the attached supervision documents of one's own draft (or a declaration to correct). */
    @Transactional
    public List<SupervisionDocuments.Document> replaceAttachedDocuments(CurrentActor actor, UUID id,
                                                                        List<SupervisionDocuments.Document> documents) {
        CustomsDeclaration d = owned(actor, id, true);
        if (d.status() != DeclarationStatus.DRAFT && !d.status().resubmittable()) {
            throw new HnswException(CustomsErrorCode.DECLARATION_NOT_EDITABLE, d.status().nameZh());
        }
        supervision.replace(id, documents);
        return supervision.attached(id);
    }

    /** 补充下发 (FP 228): send the declaration to the Haikou sub-centre again. */
    @Transactional
    public DeclarationDocument redistribute(UUID id) {
        CustomsDeclaration d = declarations.findForUpdate(id)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.DECLARATION_NOT_FOUND));
        if (!d.distributable() || !d.type().keptAtSubCentre()) {
            throw new HnswException(CustomsErrorCode.NOT_DISTRIBUTABLE);
        }
        receipts.queueDistribution(d, true);
        return DeclarationDocument.of(declarations.find(id).orElseThrow());
    }

    @Transactional(readOnly = true)
    public DeclarationDocument get(CurrentActor actor, UUID id) {
        return DeclarationDocument.of(owned(actor, id, false));
    }

    @Transactional(readOnly = true)
    public List<ReceiptView> receiptsOf(CurrentActor actor, UUID id) {
        owned(actor, id, false);
        return receipts.receiptsOf(id);
    }

    @Transactional(readOnly = true)
    public PageResponse<DeclarationSummary> search(CurrentActor actor, DeclarationSearch search, PageQuery page) {
        DeclarationSearch scoped = new DeclarationSearch(EnterpriseScope.restrictionFor(actor).orElse(search.enterprise()),
                search.type(), search.status(), search.preEntryNo(), search.billOfLadingNo(), search.from(), search.to(),
                search.hsCode());
        return PageResponse.of(declarations.search(scoped, page.offset(), page.size()).stream()
                .map(DeclarationSummary::of).toList(), page, declarations.count(scoped));
    }

    /** Validation alone, on a declaration not stored (the bench's baseline and the Excel import's row check). */
    public ValidationReport validateUnsaved(CustomsDeclaration d) {
        return validation.validate(d);
    }

    /** R1: the direct-release module is closed to an enterprise without the preferential qualification. */
    private void gate(DeclarationType type, String enterprise) {
        if (type == DeclarationType.DIRECT_RELEASE && !eligibility.qualified(enterprise)) {
            throw new HnswException(CustomsErrorCode.QUALIFICATION_MISSING);
        }
    }

    /** The temp-save check rules (FP 83, R2): the configured subset, errors refuse the save. */
    private ValidationReport tempSaveCheck(CustomsDeclaration d) {
        List<ValidationRule> rules = validation.rules().stream().filter(r -> tempSaveRules.contains(r.code())).toList();
        ValidationReport report = PreValidator.validate(d, rules, validationLookups());
        if (!report.passed()) {
            throw new HnswException(CustomsErrorCode.PREVALIDATION_FAILED, violations(report), null, report.errorSummaryZh());
        }
        return report;
    }

    private cn.hnsw.customs.validation.ReferenceLookups validationLookups() {
        return validation.lookups();
    }

    private SaveResult saved(UUID id, ValidationReport report) {
        return new SaveResult(DeclarationDocument.of(declarations.find(id).orElseThrow()), "保存成功", "Saved",
                report.warningFindings().stream().map(ValidationFinding::messageZh).toList());
    }

    /**
     * The declaration if the actor may see it; another enterprise's declaration does not exist for an enterprise user
     * (404, not 403, so its existence is not revealed). {@code write}: only enterprise users change declarations.
     */
    private CustomsDeclaration owned(CurrentActor actor, UUID id, boolean write) {
        CustomsDeclaration d = (write ? declarations.findForUpdate(id) : declarations.find(id))
                .filter(x -> x.status() != DeclarationStatus.DELETED || !write)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.DECLARATION_NOT_FOUND));
        var own = EnterpriseScope.restrictionFor(actor);
        if (own.isPresent() && !own.get().equals(d.enterpriseUscc())) {
            throw new HnswException(CustomsErrorCode.DECLARATION_NOT_FOUND);
        }
        if (write && own.isEmpty()) {
            throw new HnswException(CustomsErrorCode.NOT_ENTERPRISE_USER);
        }
        return d;
    }

    private static String enterpriseOf(CurrentActor actor) {
        return EnterpriseScope.restrictionFor(actor)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.NOT_ENTERPRISE_USER));
    }

    private static String enterpriseName(CurrentActor actor) {
        return actor.displayName();
    }

    private void publishWithdrawn(CustomsDeclaration d, String reason, boolean rollback) {
        outbox.publish(CustomsEvents.DECLARATION_WITHDRAWN, CustomsEvents.AGGREGATE, d.id().toString(),
                CustomsEvents.DECLARATION_WITHDRAWN, new CustomsEvents.DeclarationWithdrawn(d.id(), d.preEntryNo(),
                        d.enterpriseUscc(), d.header().ledgerNo(), reason, rollback,
                        d.items().stream().map(i -> new CustomsEvents.PostedItem(i.seq(), i.hsCode(), i.name(),
                                i.quantity(), i.unit())).toList(), clock.instant()));
    }

    private static List<FieldViolation> violations(ValidationReport report) {
        return report.findings().stream().map(f -> new FieldViolation(
                f.itemSeq() == null ? nz(f.field()) : "items[" + (f.itemSeq() - 1) + "]." + nz(f.field()),
                f.family().name() + ":" + f.ruleCode() + (f.severity() == Severity.WARNING ? ":WARNING" : ""),
                f.messageZh(), f.messageEn())).toList();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
