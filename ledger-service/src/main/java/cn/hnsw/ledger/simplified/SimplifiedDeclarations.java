package cn.hnsw.ledger.simplified;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.Commodity;
import cn.hnsw.ledger.document.CommodityLibrary;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DeclarationGuard;
import cn.hnsw.ledger.document.DocumentAccess;
import cn.hnsw.ledger.document.DocumentLine;
import cn.hnsw.ledger.document.DocumentRepository;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentTypes;
import cn.hnsw.ledger.document.LedgerType;
import cn.hnsw.ledger.document.LineKind;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 简化申报数据 — the simplified declarations customs docks for a ledger (数据对接, 回执对接), the enterprise's list of
 * them and of those waiting to be booked (待入账), booking one into the ledger as an entry list linked to it (入账),
 * and the check before such an entry list is declared (rule R20): it names a simplified declaration of its own
 * enterprise and ledger that no other entry list books, and books no item beyond what was declared.
 */
@Service
public class SimplifiedDeclarations implements DeclarationGuard {

    public static final String MESSAGE = "SIMPLIFIED_DECLARATION";
    public static final String RECEIPT = "SIMPLIFIED_DECLARATION_RECEIPT";
    public static final String HEADER_FIELD = "simplifiedDeclarationNo";
    private static final Logger log = LoggerFactory.getLogger(SimplifiedDeclarations.class);

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final DocumentService documents;
    private final DocumentRepository repository;
    private final CommodityLibrary commodities;

