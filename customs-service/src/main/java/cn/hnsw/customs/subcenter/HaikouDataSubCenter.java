package cn.hnsw.customs.subcenter;

import cn.hnsw.common.partner.EnvelopeFormat;
import cn.hnsw.common.partner.SealedInbox;
import cn.hnsw.common.crypto.OpenedMessage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.customs.declaration.CustomsDeclaration;
import cn.hnsw.customs.declaration.CustomsErrorCode;
import cn.hnsw.customs.declaration.DeclarationDocument;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.exchange.ExchangeMessages;
import cn.hnsw.customs.exchange.ExchangeProperties;
import cn.hnsw.customs.exchange.ReceiptView;
import cn.hnsw.customs.validation.ValidationReport;
import cn.hnsw.customs.validation.ValidationRuleService;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * 海口数据分中心 (FP 231–248): receives the distributed direct-release declarations sealed, verifies the sender against
 * its allow-list, cleanses and stores them, answers with a sealed reception receipt; offers the comprehensive query
 * (data older than three years included on request) and the enterprise-facing status interface.
 */
@Service
public class HaikouDataSubCenter {

    private static final Logger log = LoggerFactory.getLogger(HaikouDataSubCenter.class);
    /** The comprehensive query looks back this far unless the caller asks for history (R27). */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(3 * 365 + 1);

    private static final java.util.Set<String> RECEIPT_KINDS = java.util.Set.of("TECHNICAL", "BUSINESS");

    private final SubCentreRepository repository;
    private final ValidationRuleService validation;
    private final SubCentreParameterSync parameterSync;
    private final SealedInbox inbox;
    private final ExchangeProperties properties;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    public HaikouDataSubCenter(SubCentreRepository repository, SealedInbox inbox, ExchangeProperties properties,
                               ObjectMapper json, ValidationRuleService validation, SubCentreParameterSync parameterSync) {
        this.validation = validation;
        this.parameterSync = parameterSync;
        this.repository = repository;
        this.inbox = inbox;
        this.properties = properties;
        this.json = json;
    }

