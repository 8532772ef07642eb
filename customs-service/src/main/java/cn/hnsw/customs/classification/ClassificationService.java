package cn.hnsw.customs.classification;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.DeclarationDocument;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationService;
import cn.hnsw.customs.validation.ValidationRuleService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 商品预归类服务 (FP 348–356, 535–542) and 归类结果校验服务 (FP 543–549): suggests commodity codes for a goods name
 * from the tariff table, checks a declared code against the table and against the suggestions, and logs each call.
 */
@Service
public class ClassificationService {

    public static final int MAX_SUGGESTIONS = 10;
    public static final int MAX_ITEMS = 100;
    /** A declared code counts as consistent when it is among this many best suggestions. */
    static final int CONSISTENT_WITHIN = 3;

    /** One suggested commodity code. */
    public record Suggestion(int rank, String hsCode, String nameZh, String nameEn, String chapter, String heading,
                             String legalUnit, double score, double relativeScore, boolean zeroTariffWhitelisted) {
    }

    /** 归类结果: the goods as given and the ranked suggestions. */
    public record Classification(String goodsName, String specification, List<Suggestion> suggestions) {
    }

    /** 归类校验结论. */
    public enum Verdict {
        /** The declared code is among the best suggestions. */
        CONSISTENT,
        /** The declared code is in the tariff table but the goods name points elsewhere. */
        DOUBTFUL,
        /** The tariff table has no such commodity code. */
        UNKNOWN_CODE,
        /** Nothing in the tariff table matches the goods name: an officer classifies it. */
        NO_MATCH
    }

    /** One goods item to verify. */
    public record ItemToVerify(Integer seq, String hsCode, String name, String specification) {
    }

    /** The verification of one item, with a message in both languages. */
    public record ItemVerification(Integer seq, String declaredHsCode, String declaredTariffName, String goodsName,
                                   Verdict verdict, String messageZh, String messageEn, List<Suggestion> suggestions) {
    }

    private final CommodityClassifier classifier;
    private final TariffRepository tariff;
    private final ValidationRuleService rules;
    private final DeclarationService declarations;
    private final Clock clock = Clock.systemUTC();

    public ClassificationService(CommodityClassifier classifier, TariffRepository tariff, ValidationRuleService rules,
                                 DeclarationService declarations) {
        this.classifier = classifier;
        this.tariff = tariff;
        this.rules = rules;
        this.declarations = declarations;
    }

    /** 商品编码预归类: the best {@code limit} codes for the goods, logged. */
    @Transactional
    public Classification classify(CurrentActor actor, String goodsName, String specification, int limit) {
        String text = text(goodsName, specification);
        if (!classifier.searchable(goodsName, specification)) {
            throw new HnswException(ClassificationErrorCode.GOODS_NAME_REQUIRED);
        }
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(null);
        List<Suggestion> suggestions = suggestions(goodsName, specification,
                Math.max(1, Math.min(limit, MAX_SUGGESTIONS)), enterprise);
        log(actor, enterprise, "CLASSIFY", text, null, suggestions, null, null);
        return new Classification(goodsName, specification, suggestions);
    }

    /** 归类结果校验 of items given directly (an ERP's list, a screen's rows). */
    @Transactional
    public List<ItemVerification> verify(CurrentActor actor, List<ItemToVerify> items) {
        if (items.size() > MAX_ITEMS) {
            throw new HnswException(ClassificationErrorCode.TOO_MANY_ITEMS, MAX_ITEMS);
        }
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(null);
        List<ItemVerification> result = new ArrayList<>();
        for (ItemToVerify item : items) {
            if (item.hsCode() == null || !item.hsCode().matches("\\d{10}")) {
                throw new HnswException(ClassificationErrorCode.HS_CODE_INVALID, String.valueOf(item.hsCode()));
            }
            if (!classifier.searchable(item.name(), item.specification())) {
                throw new HnswException(ClassificationErrorCode.GOODS_NAME_REQUIRED);
            }
        }
        for (ItemToVerify item : items) {
            result.add(verifyOne(actor, enterprise, item, null));
        }
        return result;
    }

    /** 待校验商品提取 (FP 543): every goods item of a stored declaration the actor may see, verified. */
    @Transactional
    public List<ItemVerification> verifyDeclaration(CurrentActor actor, UUID declarationId) {
        DeclarationDocument d = declarations.get(actor, declarationId);
        List<ItemVerification> result = new ArrayList<>();
        for (DeclarationItem item : d.items()) {
            if (item.hsCode() == null || !item.hsCode().matches("\\d{10}")
                    || !classifier.searchable(item.name(), item.specification())) {
                result.add(new ItemVerification(item.seq(), item.hsCode(), null, item.name(), Verdict.NO_MATCH,
                        "第" + item.seq() + "项商品编号或名称不完整，无法校验归类",
                        "Item " + item.seq() + ": code or name incomplete, classification not verified", List.of()));
                continue;
            }
            result.add(verifyOne(actor, d.enterpriseUscc(), new ItemToVerify(item.seq(), item.hsCode(), item.name(),
                    item.specification()), declarationId));
        }
        return result;
    }