    public SimplifiedDeclarations(JdbcClient jdbc, ObjectMapper json, Clock clock,
                                  @org.springframework.context.annotation.Lazy DocumentService documents,
                                  DocumentRepository repository, CommodityLibrary commodities) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.documents = documents;
        this.repository = repository;
        this.commodities = commodities;
    }

    /** One declared line. */
    public record Line(int seq, String itemNo, String hsCode, String nameZh, BigDecimal quantity, String unit,
                       BigDecimal unitPrice, String currency) {
    }

    /** A simplified declaration with whether (and by which entry list) it is booked. */
    public record Declaration(long id, String declarationNo, String enterprise, long ledgerId, String ledgerType,
                              String port, Instant declaredAt, List<Line> lines, String receiptStatus, String receiptNote,
                              Instant receiptAt, Instant dockedAt, Long entryDocumentId, String entryDocumentNo,
                              String entryStatus, boolean pendingBooking) {
    }

    // ---------------------------------------------------------------- docking (from the customs inbox)

    /** 数据对接: stores the declaration once; the same declaration docked again changes nothing. */
    @Transactional
    public Declaration dock(JsonNode m, String messageId) {
        String no = text(m, "declarationNo");
        String ledgerNo = text(m, "ledgerNo");
        if (no == null || ledgerNo == null || !m.path("lines").isArray() || m.path("lines").isEmpty()) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "declarationNo, ledgerNo, lines");
        }
        Map<String, Object> ledger = jdbc.sql("SELECT id, enterprise, ledger_type FROM ledger WHERE ledger_no = :n")
                .param("n", ledgerNo).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.RECEIPT_INVALID, "unknown ledger " + ledgerNo));
        String enterprise = (String) ledger.get("enterprise");
        if (text(m, "enterprise") != null && !enterprise.equals(text(m, "enterprise"))) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "enterprise is not the ledger's");
        }
        List<Line> lines = new ArrayList<>();
        int seq = 0;
        for (JsonNode l : m.path("lines")) {
            seq++;
            BigDecimal qty = l.path("quantity").isNumber() ? l.path("quantity").decimalValue() : null;
            if (text(l, "itemNo") == null || qty == null || qty.signum() <= 0) {
                throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "line " + seq + ": itemNo and a positive quantity");
            }
            lines.add(new Line(seq, text(l, "itemNo"), text(l, "hsCode"), text(l, "nameZh"), qty, text(l, "unit"),
                    l.path("unitPrice").isNumber() ? l.path("unitPrice").decimalValue() : null, text(l, "currency")));
        }
        Instant declaredAt = text(m, "declaredAt") == null ? clock.instant() : Instant.parse(text(m, "declaredAt"));
        Long id = jdbc.sql("""
                        INSERT INTO simplified_declaration (declaration_no, enterprise, ledger_id, ledger_type, port, declared_at,
                            lines, message_id, docked_at)
                        VALUES (:no, :e, :l, :t, :p, :d, CAST(:lines AS jsonb), :m, :at)
                        ON CONFLICT (declaration_no) DO NOTHING RETURNING id""")
                .param("no", no).param("e", enterprise).param("l", ((Number) ledger.get("id")).longValue())
                .param("t", ledger.get("ledger_type")).param("p", text(m, "port")).param("d", Timestamp.from(declaredAt))
                .param("lines", write(lines)).param("m", messageId).param("at", Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        log.info("event=simplified-declaration-docked declaration={} ledger={} new={}", no, ledgerNo, id != null);
        return byNumber(no).orElseThrow();
    }

    /** 回执对接: the ledger's simplified-declaration receipt, latest wins. */
    @Transactional
    public Declaration receipt(JsonNode m) {
        String no = text(m, "declarationNo");
        String status = text(m, "status");
        if (no == null || status == null) {
            throw new HnswException(LedgerErrorCode.RECEIPT_INVALID, "declarationNo, status");
        }
        int n = jdbc.sql("""
                        UPDATE simplified_declaration SET receipt_status = :s, receipt_note = :note, receipt_at = :at
                        WHERE declaration_no = :no""")
                .param("s", status).param("note", text(m, "note")).param("at", Timestamp.from(clock.instant()))
                .param("no", no).update();
        if (n == 0) {
            throw new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_NOT_FOUND, no);
        }
        return byNumber(no).orElseThrow();
    }

    // ---------------------------------------------------------------- the enterprise's views

    /** 数据列表展示 / 待入账列表: the enterprise's own (officers: all), of a ledger, optionally only those waiting. */
    public List<Declaration> list(CurrentActor actor, Long ledgerId, boolean pendingOnly) {
        String enterprise = DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser() ? null : DocumentAccess.ownEnterprise(actor);
        return jdbc.sql("""
                        SELECT id FROM simplified_declaration
                        WHERE (CAST(:e AS varchar) IS NULL OR enterprise = :e) AND (CAST(:l AS bigint) IS NULL OR ledger_id = :l)
                        ORDER BY id DESC LIMIT 500""")
                .param("e", enterprise).param("l", ledgerId).query(Long.class).list().stream()
                .map(this::load).filter(d -> !pendingOnly || d.pendingBooking()).toList();
    }

    /** 数据详情展示: another enterprise's declaration is not found. */
    public Declaration get(CurrentActor actor, long id) {
        Declaration d = load(id);
        if (!(DocumentAccess.isOfficer(actor) && !actor.isEnterpriseUser()) && !d.enterprise().equals(DocumentAccess.ownEnterprise(actor))) {
            throw new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_NOT_FOUND, id);
        }
        return d;
    }

    /**
     * 入账: an entry list of the ledger's type, linked to the declaration, its lines the declared items from the
     * enterprise's commodity library; refused when already booked or when an item is not filed.
     */
    @Transactional
    public DeclarableDocument book(CurrentActor actor, long id) {
        Declaration d = get(actor, id);
        jdbc.sql("SELECT id FROM simplified_declaration WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).list();
        if (!d.pendingBooking()) {
            throw new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_BOOKED, d.declarationNo(), d.entryDocumentNo());
        }
        boolean logistics = LedgerType.LOGISTICS.name().equals(d.ledgerType());
        Map<String, Commodity> library = new HashMap<>();
        commodities.list(d.enterprise(), null).forEach(c -> library.putIfAbsent(c.itemNo(), c));
        List<DocumentService.LineInput> lines = new ArrayList<>();
        for (Line l : d.lines()) {
            Commodity c = library.get(l.itemNo());
            if (c == null) {
                throw new HnswException(LedgerErrorCode.SIMPLIFIED_ITEM_NOT_FILED, d.declarationNo(), l.itemNo());
            }
            lines.add(new DocumentService.LineInput(logistics ? LineKind.GOODS : LineKind.MATERIAL, null, null, null, null,
                    null, l.quantity(), l.unitPrice(), null, l.currency(), null, c.id(), Map.of()));
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(HEADER_FIELD, d.declarationNo());
        if (d.port() != null) {
            header.put("port", d.port());
        }
        DeclarableDocument entry = documents.create(actor, new DocumentService.NewDocument(
                logistics ? DocumentTypes.LOGISTICS_ENTRY_SIMPLIFIED : DocumentTypes.PROCESSING_ENTRY_SIMPLIFIED, d.ledgerId(),
                null, "简化申报入账 " + d.declarationNo(), null, header, null));
        documents.addLines(actor, entry.id(), lines);
        log.info("event=simplified-declaration-booked declaration={} entry={}", d.declarationNo(), entry.documentNo());
        return repository.get(entry.id());
    }

    // ---------------------------------------------------------------- rule R20

    @Override
    public void beforeDeclare(DeclarableDocument document) {
        String type = document.type().code();
        if (!type.equals(DocumentTypes.LOGISTICS_ENTRY_SIMPLIFIED) && !type.equals(DocumentTypes.PROCESSING_ENTRY_SIMPLIFIED)) {
            return;
        }
        Object no = document.header() == null ? null : document.header().get(HEADER_FIELD);
        Declaration d = no == null ? null : byNumber(no.toString()).orElse(null);
        if (d == null || !d.enterprise().equals(document.enterprise()) || document.ledgerId() == null
                || d.ledgerId() != document.ledgerId()) {
            throw new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_REQUIRED, document.documentNo(),
                    "未关联或不属于本账册", "none linked, or not of this ledger");
        }
        if (d.entryDocumentId() != null && !d.entryDocumentId().equals(document.id())) {
            throw new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_BOOKED, d.declarationNo(), d.entryDocumentNo());
        }
        Map<String, BigDecimal> declared = new HashMap<>();
        d.lines().forEach(l -> declared.merge(l.itemNo(), l.quantity(), BigDecimal::add));
        Map<String, BigDecimal> booked = new HashMap<>();
        for (DocumentLine l : repository.lines(document.id())) {
            booked.merge(l.itemNo(), l.quantity() == null ? BigDecimal.ZERO : l.quantity(), BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> b : booked.entrySet()) {
            BigDecimal limit = declared.get(b.getKey());
            if (limit == null || b.getValue().compareTo(limit) > 0) {
                throw new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_REQUIRED, document.documentNo(),
                        "料号 " + b.getKey() + " 入账 " + b.getValue().stripTrailingZeros().toPlainString() + "，简化申报 "
                                + (limit == null ? "未申报" : limit.stripTrailingZeros().toPlainString()),
                        "item " + b.getKey() + " booked " + b.getValue().stripTrailingZeros().toPlainString() + ", declared "
                                + (limit == null ? "none" : limit.stripTrailingZeros().toPlainString()));
            }
        }
    }

    // ---------------------------------------------------------------- reading

    public Optional<Declaration> byNumber(String no) {
        return jdbc.sql("SELECT id FROM simplified_declaration WHERE declaration_no = :no").param("no", no)
                .query(Long.class).optional().map(this::load);
    }

    private Declaration load(long id) {
        return jdbc.sql("""
                        SELECT s.id, s.declaration_no, s.enterprise, s.ledger_id, s.ledger_type, s.port, s.declared_at,
                               s.lines::text, s.receipt_status, s.receipt_note, s.receipt_at, s.docked_at,
                               e.id AS entry_id, e.document_no AS entry_no, e.status AS entry_status
                        FROM simplified_declaration s
                        LEFT JOIN LATERAL (SELECT d.id, d.document_no, d.status FROM declarable_document d
                                           WHERE d.header->>'simplifiedDeclarationNo' = s.declaration_no AND d.status <> 'VOIDED'
                                             AND d.enterprise = s.enterprise
                                           ORDER BY d.id LIMIT 1) e ON TRUE
                        WHERE s.id = :id""")
                .param("id", id)
                .query((rs, n) -> {
                    Long entry = (Long) rs.getObject("entry_id");
                    return new Declaration(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getTimestamp(7).toInstant(), read(rs.getString(8)), rs.getString(9),
                            rs.getString(10), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                            rs.getTimestamp(12).toInstant(), entry, rs.getString("entry_no"), rs.getString("entry_status"),
                            entry == null);
                })
                .optional().orElseThrow(() -> new HnswException(LedgerErrorCode.SIMPLIFIED_DECLARATION_NOT_FOUND, id));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }

    private String write(List<Line> lines) {
        try {
            return json.writeValueAsString(lines);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Line> read(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Line>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
