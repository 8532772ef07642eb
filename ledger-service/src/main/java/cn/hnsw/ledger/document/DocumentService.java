package cn.hnsw.ledger.document;

import cn.hnsw.common.events.EventTopics;
import cn.hnsw.common.events.OutboxPublisher;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.customs.CustomsAck;
import cn.hnsw.ledger.customs.CustomsDeclarationMessage;
import cn.hnsw.ledger.customs.CustomsReceiptMessage;
import cn.hnsw.ledger.customs.GoldenCustomsGateway;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.hscode.HsCodeTable;
import cn.hnsw.ledger.posting.Direction;
import cn.hnsw.ledger.posting.Ledger;
import cn.hnsw.ledger.posting.LedgerPosting;
import cn.hnsw.ledger.posting.LedgerRepository;
import cn.hnsw.ledger.posting.LedgerStock;
import cn.hnsw.ledger.posting.PostingRequest;
import cn.hnsw.ledger.posting.PostingService;
import cn.hnsw.ledger.valueadded.CostLine;
import cn.hnsw.ledger.valueadded.ValueAddedCalculation;
import cn.hnsw.ledger.valueadded.ValueAddedCalculator;
import cn.hnsw.ledger.valueadded.ValueAddedRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declarable-document engine: create, lines, copy, customs draft, declare (sealed to 金关二期), receipts and
 * receipt updates (posting 核增/核减 on approval), change after approval, void, vehicle change, consolidation.
 * Every type runs the same way; its {@link DocumentType} says what differs.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final String AGGREGATE = "DeclarableDocument";
    static final int IMPORT_PROGRESS_STEP = 100;

    private final DocumentRepository documents;
    private final CommodityLibrary commodities;
    private final LedgerRepository ledgers;
    private final PostingService postings;
    private final HsCodeTable hsCodes;
    private final ValueAddedRules rules;
    private final DocumentAccess access;
    private final ObjectProvider<GoldenCustomsGateway> customs;
    private final OutboxPublisher outbox;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.springframework.core.env.Environment environment;
    private final List<DeclarationGuard> guards;

    private final cn.hnsw.ledger.numbering.ItemNumbers itemNumbers;

    public DocumentService(DocumentRepository documents, CommodityLibrary commodities, LedgerRepository ledgers,
                           PostingService postings, HsCodeTable hsCodes, ValueAddedRules rules, DocumentAccess access,
                           ObjectProvider<GoldenCustomsGateway> customs, OutboxPublisher outbox, JdbcClient jdbc,
                           Clock clock, org.springframework.core.env.Environment environment,
                           List<DeclarationGuard> guards, cn.hnsw.ledger.numbering.ItemNumbers itemNumbers) {
        this.itemNumbers = itemNumbers;
        this.environment = environment;
        this.guards = List.copyOf(guards);
        this.documents = documents;
        this.commodities = commodities;
        this.ledgers = ledgers;
        this.postings = postings;
        this.hsCodes = hsCodes;
        this.rules = rules;
        this.access = access;
        this.customs = customs;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record NewDocument(String type, Long ledgerId, Long sourceDocumentId, String title, String enterpriseName,
                             Map<String, Object> header, String actingFor) {
    }

    public record LineInput(LineKind kind, String itemNo, String hsCode, String nameZh, String spec, String unit,
                            BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, String currency,
                            String direction, Long linkRef, Map<String, Object> extra) {
    }

    // ---------------------------------------------------------------- create, edit, copy

    @Transactional
    public DeclarableDocument create(CurrentActor actor, NewDocument request) {
        DocumentType type = DocumentTypes.get(request.type());
        DocumentAccess.Acting acting = access.forWrite(actor, type, request.actingFor());
        Long ledgerId = null;
        if (type.requiresLedger()) {
            if (request.ledgerId() == null) {
                throw new HnswException(LedgerErrorCode.LEDGER_REQUIRED, type.code());
            }
            Ledger ledger = ledgers.get(request.ledgerId());
            if (!ledger.enterprise().equals(acting.enterprise())) {
                throw new HnswException(LedgerErrorCode.LEDGER_NOT_FOUND, request.ledgerId());
            }
            if (ledger.ledgerType() != type.ledgerType()) {
                throw new HnswException(LedgerErrorCode.LEDGER_TYPE_MISMATCH, type.code(), type.ledgerType().nameZh());
            }
            ledger.requireActive();
            ledgerId = ledger.id();
        }
        if (request.sourceDocumentId() != null) {
            DeclarableDocument source = documents.get(request.sourceDocumentId());
            if (!source.enterprise().equals(acting.enterprise()) || !type.sourceDocumentTypes().contains(source.type().code())
                    || source.status() != DocumentStatus.APPROVED) {
                throw new HnswException(LedgerErrorCode.LINE_LINK_INVALID, 0, source.documentNo());
            }
        }
        Instant now = clock.instant();
        DeclarableDocument document = new DeclarableDocument(null, documents.nextNumber(type, now), type,
                acting.enterprise(), request.enterpriseName(), ledgerId, request.sourceDocumentId(),
                DocumentStatus.DRAFT, 0, 0, request.title(), request.header(), null, null, actor.username(),
                acting.delegate(), now, null, null);
        long id = documents.insert(document);
        return documents.get(id);
    }

    @Transactional
    public DeclarableDocument editHeader(CurrentActor actor, long id, int version, String title, Map<String, Object> header) {
        DeclarableDocument d = writable(actor, id);
        checkVersion(d, version);
        d.editHeader(title, header);
        documents.update(d, clock.instant());
        return documents.get(id);
    }

    /** 复制: a new draft of the same type with the same basic info and lines (not attachments or receipts). */
    @Transactional
    public DeclarableDocument copy(CurrentActor actor, long id) {
        DeclarableDocument source = documents.get(id);
        access.checkRead(actor, source);
        DeclarableDocument copy = create(actor, new NewDocument(source.type().code(), source.ledgerId(),
                source.sourceDocumentId(), source.title(), source.enterpriseName(), source.header(),
                source.enterprise().equals(actor.enterprise()) ? null : source.enterprise()));
        Map<Long, BigDecimal> drawnHere = new HashMap<>();
        for (DocumentLine line : documents.lines(id)) {
            requireCopiable(copy, line, drawnHere);
            documents.insertLine(copy.id(), line);
        }
        return copy;
    }

    // ---------------------------------------------------------------- lines

    @Transactional
    public List<DocumentLine> addLines(CurrentActor actor, long id, List<LineInput> inputs) {
        DeclarableDocument d = writableLines(actor, id, inputs.stream().map(LineInput::kind).filter(java.util.Objects::nonNull).toList());
        d.checkEditable();
        Map<LineKind, Integer> next = new HashMap<>();
        int row = 0;
        for (LineInput input : inputs) {
            row++;
            if (input.kind() == null) {
                throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, row, "表体类型 / line kind");
            }
            int no = next.computeIfAbsent(input.kind(), k -> documents.nextLineNo(id, k));
            next.put(input.kind(), no + 1);
            documents.insertLine(id, resolve(d, input, no, null));
        }
        touch(d);
        return documents.lines(id);
    }

    @Transactional
    public List<DocumentLine> updateLine(CurrentActor actor, long id, long lineId, LineInput input) {
        DocumentLine existing = documents.line(lineId).filter(l -> documents.documentOfLine(lineId).orElse(-1L) == id)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.LINE_NOT_FOUND, lineId));
        DeclarableDocument d = writableLines(actor, id, List.of(existing.kind()));
        d.checkEditable();
        LineInput merged = new LineInput(existing.kind(), input.itemNo(), input.hsCode(), input.nameZh(), input.spec(),
                input.unit(), input.quantity(), input.unitPrice(), input.amount(), input.currency(), input.direction(),
                input.linkRef(), input.extra());
        documents.updateLine(id, lineId, resolve(d, merged, existing.lineNo(), lineId));
        touch(d);
        return documents.lines(id);
    }

    /** 批量删除. */
    @Transactional
    public List<DocumentLine> deleteLines(CurrentActor actor, long id, List<Long> lineIds) {
        DeclarableDocument d = writableLines(actor, id, kindsOf(id, lineIds));
        d.checkEditable();
        if (!lineIds.isEmpty()) {
            documents.deleteLines(id, lineIds);
        }
        touch(d);
        return documents.lines(id);
    }

    /** 表体复制: copies lines within the document under new line numbers. */
    @Transactional
    public List<DocumentLine> copyLines(CurrentActor actor, long id, List<Long> lineIds) {
        DeclarableDocument d = writableLines(actor, id, kindsOf(id, lineIds));
        d.checkEditable();
        for (DocumentLine line : documents.lines(id)) {
            if (lineIds.contains(line.id())) {
                requireCopiable(d, line, new HashMap<>());
                documents.insertLine(id, line.withNo(documents.nextLineNo(id, line.kind())));
            }
        }
        touch(d);
        return documents.lines(id);
    }

    private void touch(DeclarableDocument d) {
        documents.update(d, clock.instant());
    }

    /** One row of an imported Excel file: its row number, the line, and the item number to link by. */
    public record ImportRow(int row, LineInput line, String linkItemNo) {
    }

    /** A row the import refused, with the reason in both languages. */
    public record RowError(int row, String code, String messageZh, String messageEn) {
    }

    /**
     * Excel import (模板导入): every row is checked first; if any row is wrong nothing is imported and every wrong
     * row is reported. Links are found by item number in the commodity library or the ledger stock.
     */
    @Transactional
    public List<DocumentLine> importLines(CurrentActor actor, long id, List<ImportRow> rows) {
        return importLines(actor, id, rows, checked -> { });
    }

    /**
     * The same, telling {@code progress} how many rows are checked every {@value #IMPORT_PROGRESS_STEP} rows and at the
     * end (the server-side import job writes it where the screen polls it).
     */
    @Transactional
    public List<DocumentLine> importLines(CurrentActor actor, long id, List<ImportRow> rows, java.util.function.IntConsumer progress) {
        DeclarableDocument d = writableLines(actor, id, rows.stream().map(r -> r.line().kind()).filter(java.util.Objects::nonNull).distinct().toList());
        d.checkEditable();
        List<RowError> errors = new ArrayList<>();
        List<DocumentLine> resolved = new ArrayList<>();
        Map<LineKind, Integer> next = new HashMap<>();
        Map<String, Long> libraryByItem = new HashMap<>();
        Map<String, Long> stockByItem = new HashMap<>();
        boolean needsLibrary = rows.stream().anyMatch(r -> r.linkItemNo() != null && !r.linkItemNo().isBlank());
        if (needsLibrary) {
            commodities.list(d.enterprise(), null).forEach(c -> libraryByItem.putIfAbsent(c.itemNo(), c.id()));
            if (d.ledgerId() != null) {
                ledgers.stock(d.ledgerId()).forEach(s -> stockByItem.putIfAbsent(s.itemNo(), s.id()));
            }
        }
        Map<Long, BigDecimal> drawnHere = new HashMap<>();
        int checked = 0;
        for (ImportRow row : rows) {
            if (++checked % IMPORT_PROGRESS_STEP == 0) {
                progress.accept(checked);
            }
            try {
                LineInput in = row.line();
                if (in.kind() == null) {
                    throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, row.row(), "表体类型 / line kind");
                }
                Long link = in.linkRef();
                LineSpec spec = d.type().line(in.kind()).orElse(null);
                if (link == null && spec != null && row.linkItemNo() != null && !row.linkItemNo().isBlank()) {
                    link = switch (spec.link()) {
                        case COMMODITY_LIBRARY -> libraryByItem.get(row.linkItemNo());
                        case LEDGER_STOCK -> stockByItem.get(row.linkItemNo());
                        default -> null;
                    };
                }
                LineInput linked = new LineInput(in.kind(), in.itemNo(), in.hsCode(), in.nameZh(), in.spec(), in.unit(),
                        in.quantity(), in.unitPrice(), in.amount(), in.currency(), in.direction(), link, in.extra());
                int no = next.computeIfAbsent(in.kind(), k -> documents.nextLineNo(id, k));
                next.put(in.kind(), no + 1);
                DocumentLine line = resolve(d, linked, no, null, drawnHere);
                if (line.linkTarget() == LinkTarget.DOCUMENT_LINE && line.linkRef() != null && line.quantity() != null) {
                    drawnHere.merge(line.linkRef(), line.quantity(), BigDecimal::add);
                }
                resolved.add(line);
            } catch (HnswException e) {
                errors.add(new RowError(row.row(), e.errorCode().code(), e.messageZh(), e.messageEn()));
            }
        }
        progress.accept(rows.size());
        if (!errors.isEmpty()) {
            throw new LineImportException(errors);
        }
        resolved.forEach(l -> documents.insertLine(id, l));
        touch(d);
        return documents.lines(id);
    }

    /** The per-row report of a refused import; nothing of the file was imported. */
    public static class LineImportException extends HnswException {
        private final transient List<RowError> errors;

        public LineImportException(List<RowError> errors) {
            super(LedgerErrorCode.EXCEL_ROWS_INVALID, errors.stream().map(e -> new cn.hnsw.common.web.FieldViolation(
                    "row[" + e.row() + "]", e.code(), e.messageZh(), e.messageEn())).toList(), null, errors.size());
            this.errors = List.copyOf(errors);
        }

        public List<RowError> errors() {
            return errors;
        }
    }

    /** Checks one line against its type's line spec and fills it from what it links to. */
    DocumentLine resolve(DeclarableDocument d, LineInput in, int lineNo, Long existingLineId) {
        return resolve(d, in, lineNo, existingLineId, Map.of());
    }

    /** @param drawnHere quantities already drawn from source lines by rows of the same import, not yet written */
    DocumentLine resolve(DeclarableDocument d, LineInput in, int lineNo, Long existingLineId, Map<Long, BigDecimal> drawnHere) {
        DocumentType type = d.type();
        LineSpec spec = type.line(in.kind())
                .orElseThrow(() -> new HnswException(LedgerErrorCode.LINE_KIND_NOT_ALLOWED, type.code(), in.kind().name()));
        if (!in.kind().isCost() && (in.quantity() == null || in.quantity().signum() <= 0)) {
            throw new HnswException(LedgerErrorCode.LINE_QUANTITY_INVALID, lineNo);
        }
        String direction = null;
        if (type.stockEffect() == StockEffect.PER_LINE) {
            if (!"INCREASE".equals(in.direction()) && !"DECREASE".equals(in.direction())) {
                throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, lineNo, "调整方向 / direction (INCREASE|DECREASE)");
            }
            direction = in.direction();
        }
        Map<String, Object> extra = new LinkedHashMap<>(in.extra() == null ? Map.of() : in.extra());
        BigDecimal amount = in.amount();
        String itemNo = in.itemNo();
        String hs = in.hsCode();
        String name = in.nameZh();
        String unit = in.unit();
        String itemSpec = in.spec();
        switch (spec.link()) {
            case NONE -> {
                String typedHs = hs;
                var code = hsCodes.find(typedHs).orElseThrow(() -> new HnswException(LedgerErrorCode.HS_CODE_UNKNOWN, typedHs));
                if (!in.kind().isCost() && (itemNo == null || itemNo.isBlank())) {
                    // 自主编号规则: the enterprise's rule in effect for the kind numbers the line
                    itemNo = itemNumbers.draw(d.enterprise(), in.kind().name()).orElse(null);
                }
                if (!in.kind().isCost() && (itemNo == null || itemNo.isBlank())) {
                    throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, lineNo, "料号 / item number");
                }
                name = name == null || name.isBlank() ? code.nameZh() : name;
                unit = unit == null || unit.isBlank() ? code.unit() : unit;
                if (in.kind().isCost() && (amount == null || amount.signum() < 0)) {
                    throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, lineNo, "金额 / amount");
                }
            }
            case COMMODITY_LIBRARY -> {
                Commodity c = in.linkRef() == null ? null : commodities.find(in.linkRef()).orElse(null);
                if (c == null) {
                    throw new HnswException(LedgerErrorCode.LINE_LINK_REQUIRED, lineNo, spec.link().nameZh());
                }
                if (!c.enterprise().equals(d.enterprise()) || !kindFits(in.kind(), c.itemKind())) {
                    throw new HnswException(LedgerErrorCode.LINE_LINK_INVALID, lineNo, c.itemNo());
                }
                itemNo = c.itemNo();
                hs = c.hsCode();
                name = c.nameZh();
                unit = c.unit();
                itemSpec = c.spec();
                if (in.kind() == LineKind.UNIT_CONSUMPTION) {
                    extra.putAll(unitConsumption(lineNo, in.quantity(), extra.get("lossRate")));
                    if (type.code().equals(DocumentTypes.PROCESSING_LEDGER_SETUP)) {
                        extra.putAll(setupBom(d, lineNo, c.itemNo(), extra.get("productItemNo")));
                    }
                }
            }
            case LEDGER_STOCK -> {
                LedgerStock s = in.linkRef() == null || d.ledgerId() == null ? null
                        : ledgers.stockRow(d.ledgerId(), in.linkRef()).orElse(null);
                if (s == null) {
                    throw new HnswException(LedgerErrorCode.LINE_LINK_REQUIRED, lineNo, spec.link().nameZh());
                }
                if (!kindFits(in.kind(), s.itemKind())) {
                    throw new HnswException(LedgerErrorCode.LINE_LINK_INVALID, lineNo, s.itemNo());
                }
                boolean decreases = type.stockEffect() == StockEffect.DECREASE || "DECREASE".equals(direction);
                if (decreases && in.quantity().compareTo(s.quantity()) > 0) {
                    throw new HnswException(LedgerErrorCode.INSUFFICIENT_STOCK, s.itemNo(), s.quantity().toPlainString(),
                            in.quantity().toPlainString());
                }
                itemNo = s.itemNo();
                hs = s.hsCode();
                name = s.nameZh();
                unit = s.unit();
            }
            case DOCUMENT_LINE -> {
                DocumentLine source = in.linkRef() == null ? null : documents.line(in.linkRef()).orElse(null);
                if (source == null) {
                    throw new HnswException(LedgerErrorCode.LINE_LINK_REQUIRED, lineNo, spec.link().nameZh());
                }
                DeclarableDocument sourceDoc = documents.get(documents.documentOfLine(source.id()).orElseThrow());
                if (!sourceDoc.enterprise().equals(d.enterprise()) || sourceDoc.status() != DocumentStatus.APPROVED
                        || !spec.sourceTypes().contains(sourceDoc.type().code())
                        || (d.sourceDocumentId() != null && !d.sourceDocumentId().equals(sourceDoc.id()))
                        || (!in.kind().isCost() && !kindFits(in.kind(), source.kind().name()))) {
                    throw new HnswException(LedgerErrorCode.LINE_LINK_INVALID, lineNo, sourceDoc.documentNo());
                }
                BigDecimal qty = in.quantity() == null ? source.quantity() : in.quantity();
                if (qty != null && source.quantity() != null && qty.compareTo(source.quantity()) > 0) {
                    throw new HnswException(LedgerErrorCode.LINE_QUANTITY_INVALID, lineNo);
                }
                if (type.code().equals(DocumentTypes.LOGISTICS_EXIT_CONSOLIDATED) || type.code().equals(DocumentTypes.PROCESSING_EXIT_CONSOLIDATED)) {
                    linkedElsewhere(source.id(), type.code(), d.id(), existingLineId).ifPresent(other -> {
                        throw new HnswException(LedgerErrorCode.LINE_ALREADY_LINKED, lineNo, other);
                    });
                }
                requireUndrawn(type, sourceDoc, source, qty, lineNo, existingLineId,
                        drawnHere.getOrDefault(source.id(), BigDecimal.ZERO));
                itemNo = source.itemNo();
                hs = source.hsCode();
                name = source.nameZh();
                unit = source.unit();
                extra.put("sourceDocumentNo", sourceDoc.documentNo());
                if (amount == null && source.amount() != null && qty != null && source.quantity() != null
                        && source.quantity().signum() > 0) {
                    amount = source.amount().multiply(qty).divide(source.quantity(), 2, RoundingMode.HALF_UP);
                }
                if (in.kind() == LineKind.CUMULATIVE_CODE_COST) {
                    extra.put("materialBase", upstreamMaterialBase(lineNo, extra, qty));
                }
                return new DocumentLine(null, lineNo, in.kind(), itemNo, hs, name, itemSpec, unit, qty, in.unitPrice(),
                        amount, in.currency(), direction, spec.link(), in.linkRef(), extra);
            }
        }
        if (in.kind().isCost() && amount == null) {
            throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, lineNo, "金额 / amount");
        }
        if (amount == null && in.unitPrice() != null && in.quantity() != null) {
            amount = in.unitPrice().multiply(in.quantity()).setScale(2, RoundingMode.HALF_UP);
        }
        return new DocumentLine(null, lineNo, in.kind(), itemNo, hs, name, itemSpec, unit, in.quantity(), in.unitPrice(),
                amount, in.currency(), direction, spec.link(), in.linkRef(), extra);
    }

    /** A cumulative-code material carries the upstream filing's material base per unit (rule R10, art. 4). */
    private BigDecimal upstreamMaterialBase(int lineNo, Map<String, Object> extra, BigDecimal qty) {
        Object code = extra.get("cumulativeCode");
        if (!(code instanceof String codeNo) || codeNo.isBlank()) {
            throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, lineNo, "累计码 / cumulative code");
        }
        DeclarableDocument upstream = documents.findByNumber(codeNo)
                .filter(u -> u.type().code().equals(DocumentTypes.CUMULATIVE_CODE_FILING) && u.status() == DocumentStatus.APPROVED)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.LINE_LINK_INVALID, lineNo, codeNo));
        Object perUnit = upstream.header().get("materialBasePerUnit");
        if (perUnit == null || qty == null) {
            throw new HnswException(LedgerErrorCode.LINE_LINK_INVALID, lineNo, codeNo);
        }
        return new BigDecimal(perUnit.toString()).multiply(qty).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * 登记/备案数量核扣: the documents of one drawing family that link a source line (a registration's or filing's
     * line, an approved list's line) draw on its quantity together, and never beyond it. A voided document gives its
     * quantity back; a draft holds it (so two drafts cannot each take the whole). The source line is locked while
     * the sum is taken, so two documents drawing at once are counted one after the other.
     */
    private void requireUndrawn(DocumentType type, DeclarableDocument sourceDoc, DocumentLine source, BigDecimal qty,
                                int lineNo, Long exceptLine, BigDecimal pendingInThisCall) {
        if (qty == null || source.quantity() == null) {
            return;
        }
        jdbc.sql("SELECT id FROM document_line WHERE id = :id FOR UPDATE").param("id", source.id()).query(Long.class).list();
        BigDecimal drawn = drawn(source.id(), drawingFamily(type), exceptLine).add(pendingInThisCall);
        if (drawn.add(qty).compareTo(source.quantity()) > 0) {
            BigDecimal left = source.quantity().subtract(drawn).max(BigDecimal.ZERO);
            throw new HnswException(LedgerErrorCode.REGISTERED_QUANTITY_EXCEEDED, lineNo, sourceDoc.documentNo(),
                    source.lineNo(), plain(source.quantity()), plain(drawn), plain(left), plain(qty));
        }
    }

    /** Quantity of a source line drawn by non-void documents of the given types, less one line being replaced. */
    public BigDecimal drawn(long sourceLineId, List<String> types, Long exceptLine) {
        return jdbc.sql("""
                        SELECT coalesce(sum(l.quantity), 0) FROM document_line l JOIN declarable_document d ON d.id = l.document_id
                        WHERE l.link_target = 'DOCUMENT_LINE' AND l.link_ref = :src AND d.document_type IN (:types)
                          AND d.status <> 'VOIDED' AND (CAST(:except AS bigint) IS NULL OR l.id <> :except)""")
                .param("src", sourceLineId).param("types", types).param("except", exceptLine)
                .query(BigDecimal.class).single();
    }

    /** The value-added codes draw together on a registration; every other type draws on its own. */
    public static List<String> drawingFamily(DocumentType type) {
        return type.code().equals(DocumentTypes.CUMULATIVE_CODE_FILING) || type.code().equals(DocumentTypes.CONFIRMATION_CODE_FILING)
                ? List.of(DocumentTypes.CUMULATIVE_CODE_FILING, DocumentTypes.CONFIRMATION_CODE_FILING)
                : List.of(type.code());
    }

    /** One document line drawing on a source line. */
    public record Draw(long documentId, String documentNo, String documentType, String status, int lineNo, BigDecimal quantity) {
    }

    /** 数量核扣情况: what each line of a document has lent out, per drawing family, and what is left. */
    public record LineDraws(long lineId, int lineNo, String itemNo, BigDecimal quantity, Map<String, BigDecimal> drawnByFamily,
                            BigDecimal remaining, List<Draw> draws) {
    }

    public List<LineDraws> draws(CurrentActor actor, long id) {
        read(actor, id);
        List<LineDraws> out = new ArrayList<>();
        for (DocumentLine line : documents.lines(id)) {
            List<Draw> draws = jdbc.sql("""
                            SELECT d.id, d.document_no, d.document_type, d.status, l.line_no, l.quantity
                            FROM document_line l JOIN declarable_document d ON d.id = l.document_id
                            WHERE l.link_target = 'DOCUMENT_LINE' AND l.link_ref = :src AND d.status <> 'VOIDED'
                            ORDER BY d.id, l.line_no""")
                    .param("src", line.id())
                    .query((rs, n) -> new Draw(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5), rs.getBigDecimal(6) == null ? BigDecimal.ZERO : rs.getBigDecimal(6)))
                    .list();
            Map<String, BigDecimal> byFamily = new LinkedHashMap<>();
            for (Draw dr : draws) {
                byFamily.merge(String.join("+", drawingFamily(DocumentTypes.get(dr.documentType()))), dr.quantity(), BigDecimal::add);
            }
            BigDecimal most = byFamily.values().stream().max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
            BigDecimal remaining = line.quantity() == null ? null : line.quantity().subtract(most).max(BigDecimal.ZERO);
            out.add(new LineDraws(line.id(), line.lineNo(), line.itemNo(), line.quantity(), byFamily, remaining, draws));
        }
        return out;
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** Lines copied as they are (信息复制, 表体复制) draw on their sources like new ones. */
    private void requireCopiable(DeclarableDocument d, DocumentLine line, Map<Long, BigDecimal> drawnHere) {
        if (line.linkTarget() != LinkTarget.DOCUMENT_LINE || line.linkRef() == null) {
            return;
        }
        DocumentLine source = documents.line(line.linkRef()).orElse(null);
        if (source == null) {
            return;
        }
        DeclarableDocument sourceDoc = documents.get(documents.documentOfLine(source.id()).orElseThrow());
        requireUndrawn(d.type(), sourceDoc, source, line.quantity(), line.lineNo(), null,
                drawnHere.getOrDefault(source.id(), BigDecimal.ZERO));
        drawnHere.merge(source.id(), line.quantity() == null ? BigDecimal.ZERO : line.quantity(), BigDecimal::add);
    }

    private java.util.Optional<String> linkedElsewhere(long sourceLineId, String type, Long documentId, Long exceptLine) {
        return jdbc.sql("""
                        SELECT d.document_no FROM document_line l JOIN declarable_document d ON d.id = l.document_id
                        WHERE l.link_target = 'DOCUMENT_LINE' AND l.link_ref = :src AND d.document_type = :type
                          AND d.status <> 'VOIDED' AND (CAST(:except AS bigint) IS NULL OR l.id <> :except)
                        LIMIT 1""")
                .param("src", sourceLineId).param("type", type).param("except", exceptLine)
                .query(String.class).optional();
    }

    /**
     * 单耗 = 净耗 ÷ (1 − 损耗率): the loss rate in percent, 0 when not given; the unit consumption kept to 6 places.
     */
    static Map<String, Object> unitConsumption(int lineNo, BigDecimal net, Object lossRate) {
        BigDecimal loss;
        try {
            loss = lossRate == null || lossRate.toString().isBlank() ? BigDecimal.ZERO : new BigDecimal(lossRate.toString().trim());
        } catch (NumberFormatException e) {
            throw new HnswException(LedgerErrorCode.UNIT_CONSUMPTION_INVALID, lineNo);
        }
        if (net == null || net.signum() <= 0 || loss.signum() < 0 || loss.compareTo(BigDecimal.valueOf(100)) >= 0) {
            throw new HnswException(LedgerErrorCode.UNIT_CONSUMPTION_INVALID, lineNo);
        }
        BigDecimal kept = BigDecimal.ONE.subtract(loss.movePointLeft(2));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lossRate", loss.stripTrailingZeros().toPlainString());
        out.put("unitConsumption", net.divide(kept, 6, RoundingMode.HALF_UP).toPlainString());
        return out;
    }

    /**
     * 账册设立单损耗 (FP 1941–1953): the consumed material must be a material line of the same set-up, and the finished
     * product it is consumed for (by item number) a finished-product line of it, both from the commodity library.
     */
    private Map<String, Object> setupBom(DeclarableDocument d, int lineNo, String materialItemNo, Object productItemNo) {
        if (productItemNo == null || productItemNo.toString().isBlank()) {
            throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, lineNo, "成品料号 / finished-product item number");
        }
        String product = productItemNo.toString().trim();
        List<DocumentLine> lines = d.id() == null ? List.of() : documents.lines(d.id());
        if (lines.stream().noneMatch(l -> l.kind() == LineKind.MATERIAL && materialItemNo.equals(l.itemNo()))) {
            throw new HnswException(LedgerErrorCode.BOM_ITEM_NOT_IN_SETUP, lineNo, "料件", materialItemNo, "material");
        }
        DocumentLine productLine = lines.stream().filter(l -> l.kind() == LineKind.FINISHED_PRODUCT && product.equals(l.itemNo()))
                .findFirst().orElseThrow(() -> new HnswException(LedgerErrorCode.BOM_ITEM_NOT_IN_SETUP, lineNo, "成品", product,
                        "finished product"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("productItemNo", product);
        out.put("productName", productLine.nameZh());
        out.put("productHsCode", productLine.hsCode());
        return out;
    }

    private static boolean kindFits(LineKind lineKind, String itemKind) {
        return lineKind == LineKind.GOODS || lineKind.name().equals(itemKind)
                || (lineKind == LineKind.UNIT_CONSUMPTION && LineKind.MATERIAL.name().equals(itemKind));
    }

    // ---------------------------------------------------------------- consolidation (生成集报出账清单, FP 2294)

    @Transactional
    public DeclarableDocument consolidate(CurrentActor actor, String consolidatedType, List<Long> outOfWarehouseIds,
                                          String title, String actingFor) {
        DocumentType type = DocumentTypes.get(consolidatedType);
        if (!type.code().equals(DocumentTypes.LOGISTICS_EXIT_CONSOLIDATED) && !type.code().equals(DocumentTypes.PROCESSING_EXIT_CONSOLIDATED)) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_TYPE_UNKNOWN, consolidatedType);
        }
        if (outOfWarehouseIds.isEmpty()) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_HAS_NO_LINES, "-");
        }
        Long ledgerId = null;
        List<DeclarableDocument> sources = new ArrayList<>();
        for (Long sourceId : outOfWarehouseIds) {
            DeclarableDocument s = documents.findForUpdate(sourceId)
                    .orElseThrow(() -> new HnswException(LedgerErrorCode.DOCUMENT_NOT_FOUND, sourceId));
            access.checkWrite(actor, s);
            if (!type.lines().get(0).sourceTypes().contains(s.type().code())) {
                throw new HnswException(LedgerErrorCode.CONSOLIDATION_INVALID, s.documentNo(), "类型不符 / wrong type");
            }
            if (s.status() != DocumentStatus.APPROVED) {
                throw new HnswException(LedgerErrorCode.CONSOLIDATION_INVALID, s.documentNo(), "未审核通过 / not approved");
            }
            if (documents.consolidatedInto(s.id()).isPresent()) {
                throw new HnswException(LedgerErrorCode.CONSOLIDATION_INVALID, s.documentNo(), "已集中报关 / already consolidated");
            }
            if (ledgerId != null && !ledgerId.equals(s.ledgerId())) {
                throw new HnswException(LedgerErrorCode.CONSOLIDATION_INVALID, s.documentNo(), "账册不同 / another ledger");
            }
            ledgerId = s.ledgerId();
            sources.add(s);
        }
        DeclarableDocument first = sources.get(0);
        DeclarableDocument consolidated = create(actor, new NewDocument(type.code(), ledgerId, null, title,
                first.enterpriseName(), Map.of("outOfWarehouseApplications",
                sources.stream().map(DeclarableDocument::documentNo).toList()),
                actingFor == null ? (first.enterprise().equals(actor.enterprise()) ? null : first.enterprise()) : actingFor));
        List<LineInput> inputs = new ArrayList<>();
        for (DeclarableDocument s : sources) {
            for (DocumentLine l : documents.lines(s.id())) {
                inputs.add(new LineInput(l.kind(), null, null, null, null, null, l.quantity(), l.unitPrice(), l.amount(),
                        l.currency(), null, l.id(), Map.of()));
            }
        }
        addLines(actor, consolidated.id(), inputs);
        documents.markConsolidated(outOfWarehouseIds, consolidated.id());
        return documents.get(consolidated.id());
    }

    // ---------------------------------------------------------------- customs draft (SUBMIT7)

    /** 生成报关单草稿数据: the customs-declaration draft generated from the list, kept with it. */
    @Transactional
    public Map<String, Object> generateCustomsDraft(CurrentActor actor, long id) {
        DeclarableDocument d = writable(actor, id);
        return generateDraft(d);
    }

    private Map<String, Object> generateDraft(DeclarableDocument d) {
        if (!d.type().customsDraft()) {
            throw new HnswException(LedgerErrorCode.ILLEGAL_TRANSITION, d.documentNo(), d.status().name(), "生成报关单草稿 / customs draft");
        }
        List<Map<String, Object>> goods = new ArrayList<>();
        int g = 0;
        for (DocumentLine l : documents.lines(d.id())) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("gNo", ++g);
            item.put("codeTs", l.hsCode());
            item.put("gName", l.nameZh());
            item.put("gModel", l.spec() == null ? "" : l.spec());
            item.put("qty", l.quantity());
            item.put("unit", l.unit());
            item.put("declTotal", l.amount());
            item.put("tradeCurr", l.currency() == null ? "CNY" : l.currency());
            goods.add(item);
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("sourceDocumentNo", d.documentNo());
        draft.put("tradeCode", d.enterprise());
        draft.put("tradeName", d.enterpriseName());
        draft.put("supvModeCode", d.header().getOrDefault("supervisionMode", "0110"));
        draft.put("iePort", d.header().getOrDefault("port", ""));
        draft.put("goods", goods);
        draft.put("generatedAt", clock.instant().toString());
        documents.setCustomsDraft(d.id(), draft);
        return draft;
    }

    // ---------------------------------------------------------------- declare

    /** 申报: logic check, then the sealed declaration to 金关二期; nothing changes when customs cannot be reached. */
    @Transactional
    public DeclarableDocument declare(CurrentActor actor, long id) {
        DeclarableDocument d = documents.findForUpdate(id)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.DOCUMENT_NOT_FOUND, id));
        access.checkWrite(actor, d);
        List<DocumentLine> lines = documents.lines(id);
        logicCheck(d, lines);
        guards.forEach(g -> g.beforeDeclare(d));
        Instant now = clock.instant();
        d.declare(now);
        Map<String, Object> draft = d.type().customsDraft()
                ? documents.customsDraft(id).orElseGet(() -> generateDraft(d)) : null;
        GoldenCustomsGateway gateway = customs.getIfAvailable();
        if (gateway == null) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_UNAVAILABLE);
        }
        String ledgerNo = d.ledgerId() == null ? null : ledgers.get(d.ledgerId()).ledgerNo();
        CustomsAck ack = gateway.declare(new CustomsDeclarationMessage(CustomsDeclarationMessage.TYPE, d.documentNo(),
                d.type().code(), d.enterprise(), d.changeRound(), ledgerNo, d.header(),
                lines.stream().map(l -> new CustomsDeclarationMessage.Line(l.id(), l.lineNo(), l.kind().name(), l.itemNo(),
                        l.hsCode(), l.nameZh(), l.unit(), l.quantity(), l.amount(), l.currency(), l.direction())).toList(),
                d.vehicle(), draft, environment.getProperty("hnsw.ledger.receipt-url")));
        if (!ack.received()) {
            throw new HnswException(LedgerErrorCode.CUSTOMS_REFUSED, ack.code() == null ? ack.status() : ack.code());
        }
        documents.update(d, now);
        jdbc.sql("""
                        INSERT INTO document_declaration (document_id, message_id, change_round, technical_status, sent_at)
                        VALUES (:d, :m, :r, :s, :at)""")
                .param("d", id).param("m", ack.messageId()).param("r", d.changeRound()).param("s", ack.status())
                .param("at", Timestamp.from(now)).update();
        String topic = EventTopics.topic("ledger", "document-declared");
        outbox.publish(topic, AGGREGATE, d.documentNo(), topic, Map.of("documentNo", d.documentNo(),
                "documentType", d.type().code(), "enterprise", d.enterprise(), "messageId", ack.messageId(),
                "changeRound", d.changeRound()));
        log.info("event=document-declared document={} type={} messageId={}", d.documentNo(), d.type().code(), ack.messageId());
        return documents.get(id);
    }

    /** 海关逻辑检控 before the push (rule R2, R9): every problem found, not just the first. */
    public List<String> logicProblems(DeclarableDocument d, List<DocumentLine> lines) {
        List<String> problems = new ArrayList<>();
        if (!d.type().lines().isEmpty() && lines.isEmpty()) {
            problems.add("无表体 / no lines");
        }
        if (d.ledgerId() != null) {
            Ledger ledger = ledgers.get(d.ledgerId());
            if (ledger.status() != cn.hnsw.ledger.posting.LedgerStatus.ACTIVE) {
                problems.add("账册 " + ledger.ledgerNo() + " 未生效 / ledger not active");
            }
        }
        Map<String, BigDecimal> decreases = new HashMap<>();
        for (DocumentLine l : lines) {
            String where = l.kind().nameZh() + " #" + l.lineNo();
            if (l.hsCode() != null && hsCodes.find(l.hsCode()).isEmpty()) {
                problems.add(where + ": 商品编码 " + l.hsCode() + " 不在税则表 / HS code unknown");
            }
            if (!l.kind().isCost() && (l.quantity() == null || l.quantity().signum() <= 0)) {
                problems.add(where + ": 数量须大于 0 / quantity must be positive");
            }
            boolean decrease = d.type().stockEffect() == StockEffect.DECREASE || "DECREASE".equals(l.direction());
            if (decrease && l.itemNo() != null && l.quantity() != null) {
                decreases.merge(l.itemNo(), l.quantity(), BigDecimal::add);
            }
        }
        if (d.ledgerId() != null) {
            decreases.forEach((item, qty) -> {
                BigDecimal available = postings.available(d.ledgerId(), item);
                if (qty.compareTo(available) > 0) {
                    problems.add("料号 " + item + ": 核减 " + qty.toPlainString() + " 大于库存 " + available.toPlainString()
                            + " / decrease exceeds stock");
                }
            });
        }
        if (d.type().code().equals(DocumentTypes.PROCESSING_LEDGER_SETUP)) {
            // the BOM declared with the set-up names only materials and products still on it (lines may be deleted after)
            java.util.Set<String> materials = new java.util.HashSet<>();
            java.util.Set<String> products = new java.util.HashSet<>();
            lines.forEach(l -> (l.kind() == LineKind.MATERIAL ? materials : l.kind() == LineKind.FINISHED_PRODUCT ? products
                    : new java.util.HashSet<String>()).add(l.itemNo()));
            for (DocumentLine l : lines) {
                if (l.kind() != LineKind.UNIT_CONSUMPTION) {
                    continue;
                }
                Object product = l.extra() == null ? null : l.extra().get("productItemNo");
                if (!materials.contains(l.itemNo())) {
                    problems.add("单损耗 #" + l.lineNo() + ": 料件 " + l.itemNo() + " 不在本设立的料件表体 / material not on the set-up");
                }
                if (product == null || !products.contains(product.toString())) {
                    problems.add("单损耗 #" + l.lineNo() + ": 成品 " + product + " 不在本设立的成品表体 / product not on the set-up");
                }
            }
        }
        if (isValueAddedCode(d)) {
            long products = lines.stream().filter(l -> l.kind() == LineKind.FINISHED_PRODUCT).count();
            if (products != 1) {
                problems.add("须有且仅有一个成品 / exactly one finished product");
            }
            if (d.header().get("salePrice") == null) {
                problems.add("缺少内销价格 / domestic-sale price missing");
            }
        }
        return problems;
    }

    private void logicCheck(DeclarableDocument d, List<DocumentLine> lines) {
        List<String> problems = logicProblems(d, lines);
        if (!problems.isEmpty()) {
            throw new HnswException(LedgerErrorCode.LOGIC_CHECK_FAILED, String.join("；", problems));
        }
        if (d.type().code().equals(DocumentTypes.CONFIRMATION_CODE_FILING)) {
            ValueAddedCalculation va = valueAdded(d, lines);
            if (!va.qualifies()) {
                throw new HnswException(LedgerErrorCode.VALUE_ADDED_BELOW_THRESHOLD, va.ratePct().toPlainString(),
                        va.thresholdPct().toPlainString());
            }
        }
    }

    private static boolean isValueAddedCode(DeclarableDocument d) {
        return d.type().code().equals(DocumentTypes.CUMULATIVE_CODE_FILING) || d.type().code().equals(DocumentTypes.CONFIRMATION_CODE_FILING);
    }

    /** The value-added computation of a cumulative or confirmation code, line by line. */
    public ValueAddedCalculation valueAdded(DeclarableDocument d, List<DocumentLine> lines) {
        Object price = d.header().get("salePrice");
        if (price == null) {
            throw new HnswException(LedgerErrorCode.VALUE_ADDED_INPUT_INVALID, "salePrice");
        }
        List<CostLine> costs = lines.stream().filter(l -> l.kind().isCost())
                .map(l -> new CostLine(l.kind().name(), (l.itemNo() == null ? "" : l.itemNo() + " ") + Objects.toString(l.nameZh(), ""),
                        l.amount(), l.extra().get("materialBase") == null ? null : new BigDecimal(l.extra().get("materialBase").toString()),
                        (String) l.extra().get("sourceDocumentNo")))
                .toList();
        LocalDate day = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        return ValueAddedCalculator.compute(new BigDecimal(price.toString()), costs, rules.inForce(day));
    }

    // ---------------------------------------------------------------- receipts

    /** Applies one verified receipt from 金关二期 exactly once. */
    @Transactional
    public DeclarableDocument applyReceipt(CustomsReceiptMessage receipt, String messageId, String senderKeyId) {
        if (receipt.receiptId() == null || receipt.receiptId().isBlank() || receipt.documentNo() == null || receipt.kind() == null) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "receiptId, documentNo, kind");
        }
        DeclarableDocument found = documents.findByNumber(receipt.documentNo())
                .orElseThrow(() -> new HnswException(LedgerErrorCode.DOCUMENT_NOT_FOUND, receipt.documentNo()));
        DeclarableDocument d = documents.findForUpdate(found.id()).orElseThrow();
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        INSERT INTO document_receipt (receipt_id, document_id, receipt_kind, status_after, reason, message_id,
                            sender_key_id, issued_at, received_at)
                        VALUES (:r, :d, :k, :s, :reason, :m, :sender, :issued, :now)
                        ON CONFLICT (receipt_id) DO NOTHING""")
                .param("r", receipt.receiptId()).param("d", d.id()).param("k", receipt.kind())
                .param("s", d.status().name()).param("reason", receipt.reason()).param("m", messageId)
                .param("sender", senderKeyId)
                .param("issued", Timestamp.from(receipt.issuedAt() == null ? now : receipt.issuedAt()))
                .param("now", Timestamp.from(now)).update();
        if (inserted == 0) {
            throw new HnswException(LedgerErrorCode.RECEIPT_ALREADY_APPLIED, receipt.receiptId());
        }
        List<LedgerPosting> booked = List.of();
        switch (receipt.kind()) {
            case "RECEIVED" -> {
                requireReceipt(d, DocumentStatus.Action.RECEIPT_RECEIVED, receipt.kind());
                d.receiptReceived();
            }
            case "APPROVED" -> {
                requireReceipt(d, DocumentStatus.Action.RECEIPT_APPROVED, receipt.kind());
                boolean first = d.approve(now);
                booked = onApproved(d, first, receipt.receiptId(), now);
            }
            case "RETURNED" -> {
                requireReceipt(d, DocumentStatus.Action.RECEIPT_RETURNED, receipt.kind());
                d.returned(receipt.reason() == null ? "海关退回 / returned" : receipt.reason());
            }
            case "FORMAL_DATA" -> {
                requireReceipt(d, DocumentStatus.Action.RECEIPT_FORMAL_DATA, receipt.kind());
                if (d.type().approvalAction() != ApprovalAction.CREATE_LEDGER) {
                    throw new HnswException(LedgerErrorCode.RECEIPT_NOT_APPLICABLE, d.documentNo(), d.status().name(), receipt.kind());
                }
                Ledger ledger = ledgers.findBySetupDocument(d.id()).orElseThrow();
                ledgers.activate(ledger.id(), receipt.formalDataRef() == null ? receipt.receiptId() : receipt.formalDataRef(), now);
                for (DocumentLine l : documents.lines(d.id())) {
                    if (l.kind() == LineKind.UNIT_CONSUMPTION) {
                        continue; // the set-up's BOM, not an item of the ledger
                    }
                    ledgers.registerItem(ledger.id(), l.itemNo(), l.kind().name(), l.hsCode(), l.nameZh(), l.unit());
                }
            }
            default -> throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "kind " + receipt.kind());
        }
        documents.update(d, now);
        jdbc.sql("UPDATE document_receipt SET status_after = :s WHERE receipt_id = :r")
                .param("s", d.status().name()).param("r", receipt.receiptId()).update();
        String topic = EventTopics.topic("ledger", "receipt-received");
        outbox.publish(topic, AGGREGATE, d.documentNo(), topic, Map.of("documentNo", d.documentNo(),
                "receiptId", receipt.receiptId(), "kind", receipt.kind(), "status", d.status().name()));
        if (!booked.isEmpty()) {
            String postingTopic = EventTopics.topic("ledger", "posting-booked");
            outbox.publish(postingTopic, "LedgerPosting", d.documentNo(), postingTopic, Map.of("documentNo", d.documentNo(),
                    "ledgerId", d.ledgerId(), "postings", booked.stream().map(p -> Map.of("itemNo", p.itemNo(),
                            "direction", p.direction().name(), "quantity", p.quantity(), "balanceAfter", p.balanceAfter())).toList()));
        }
        log.info("event=receipt-applied document={} receipt={} kind={} status={} postings={}", d.documentNo(),
                receipt.receiptId(), receipt.kind(), d.status(), booked.size());
        return documents.get(d.id());
    }

    private static void requireReceipt(DeclarableDocument d, DocumentStatus.Action action, String kind) {
        if (!d.status().allows(action)) {
            throw new HnswException(LedgerErrorCode.RECEIPT_NOT_APPLICABLE, d.documentNo(), d.status().name(), kind);
        }
    }

    private List<LedgerPosting> onApproved(DeclarableDocument d, boolean first, String receiptId, Instant now) {
        List<DocumentLine> lines = documents.lines(d.id());
        switch (d.type().approvalAction()) {
            case ENTER_COMMODITY_LIBRARY -> lines.forEach(l -> commodities.upsert(d.enterprise(), l, d.id()));
            case CREATE_LEDGER -> {
                if (first) {
                    ledgers.create("HNZB" + d.documentNo().substring(4), d.enterprise(), d.enterpriseName(),
                            d.type().ledgerType(), d.id(), now);
                }
            }
            case CANCEL_LEDGER -> ledgers.cancel(d.ledgerId(), now);
            case NONE -> {
            }
        }
        if (isValueAddedCode(d)) {
            ValueAddedCalculation va = valueAdded(d, lines);
            BigDecimal productQty = lines.stream().filter(l -> l.kind() == LineKind.FINISHED_PRODUCT)
                    .map(DocumentLine::quantity).findFirst().orElse(BigDecimal.ONE);
            Map<String, Object> header = new LinkedHashMap<>(d.header());
            header.put("valueAddedRatePct", va.ratePct());
            header.put("materialBase", va.materialBase());
            header.put("materialBasePerUnit", va.materialBase().divide(productQty, 6, RoundingMode.HALF_UP));
            jdbc.sql("UPDATE declarable_document SET header = CAST(:h AS jsonb) WHERE id = :id")
                    .param("h", documents.write(header)).param("id", d.id()).update();
            d.recordComputed(header);
        }
        if (!first || !d.type().movesStock()) {
            return List.of();
        }
        List<PostingRequest> requests = new ArrayList<>();
        for (DocumentLine l : lines) {
            Direction direction = switch (d.type().stockEffect()) {
                case INCREASE -> Direction.INCREASE;
                case DECREASE -> Direction.DECREASE;
                case PER_LINE -> Direction.valueOf(l.direction());
                case NONE -> throw new IllegalStateException();
            };
            requests.add(new PostingRequest(d.ledgerId(), l.kind().name(), l.itemNo(), l.hsCode(), l.nameZh(), l.unit(),
                    direction, l.quantity(), d.id(), d.documentNo(), d.type().code(), l.id(), receiptId));
        }
        return postings.book(requests);
    }

    // ---------------------------------------------------------------- change, void, vehicle

    @Transactional
    public DeclarableDocument startChange(CurrentActor actor, long id) {
        DeclarableDocument d = writable(actor, id);
        d.startChange();
        documents.update(d, clock.instant());
        return documents.get(id);
    }

    /** 基本信息删除: a draft that never went to customs may be deleted with its lines and attachments' rows. */
    @Transactional
    public void deleteDraft(CurrentActor actor, long id) {
        DeclarableDocument d = writable(actor, id);
        if (d.status() != DocumentStatus.DRAFT || d.declaredAt() != null) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_NOT_EDITABLE, d.documentNo(), d.status().nameZh() + "/" + d.status().name());
        }
        jdbc.sql("DELETE FROM document_attachment WHERE document_id = :id").param("id", id).update();
        jdbc.sql("DELETE FROM declarable_document WHERE id = :id").param("id", id).update();
    }

    @Transactional
    public DeclarableDocument voidDocument(CurrentActor actor, long id) {
        DeclarableDocument d = writable(actor, id);
        boolean wasApproved = d.status() == DocumentStatus.APPROVED;
        d.voidIt();
        if (wasApproved && d.type().approvalAction() == ApprovalAction.ENTER_COMMODITY_LIBRARY) {
            commodities.removeFiling(d.id());
        }
        documents.update(d, clock.instant());
        return documents.get(id);
    }

    @Transactional
    public DeclarableDocument changeVehicle(CurrentActor actor, long id, Map<String, Object> vehicle) {
        DeclarableDocument d = writable(actor, id);
        d.changeVehicle(vehicle);
        documents.update(d, clock.instant());
        return documents.get(id);
    }

    /** 详情预览: the document with lines, attachments, receipt history, postings and customs draft. */
    public DocumentView view(DeclarableDocument d) {
        List<Map<String, Object>> attachments = jdbc.sql("""
                        SELECT id, file_name AS "fileName", content_type AS "contentType", size_bytes AS "sizeBytes",
                               sm3_digest AS "sm3", uploaded_by AS "uploadedBy", uploaded_at AS "uploadedAt"
                        FROM document_attachment WHERE document_id = :d ORDER BY id""")
                .param("d", d.id()).query().listOfRows();
        List<Map<String, Object>> receipts = jdbc.sql("""
                        SELECT receipt_id AS "receiptId", receipt_kind AS "kind", status_after AS "statusAfter", reason,
                               message_id AS "messageId", issued_at AS "issuedAt", received_at AS "receivedAt"
                        FROM document_receipt WHERE document_id = :d ORDER BY id""")
                .param("d", d.id()).query().listOfRows();
        return DocumentView.of(d, documents.lines(d.id()), attachments, receipts, ledgers.postingsOfDocument(d.id()),
                documents.customsDraft(d.id()).orElse(null));
    }

    // ---------------------------------------------------------------- reads

    /** The lines of a document the actor may read. */
    public List<DocumentLine> readLines(CurrentActor actor, long id) {
        read(actor, id);
        return documents.lines(id);
    }

    public DeclarableDocument read(CurrentActor actor, long id) {
        DeclarableDocument d = documents.get(id);
        access.checkRead(actor, d);
        return d;
    }

    /** Locks a document the actor may edit, in a state that allows editing (attachments follow the lines' rule). */
    @Transactional
    public DeclarableDocument lockForEdit(CurrentActor actor, long id) {
        DeclarableDocument d = writable(actor, id);
        d.checkEditable();
        return d;
    }

    /** Line edits: the document's own business, or (for a delegate) the business of the touched line kinds. */
    private DeclarableDocument writableLines(CurrentActor actor, long id, java.util.Collection<LineKind> kinds) {
        DeclarableDocument d = documents.findForUpdate(id)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.DOCUMENT_NOT_FOUND, id));
        access.checkLineWrite(actor, d, kinds);
        return d;
    }

    private List<LineKind> kindsOf(long id, List<Long> lineIds) {
        return documents.lines(id).stream().filter(l -> lineIds.contains(l.id())).map(DocumentLine::kind).distinct().toList();
    }

    private DeclarableDocument writable(CurrentActor actor, long id) {
        DeclarableDocument d = documents.findForUpdate(id)
                .orElseThrow(() -> new HnswException(LedgerErrorCode.DOCUMENT_NOT_FOUND, id));
        access.checkWrite(actor, d);
        return d;
    }

    private static void checkVersion(DeclarableDocument d, int version) {
        if (version >= 0 && d.version() != version) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_VERSION_CONFLICT, d.documentNo());
        }
    }
}