    private ItemVerification verifyOne(CurrentActor actor, String enterprise, ItemToVerify item, UUID declarationId) {
        String text = text(item.name(), item.specification());
        List<Suggestion> suggestions = suggestions(item.name(), item.specification(), 5, enterprise);
        var declared = tariff.find(item.hsCode());
        Verdict verdict;
        String zh;
        String en;
        String best = suggestions.isEmpty() ? null : suggestions.getFirst().hsCode() + " " + suggestions.getFirst().nameZh();
        if (declared.isEmpty()) {
            verdict = Verdict.UNKNOWN_CODE;
            zh = "商品编号“" + item.hsCode() + "”不在税则库中" + (best == null ? "" : "，建议归入 " + best);
            en = "Commodity code " + item.hsCode() + " is not in the tariff table"
                    + (best == null ? "" : "; suggested: " + suggestions.getFirst().hsCode());
        } else if (suggestions.isEmpty()) {
            verdict = Verdict.NO_MATCH;
            zh = "税则库中没有与“" + item.name() + "”相符的商品，需人工归类";
            en = "Nothing in the tariff table matches \"" + item.name() + "\"; an officer classifies it";
        } else if (suggestions.stream().limit(CONSISTENT_WITHIN).anyMatch(s -> s.hsCode().equals(item.hsCode()))) {
            verdict = Verdict.CONSISTENT;
            zh = "归类与商品名称相符";
            en = "The classification matches the goods name";
        } else {
            verdict = Verdict.DOUBTFUL;
            zh = "申报商品编号“" + item.hsCode() + "”（" + declared.get().nameZh() + "）与商品名称“" + item.name()
                    + "”不符，建议归入 " + best;
            en = "Declared code " + item.hsCode() + " does not match the goods name \"" + item.name()
                    + "\"; suggested: " + suggestions.getFirst().hsCode();
        }
        log(actor, enterprise, "VERIFY", text, item.hsCode(), suggestions, verdict, declarationId);
        return new ItemVerification(item.seq(), item.hsCode(), declared.map(TariffCommodity::nameZh).orElse(null),
                item.name(), verdict, zh, en, suggestions);
    }

    private List<Suggestion> suggestions(String name, String specification, int limit, String enterprise) {
        List<CommodityClassifier.Candidate> candidates = classifier.classify(name, specification, limit);
        List<Suggestion> result = new ArrayList<>();
        double top = candidates.isEmpty() ? 1 : candidates.getFirst().score();
        for (int i = 0; i < candidates.size(); i++) {
            TariffCommodity c = candidates.get(i).commodity();
            double score = candidates.get(i).score();
            result.add(new Suggestion(i + 1, c.hsCode(), c.nameZh(), c.nameEn(), c.chapter(), c.heading(),
                    c.legalUnit(), Math.round(score * 1000) / 1000.0, Math.round(score / top * 1000) / 1000.0,
                    enterprise != null && rules.lookups().whitelisted(enterprise, c.hsCode())));
        }
        return result;
    }

    private void log(CurrentActor actor, String enterprise, String kind, String text, String declared,
                     List<Suggestion> suggestions, Verdict verdict, UUID declarationId) {
        tariff.log(new TariffRepository.LogEntry(UUID.randomUUID(), kind, enterprise, actor.username(), text, declared,
                suggestions.isEmpty() ? null : suggestions.getFirst().hsCode(), verdict == null ? null : verdict.name(),
                declarationId, clock.instant()));
    }

    /** 归类操作日志 (FP 541, 548): an enterprise sees its own, officers and operators every enterprise's. */
    public PageResponse<TariffRepository.LogEntry> logs(CurrentActor actor, PageQuery page) {
        String enterprise = EnterpriseScope.restrictionFor(actor).orElse(null);
        return PageResponse.of(tariff.logs(enterprise, page.size(), (int) page.offset()), page, tariff.logCount(enterprise));
    }

    /** 税则库查询 (FP 537 tariff-database integration: view and detail). */
    public PageResponse<TariffCommodity> tariff(String q, PageQuery page) {
        String query = q == null || q.isBlank() ? null : q.trim();
        return PageResponse.of(tariff.search(query, page.size(), (int) page.offset()), page, tariff.count(query));
    }

    public TariffCommodity commodity(String hsCode) {
        return tariff.find(hsCode).orElseThrow(() -> new HnswException(ClassificationErrorCode.TARIFF_COMMODITY_NOT_FOUND, hsCode));
    }

    /** 税则商品维护: an operator adds or changes one commodity; the classifier picks it up on its next call. */
    @Transactional
    public TariffCommodity saveCommodity(CurrentActor actor, String hsCode, TariffCommodity.Change change) {
        if (hsCode == null || !hsCode.matches("\\d{10}")) {
            throw new HnswException(ClassificationErrorCode.HS_CODE_INVALID, String.valueOf(hsCode));
        }
        Instant now = clock.instant();
        tariff.upsert(hsCode, change, actor.username(), now);
        return tariff.find(hsCode).orElseThrow();
    }

    private static String text(String name, String specification) {
        return ((name == null ? "" : name) + " " + (specification == null ? "" : specification)).trim();
    }
}
