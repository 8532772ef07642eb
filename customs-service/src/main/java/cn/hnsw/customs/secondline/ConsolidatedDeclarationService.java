package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationRequest;
import cn.hnsw.customs.declaration.DeclarationService;
import cn.hnsw.customs.declaration.DeclarationType;
import cn.hnsw.customs.declaration.SaveResult;
import cn.hnsw.customs.declaration.SubmissionResult;
import cn.hnsw.customs.exchange.OutboundQueue;
import cn.hnsw.customs.exchange.Partners;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * 集中申报 ("分批出岛、集中申报", spec §3.5 prose): the enterprise sums last month's distribution lists (分送集报核注清单)
 * into a consolidated list, declares it sealed through the Single Window for customs' approval, and once approved
 * generates and declares the consolidated declaration, which goes to H2018 on the same engine and receipt loop. Its
 * release writes the source lists off.
 */
@Service
public class ConsolidatedDeclarationService {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final VerificationListRepository lists;
    private final ConsolidatedListRepository consolidated;
    private final SecondLineRules rules;
    private final SecondLineReceipts receipts;
    private final DeclarationService declarations;
    private final OutboundQueue queue;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public ConsolidatedDeclarationService(VerificationListRepository lists, ConsolidatedListRepository consolidated,
                                          SecondLineRules rules, SecondLineReceipts receipts,
                                          DeclarationService declarations, OutboundQueue queue, ObjectMapper json) {
        this.lists = lists;
        this.consolidated = consolidated;
        this.rules = rules;
        this.receipts = receipts;
        this.declarations = declarations;
        this.queue = queue;
        this.json = json;
    }

    /** The consolidated list message (docs/customs-second-line.md). */
    public record ConsolidatedListMessage(String messageType, UUID conversationId, String consolidatedNo,
                                          String enterpriseUscc, String ledgerNo, String period,
                                          List<ConsolidatedList.Item> items, List<String> sourceLists) {
    }

    /** 汇总: {@code period} (yyyy-MM, default last month) must have ended. */
    @Transactional
    public ConsolidatedList build(CurrentActor actor, String period, String ledgerNo) {
        String enterprise = SecondLineService.enterpriseOf(actor);
        YearMonth month;
        YearMonth current = YearMonth.now(clock.withZone(SHANGHAI));
        try {
            month = period == null || period.isBlank() ? current.minusMonths(1) : YearMonth.parse(period.trim());
        } catch (DateTimeParseException e) {
            throw new HnswException(SecondLineErrorCode.PERIOD_INVALID);
        }
        if (!month.isBefore(current)) {
            throw new HnswException(SecondLineErrorCode.PERIOD_INVALID);
        }
        String ledger = ledgerNo == null || ledgerNo.isBlank() ? null : ledgerNo.trim();
        consolidated.existing(enterprise, ledger, month.toString()).ifPresent(c -> {
            throw new HnswException(SecondLineErrorCode.CONSOLIDATED_EXISTS, month.toString(), c.consolidatedNo());
        });
        List<VerificationList> sources = lists.unconsolidatedDistributionLists(enterprise, ledger, month.atDay(1),
                month.atEndOfMonth());
        if (sources.isEmpty()) {
            throw new HnswException(SecondLineErrorCode.NO_DISTRIBUTION_LISTS, month.toString());
        }
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (VerificationList list : sources) {
            for (VerificationList.Line line : list.items()) {
                String key = String.join("|", line.hsCode(), line.name(), Objects.toString(line.unit(), ""),
                        Objects.toString(line.currency(), ""), Objects.toString(line.originCountry(), ""),
                        Objects.toString(line.legalUnit(), ""));
                sums.computeIfAbsent(key, k -> new Sum(line)).add(line, list.listNo());
            }
        }
        List<ConsolidatedList.Item> items = new ArrayList<>();
        int seq = 1;
        for (Sum s : sums.values()) {
            items.add(new ConsolidatedList.Item(seq++, s.first.hsCode(), s.first.name(), s.first.unit(), s.quantity,
                    s.legal, s.first.legalUnit(), s.total, s.first.currency(), s.first.originCountry(), s.lists.size()));
        }
        String customs = sources.get(0).declareCustoms() != null ? sources.get(0).declareCustoms() : "6400";
        String number = "HZ" + customs + month.toString().replace("-", "")
                + String.format("%06d", consolidated.nextSerial() % 1_000_000);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        consolidated.insert(new ConsolidatedList(id, number, enterprise, ledger, month.toString(),
                ConsolidatedList.Status.DRAFT, UUID.randomUUID(), null, null, null, now, null, null, items, List.of()));
        lists.consolidated(sources.stream().map(VerificationList::id).toList(), id);
        return consolidated.find(id).orElseThrow();
    }

    /** 申报汇总清单: sealed through the Single Window to customs' smart-supervision platform for approval. */
    @Transactional
    public ConsolidatedList submit(CurrentActor actor, UUID id) {
        ConsolidatedList c = own(actor, id, true);
        if (c.status() != ConsolidatedList.Status.DRAFT) {
            throw new HnswException(SecondLineErrorCode.CONSOLIDATED_STATE, c.status().name(), "申报");
        }
        Instant now = clock.instant();
        consolidated.submitted(id, now);
        queue.enqueueForSubject(c.conversationId(), id, c.enterpriseUscc(), Partners.SINGLE_WINDOW,
                SecondLineReceipts.CONSOLIDATED_LIST, new ConsolidatedListMessage(SecondLineReceipts.CONSOLIDATED_LIST,
                        c.conversationId(), c.consolidatedNo(), c.enterpriseUscc(), c.ledgerNo(), c.period(), c.items(),
                        c.sourceLists()), now);
        return consolidated.find(id).orElseThrow();
    }