    /** 数据接收 + 接收回执 (FP 231–233, 243): the sealed reply to a sealed distribution. */
    @Transactional
    public byte[] receive(byte[] sealedEnvelope) {
        OpenedMessage opened = inbox.open(sealedEnvelope, properties.subcentreSenders());
        ExchangeMessages.DistributionMessage message;
        try {
            message = json.readValue(opened.payload(), ExchangeMessages.DistributionMessage.class);
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.SUBCENTRE_DOCUMENT_INVALID, "JSON");
        }
        DeclarationDocument d = message.declaration();
        if (d == null || d.preEntryNo() == null || d.enterpriseUscc() == null || d.declarationType() == null) {
            throw new HnswException(CustomsErrorCode.SUBCENTRE_DOCUMENT_INVALID, "declaration");
        }
        List<String> issues = DataCleansing.issues(d);
        // 编码转换与映射: the trading country must be a code of the sub-centre's synchronised country table.
        String country = d.header() == null ? null : DataCleansing.normaliseCountry(d.header().tradingCountry());
        if (country != null && !country.isEmpty() && !parameterSync.holds("COUNTRY_REGION", country)) {
            issues.add("贸易国代码“" + country + "”不在分中心通关参数表中 / trading country " + country
                    + " is not in the sub-centre's code table");
        }
        List<DeclarationItem> items = d.items() == null ? List.of() : d.items();
        BigDecimal total = items.stream().map(DeclarationItem::totalPrice).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Instant now = clock.instant();
        SubCentreRecord record = new SubCentreRecord(d.preEntryNo(), d.customsNo(), d.declarationType().name(),
                d.enterpriseUscc(), d.enterpriseName(), d.header() == null ? null : d.header().declareCustoms(),
                d.status() == null ? null : d.status().name(),
                d.header() == null ? null : DataCleansing.normaliseCountry(d.header().tradingCountry()), total,
                items.size(), items.stream().map(DeclarationItem::hsCode).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining(",")), d.submittedAt() != null ? d.submittedAt() : now, now, 0,
                issues.isEmpty() ? null : String.join("; ", issues));
        int receptions = repository.upsert(record, new String(opened.payload(), java.nio.charset.StandardCharsets.UTF_8));
        int newReceipts = 0;
        List<ReceiptView> receipts = message.receipts() == null ? List.of() : message.receipts();
        for (int i = 0; i < receipts.size(); i++) {
            ReceiptView r = receipts.get(i);
            if (r == null || !RECEIPT_KINDS.contains(r.kind())) {
                continue; // the reception receipts are the sub-centre's own answers
            }
            if (r.id() == null || r.status() == null || r.receivedAt() == null) {
                issues.add("第" + (i + 1) + "条回执不完整，未入库");
                continue;
            }
            if (repository.insertReceipt(d.preEntryNo(), new SubCentreReceipt(r.id(), r.kind(), r.status(),
                    r.customsNo(), r.note(), r.senderKeyId(), r.receivedAt(), now))) {
                newReceipts++;
            }
        }
        log.info("event=subcentre-received preEntryNo={} type={} supplementary={} receptions={} newReceipts={} issues={}",
                d.preEntryNo(), d.declarationType(), message.supplementary(), receptions, newReceipts, issues.size());
        ExchangeMessages.ReceptionReceiptBody receipt = new ExchangeMessages.ReceptionReceiptBody("RECEPTION", "STORED",
                d.preEntryNo(), receptions, issues);
        try {
            return inbox.reply(opened, json.writeValueAsBytes(receipt), EnvelopeFormat.JSON);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * 技术回执 / 业务回执 the sub-centre holds for one declaration (FP 903–914, 1188–1199); an enterprise reaches only
     * its own declarations ({@code enterprise} set), officers any.
     */
    @Transactional(readOnly = true)
    public List<SubCentreReceipt> receipts(String preEntryNo, java.util.Optional<String> enterprise) {
        String owner = repository.enterpriseOf(preEntryNo)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.SUBCENTRE_RECORD_NOT_FOUND));
        if (enterprise.isPresent() && !enterprise.get().equals(owner)) {
            throw new HnswException(CustomsErrorCode.SUBCENTRE_RECORD_NOT_FOUND);
        }
        return repository.receipts(preEntryNo);
    }

    /**
     * 报关单校验 (FP 941–945, 1226–1230): the nine pre-validation families run on the declaration as the sub-centre
     * received it, with the rules in force now; nothing is changed.
     */
    @Transactional(readOnly = true)
    public ValidationReport validate(String preEntryNo) {
        String document = repository.document(preEntryNo)
                .orElseThrow(() -> new HnswException(CustomsErrorCode.SUBCENTRE_RECORD_NOT_FOUND));
        DeclarationDocument d;
        try {
            d = json.readValue(document, ExchangeMessages.DistributionMessage.class).declaration();
        } catch (IOException e) {
            throw new HnswException(CustomsErrorCode.SUBCENTRE_DOCUMENT_INVALID, "JSON");
        }
        if (d == null || d.header() == null || d.items() == null || d.items().isEmpty()) {
            throw new HnswException(CustomsErrorCode.SUBCENTRE_DOCUMENT_INVALID, "declaration");
        }
        CustomsDeclaration held = CustomsDeclaration.draft(d.preEntryNo(), d.declarationType(), d.importExport(),
                d.enterpriseUscc(), d.enterpriseName(), d.header(), d.items(), null, clock.instant());
        ValidationReport report = validation.validate(held);
        log.info("event=subcentre-validated preEntryNo={} passed={} findings={}", preEntryNo, report.passed(),
                report.findings().size());
        return report;
    }

    /** 综合查询 (FP 236–242): by default the last three years; {@code historical} reaches back without limit. */
    @Transactional(readOnly = true)
    public PageResponse<SubCentreRecord> query(SubCentreQuery q, boolean historical, PageQuery page) {
        Instant from = q.from() != null ? q.from() : historical ? Instant.EPOCH : clock.instant().minus(DEFAULT_WINDOW);
        SubCentreQuery bounded = new SubCentreQuery(q.preEntryNo(), q.customsNo(), q.declarationType(), q.status(),
                q.enterpriseUscc(), q.enterpriseName(), q.declareCustoms(), q.hsCode(), from, q.to());
        return PageResponse.of(repository.search(bounded, page.offset(), page.size()), page, repository.count(bounded));
    }

    /** 申报业务量, 热门贸易国别, 商品归类 over the last {@code days}. */
    @Transactional(readOnly = true)
    public Map<String, Object> statistics(int days) {
        Instant from = ZonedDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(days).toInstant();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("volumeByType", repository.volumeByType(from));
        stats.put("popularCountries", repository.popularCountries(from, 10));
        stats.put("byChapter", repository.byChapter(from));
        return stats;
    }
}
