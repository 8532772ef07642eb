package cn.hnsw.ledger.material;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DeclarationGuard;
import cn.hnsw.ledger.document.DocumentLine;
import cn.hnsw.ledger.document.DocumentRepository;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentStatus;
import cn.hnsw.ledger.document.DocumentTypes;
import cn.hnsw.ledger.document.LineKind;
import cn.hnsw.ledger.document.LinkTarget;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import cn.hnsw.ledger.valueadded.ValueAddedCalculation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 岛内自产料件 and 国产采购料件 registrations (spec modules C and D) beyond what the document engine does for every
 * type: the recognition check of an island-made material registration (认定校验, rule R6: a proof attachment, a
 * producer registered in Hainan, a price on every line), which its declaration must pass; the cost lines of a
 * cumulative or confirmation code may be declared only while the registrations they link to are still approved (rule
 * R10); and the enterprise's statistics of both (FP 1593–1595, 1608–1610).
 */
@Service
public class MaterialRegistrations implements DeclarationGuard {

    /** Chars 3–8 of a unified social credit code are the registering authority's division; 46 is Hainan. */
    private static final String HAINAN_DIVISION = "46";

    private final DocumentRepository documents;
    private final DocumentService service;
    private final JdbcClient jdbc;

    public MaterialRegistrations(DocumentRepository documents, @org.springframework.context.annotation.Lazy DocumentService service,
                                 JdbcClient jdbc) {
        this.documents = documents;
        this.service = service;
        this.jdbc = jdbc;
    }

    /** One item of the recognition check. */
    public record Check(String code, boolean passed, String messageZh, String messageEn) {
    }

    /** 认定符合性: conforming when every check passed. */
    public record Recognition(String documentNo, boolean conforming, String conformityZh, String conformityEn, List<Check> checks) {
    }

