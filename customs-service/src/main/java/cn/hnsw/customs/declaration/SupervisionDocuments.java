package cn.hnsw.customs.declaration;

import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * 监管证件检查 (FP 437, 893, 1178): a first-line general, second-line general or domestic-sale declaration carries the
 * supervision documents attached to it (type and number); a commodity whose licence condition (监管条件, one
 * ATTACHED_DOCUMENT code per character, kept by operators) names a type not attached is refused at declaring with its
 * own message. Direct release refuses licensed goods altogether (rule LICENCE-CONTROLLED-GOODS).
 */
@Service
public class SupervisionDocuments {

    static final Set<DeclarationType> CHECKED = EnumSet.of(DeclarationType.FIRST_LINE_GENERAL,
            DeclarationType.SECOND_LINE_GENERAL, DeclarationType.SECOND_LINE_DOMESTIC_SALE);
    private static final Pattern HS = Pattern.compile("\\d{10}");
    private static final int MAX_DOCUMENTS = 50;

    public record Document(String docType, String docNo) {
    }

    public record Condition(String hsCode, String conditionCodes, String updatedBy, Instant updatedAt) {
    }

    public record ConditionChange(String conditionCodes) {
    }

    private final JdbcClient jdbc;

    public SupervisionDocuments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Document> attached(UUID declarationId) {
        return jdbc.sql("SELECT doc_type, doc_no FROM declaration_attached_document WHERE declaration_id = :d ORDER BY doc_type, doc_no")
                .param("d", declarationId).query((rs, n) -> new Document(rs.getString(1), rs.getString(2))).list();
    }

    /** Replaces the declaration's attached documents; the caller checked the declaration may be changed. */
    void replace(UUID declarationId, List<Document> documents) {
        if (documents == null || documents.size() > MAX_DOCUMENTS) {
            throw new HnswException(CustomsErrorCode.ATTACHED_DOCUMENT_INVALID, "最多" + MAX_DOCUMENTS + "份",
                    "at most " + MAX_DOCUMENTS);
        }
        Map<String, String> types = documentTypes();
        Set<Document> clean = new LinkedHashSet<>();
        for (Document d : documents) {
            String type = d == null || d.docType() == null ? "" : d.docType().trim();
            String no = d == null || d.docNo() == null ? "" : d.docNo().trim();
            if (!types.containsKey(type)) {
                throw new HnswException(CustomsErrorCode.ATTACHED_DOCUMENT_INVALID, "监管证件代码“" + type + "”不在监管证件代码表中",
                        "document type " + type + " is not in the attached document code table");
            }
            if (no.isEmpty() || no.length() > 40) {
                throw new HnswException(CustomsErrorCode.ATTACHED_DOCUMENT_INVALID, "监管证件编号须为1至40位",
                        "the document number holds 1 to 40 characters");
            }
            clean.add(new Document(type, no));
        }
        jdbc.sql("DELETE FROM declaration_attached_document WHERE declaration_id = :d").param("d", declarationId).update();
        for (Document d : clean) {
            jdbc.sql("INSERT INTO declaration_attached_document (declaration_id, doc_type, doc_no) VALUES (:d, :t, :n)")
                    .param("d", declarationId).param("t", d.docType()).param("n", d.docNo()).update();
        }
    }

    /** Refuses the declaration when an item's licence condition names a document type it does not carry. */
    void check(CustomsDeclaration d) {
        if (!CHECKED.contains(d.type())) {
            return;
        }
        Set<String> carried = attached(d.id()).stream().map(Document::docType).collect(Collectors.toSet());
        Map<String, String> types = null;
        for (DeclarationItem item : d.items()) {
            if (item.hsCode() == null) {
                continue;
            }
            String condition = condition(item.hsCode()).map(Condition::conditionCodes).orElse("");
            for (char c : condition.toCharArray()) {
                String type = String.valueOf(c);
                if (!carried.contains(type)) {
                    types = types == null ? documentTypes() : types;
                    String[] name = types.getOrDefault(type, type + "\u0000" + type).split("\u0000", 2);
                    throw new HnswException(CustomsErrorCode.SUPERVISION_DOCUMENT_MISSING, item.seq(), item.hsCode(),
                            condition, name[0], type, name[1]);
                }
            }
        }
    }

    public java.util.Optional<Condition> condition(String hsCode) {
        return jdbc.sql("SELECT * FROM commodity_supervision_condition WHERE hs_code = :h").param("h", hsCode)
                .query((rs, n) -> new Condition(rs.getString("hs_code"), rs.getString("condition_codes"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    public List<Condition> conditions() {
        return jdbc.sql("SELECT * FROM commodity_supervision_condition ORDER BY hs_code")
                .query((rs, n) -> new Condition(rs.getString("hs_code"), rs.getString("condition_codes"),
                        rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    @Transactional
    public Condition saveCondition(String hsCode, ConditionChange change, String by) {
        if (hsCode == null || !HS.matcher(hsCode).matches()) {
            throw new HnswException(CustomsErrorCode.SUPERVISION_CONDITION_INVALID, "商品编号须为10位数字",
                    "the commodity code has 10 digits");
        }
        String codes = change == null || change.conditionCodes() == null ? "" : change.conditionCodes().trim();
        Map<String, String> types = documentTypes();
        if (codes.isEmpty() || codes.length() > 20
                || !codes.chars().allMatch(c -> types.containsKey(String.valueOf((char) c)))) {
            throw new HnswException(CustomsErrorCode.SUPERVISION_CONDITION_INVALID,
                    "监管条件“" + codes + "”须由监管证件代码组成", "licence condition " + codes + " must consist of attached document codes");
        }
        jdbc.sql("""
                INSERT INTO commodity_supervision_condition (hs_code, condition_codes, updated_by) VALUES (:h, :c, :by)
                ON CONFLICT (hs_code) DO UPDATE SET condition_codes = :c, updated_by = :by, updated_at = now()""")
                .param("h", hsCode).param("c", codes).param("by", by).update();
        return condition(hsCode).orElseThrow();
    }

    @Transactional
    public void deleteCondition(String hsCode) {
        if (jdbc.sql("DELETE FROM commodity_supervision_condition WHERE hs_code = :h").param("h", hsCode).update() == 0) {
            throw new HnswException(CustomsErrorCode.SUPERVISION_CONDITION_INVALID, "商品" + hsCode + "未设置监管条件",
                    "no licence condition is set for " + hsCode);
        }
    }

    /** The current ATTACHED_DOCUMENT code table: code → Chinese and English names joined by a NUL. */
    private Map<String, String> documentTypes() {
        return jdbc.sql("""
                        SELECT e.code, e.name_zh, e.name_en FROM clearance_parameter_entry e JOIN clearance_parameter_table t
                          ON t.code = e.table_code AND t.current_version = e.version WHERE t.code = 'ATTACHED_DOCUMENT'""")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2) + "\u0000" + rs.getString(3))).list()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
    }
}