    /**
     * 生成并申报集中申报报关单: from an approved consolidated list, by the header and body fill rules, declared on the
     * same engine (pre-validation, seal, H2018 receipts).
     */
    @Transactional
    public SubmissionResult declare(CurrentActor actor, UUID id) {
        ConsolidatedList c = own(actor, id, true);
        if (c.status() != ConsolidatedList.Status.APPROVED) {
            throw new HnswException(SecondLineErrorCode.CONSOLIDATED_STATE, c.status().name(), "生成集中申报报关单");
        }
        List<VerificationList> sources = lists.byConsolidated(id);
        VerificationList first = sources.get(0);
        Map<String, Object> headerSource = new LinkedHashMap<>(first.headerFields());
        headerSource.put("listNo", c.consolidatedNo());
        headerSource.put("grossWeight", sum(sources.stream().map(VerificationList::grossWeight).toList()));
        headerSource.put("netWeight", sum(sources.stream().map(VerificationList::netWeight).toList()));
        headerSource.put("packages", sources.stream().map(VerificationList::packages).filter(Objects::nonNull)
                .mapToInt(Integer::intValue).sum());
        List<SecondLineRules.FillRule> fill = rules.fillRules().stream().filter(SecondLineRules.FillRule::enabled).toList();
        Map<String, Object> header = SecondLineService.apply(fill, "HEADER", headerSource);
        header.put("remark", "集中申报 " + c.consolidatedNo() + "（审批 " + c.approvalNo() + "）");
        List<DeclarationItem> items = new ArrayList<>();
        for (ConsolidatedList.Item i : c.items()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("hsCode", i.hsCode());
            line.put("name", i.name());
            line.put("unit", i.unit());
            line.put("remainingQuantity", i.quantity());
            line.put("remainingLegalQuantity", i.legalQuantity());
            line.put("legalUnit", i.legalUnit());
            line.put("remainingTotalPrice", i.totalPrice());
            line.put("unitPrice", i.totalPrice() == null || i.quantity().signum() == 0 ? null
                    : i.totalPrice().divide(i.quantity(), 4, RoundingMode.HALF_UP));
            line.put("currency", i.currency());
            line.put("originCountry", i.originCountry());
            Map<String, Object> item = SecondLineService.apply(fill, "BODY", line);
            item.put("seq", i.seq());
            items.add(json.convertValue(item, DeclarationItem.class));
        }
        SaveResult saved = declarations.create(actor, new DeclarationRequest(DeclarationType.CONSOLIDATED, null,
                json.convertValue(header, DeclarationHeader.class), items));
        UUID declarationId = saved.declaration().id();
        SubmissionResult result = declarations.submit(actor, declarationId, true);
        consolidated.declared(id, declarationId);
        return result;
    }

    @Transactional(readOnly = true)
    public List<ConsolidatedList> list(CurrentActor actor, String enterprise) {
        return consolidated.search(EnterpriseScope.restrictionFor(actor).orElse(enterprise), 100);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> detail(CurrentActor actor, UUID id) {
        ConsolidatedList c = own(actor, id, false);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("consolidated", c);
        out.put("receipts", receipts.receiptsOf(id));
        return out;
    }

    private ConsolidatedList own(CurrentActor actor, UUID id, boolean write) {
        ConsolidatedList c = (write ? consolidated.findForUpdate(id) : consolidated.find(id))
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.CONSOLIDATED_NOT_FOUND));
        var own = EnterpriseScope.restrictionFor(actor);
        if (own.isPresent() && !own.get().equals(c.enterpriseUscc())) {
            throw new HnswException(SecondLineErrorCode.CONSOLIDATED_NOT_FOUND);
        }
        if (write && own.isEmpty()) {
            throw new HnswException(SecondLineErrorCode.ENTERPRISE_ONLY);
        }
        return c;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static final class Sum {
        final VerificationList.Line first;
        BigDecimal quantity = BigDecimal.ZERO;
        BigDecimal legal;
        BigDecimal total;
        final java.util.Set<String> lists = new java.util.HashSet<>();

        Sum(VerificationList.Line first) {
            this.first = first;
        }

        void add(VerificationList.Line line, String listNo) {
            quantity = quantity.add(line.remaining());
            BigDecimal share = line.quantity().signum() == 0 ? BigDecimal.ZERO
                    : line.remaining().divide(line.quantity(), 10, RoundingMode.HALF_UP);
            if (line.legalQuantity() != null) {
                legal = (legal == null ? BigDecimal.ZERO : legal).add(line.legalQuantity().multiply(share))
                        .setScale(5, RoundingMode.HALF_UP);
            }
            if (line.totalPrice() != null) {
                total = (total == null ? BigDecimal.ZERO : total).add(line.totalPrice().multiply(share))
                        .setScale(2, RoundingMode.HALF_UP);
            }
            lists.add(listNo);
        }
    }
}