    /** 岛内自产料件认定校验 of one island-made material registration. */
    public Recognition recognise(DeclarableDocument d) {
        if (!d.type().code().equals(DocumentTypes.ISLAND_MATERIAL_REGISTRATION)) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_TYPE_UNKNOWN, d.type().code());
        }
        List<Check> checks = new ArrayList<>();
        int proofs = jdbc.sql("SELECT count(*) FROM document_attachment WHERE document_id = :d")
                .param("d", d.id()).query(Integer.class).single();
        checks.add(new Check("PROOF_ATTACHMENT", proofs > 0, "已上传证明附件（" + proofs + " 份）",
                "proof attachment uploaded (" + proofs + ")"));
        Object producer = d.header().get("producerUscc");
        String uscc = producer == null ? "" : producer.toString().trim();
        boolean hainan = uscc.matches("[0-9A-HJ-NPQRTUWXY]{18}") && uscc.substring(2, 8).startsWith(HAINAN_DIVISION);
        checks.add(new Check("PRODUCER_IN_HAINAN", hainan,
                "生产企业 " + (uscc.isEmpty() ? "（未填写）" : uscc) + (hainan ? " 在海南省登记" : " 不是海南省登记的企业"),
                "producer " + (uscc.isEmpty() ? "(not given)" : uscc) + (hainan ? " is registered in Hainan" : " is not registered in Hainan")));
        List<DocumentLine> lines = documents.lines(d.id());
        boolean priced = !lines.isEmpty() && lines.stream().allMatch(l -> l.amount() != null && l.amount().signum() > 0);
        checks.add(new Check("LINES_PRICED", priced, "每一行料件都有价格（" + lines.size() + " 行）",
                "every material line has a price (" + lines.size() + " lines)"));
        boolean conforming = checks.stream().allMatch(Check::passed);
        return new Recognition(d.documentNo(), conforming, conforming ? "符合岛内自产认定" : "不符合岛内自产认定",
                conforming ? "conforms to the island-made material recognition" : "does not conform to the island-made material recognition", List.copyOf(checks));
    }

    @Override
    public void beforeDeclare(DeclarableDocument d) {
        String type = d.type().code();
        if (type.equals(DocumentTypes.ISLAND_MATERIAL_REGISTRATION)) {
            Recognition r = recognise(d);
            if (!r.conforming()) {
                throw new HnswException(LedgerErrorCode.ISLAND_MATERIAL_NOT_RECOGNISED, d.documentNo(),
                        String.join("；", r.checks().stream().filter(c -> !c.passed()).map(Check::messageZh).toList()),
                        String.join("; ", r.checks().stream().filter(c -> !c.passed()).map(Check::messageEn).toList()));
            }
        } else if (type.equals(DocumentTypes.DOMESTIC_MATERIAL_REGISTRATION)) {
            for (DocumentLine l : documents.lines(d.id())) {
                if (l.amount() == null || l.amount().signum() <= 0) {
                    throw new HnswException(LedgerErrorCode.LINE_FIELD_REQUIRED, l.lineNo(), "到厂价（不含增值税）/ delivered-to-factory price excluding VAT");
                }
            }
        } else if (type.equals(DocumentTypes.CUMULATIVE_CODE_FILING) || type.equals(DocumentTypes.CONFIRMATION_CODE_FILING)) {
            for (DocumentLine l : documents.lines(d.id())) {
                if (l.kind().isCost() && l.linkTarget() == LinkTarget.DOCUMENT_LINE && l.linkRef() != null) {
                    DeclarableDocument source = documents.documentOfLine(l.linkRef()).map(documents::get).orElse(null);
                    if (source == null || source.status() != DocumentStatus.APPROVED) {
                        throw new HnswException(LedgerErrorCode.COST_SOURCE_NOT_APPROVED, l.lineNo(),
                                source == null ? String.valueOf(l.linkRef()) : source.documentNo(),
                                source == null ? "-" : source.status().nameZh(), source == null ? "-" : source.status().nameEn());
                    }
                }
            }
        }
    }

    /**
     * 岛内自产料件统计 and 国产采购料件统计 of one enterprise: registered (approved) quantity, the value-added codes
     * (batches) whose cost lines link to them, the cost they contribute, and for island materials the total sale price
     * of the approved codes among those that reached the value-added threshold.
     */
    public Map<String, Object> statistics(String enterprise) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("island", statisticsOf(enterprise, DocumentTypes.ISLAND_MATERIAL_REGISTRATION, LineKind.ISLAND_MATERIAL_COST));
        out.put("domestic", statisticsOf(enterprise, DocumentTypes.DOMESTIC_MATERIAL_REGISTRATION, LineKind.DOMESTIC_MATERIAL_COST));
        return out;
    }

    private Map<String, Object> statisticsOf(String enterprise, String registrationType, LineKind costKind) {
        Map<String, Object> registered = jdbc.sql("""
                        SELECT count(DISTINCT d.id) AS registrations, count(l.id) AS lines,
                               coalesce(sum(l.quantity), 0) AS quantity, coalesce(sum(l.amount), 0) AS amount
                        FROM declarable_document d LEFT JOIN document_line l ON l.document_id = d.id
                        WHERE d.enterprise = :e AND d.document_type = :t AND d.status = 'APPROVED'""")
                .param("e", enterprise).param("t", registrationType).query().singleRow();
        List<Map<String, Object>> used = jdbc.sql("""
                        SELECT c.id AS code_id, sum(cl.amount) AS cost
                        FROM declarable_document c
                        JOIN document_line cl ON cl.document_id = c.id AND cl.line_kind = :k AND cl.link_target = 'DOCUMENT_LINE'
                        JOIN document_line rl ON rl.id = cl.link_ref
                        JOIN declarable_document r ON r.id = rl.document_id AND r.document_type = :t
                        WHERE c.enterprise = :e AND c.status = 'APPROVED'
                          AND c.document_type IN ('CUMULATIVE_CODE_FILING', 'CONFIRMATION_CODE_FILING')
                        GROUP BY c.id ORDER BY c.id""")
                .param("e", enterprise).param("t", registrationType).param("k", costKind.name()).query().listOfRows();
        BigDecimal cost = BigDecimal.ZERO;
        BigDecimal qualifyingSales = BigDecimal.ZERO;
        for (Map<String, Object> u : used) {
            cost = cost.add((BigDecimal) u.get("cost"));
            DeclarableDocument code = documents.get(((Number) u.get("code_id")).longValue());
            ValueAddedCalculation va = service.valueAdded(code, documents.lines(code.id()));
            if (va.qualifies()) {
                qualifyingSales = qualifyingSales.add(va.salePrice());
            }
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("registrations", ((Number) registered.get("registrations")).longValue());
        s.put("lines", ((Number) registered.get("lines")).longValue());
        s.put("quantity", registered.get("quantity"));
        s.put("registeredAmount", registered.get("amount"));
        s.put("valueAddedBatches", used.size());
        s.put("valueAddedCost", cost);
        s.put("qualifyingSalePrice", qualifyingSales);
        return s;
    }
}
