package cn.hnsw.ledger.guide;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * 业务指引 (FP 1330–1459): guides per business topic with their process steps (流程信息) and attached files in object
 * storage. The single-window operator creates, modifies and deletes them; every ledger user reads them.
 */
@Service
public class GuideService {

    static final String BUCKET = "ledger-guides";
    static final long MAX_BYTES = 20L * 1024 * 1024;
    static final Set<String> TYPES = Set.of("application/pdf", "image/jpeg", "image/png", "video/mp4",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip");

    private final JdbcClient jdbc;
    private final ObjectProvider<ObjectStorage> storage;
    private final ObjectMapper mapper;
    private final Clock clock;

    public GuideService(JdbcClient jdbc, ObjectProvider<ObjectStorage> storage, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.mapper = mapper;
        this.clock = clock;
    }

    public record Topic(String code, String nameZh, String nameEn, int sort, long guides) {
    }

    public record Step(String title, String description) {
    }

    public record Attachment(long id, long guideId, String fileName, String contentType, long sizeBytes, String sm3) {
    }

    public record Guide(long id, String topic, String title, String summary, List<Step> steps, int version,
                        String updatedBy, Instant updatedAt, List<Attachment> attachments) {
    }

    public record GuideInput(String topic, String title, String summary, List<Step> steps) {
    }

    public List<Topic> topics() {
        return jdbc.sql("""
                        SELECT t.code, t.name_zh, t.name_en, t.sort, count(g.id) AS guides FROM ledger_guide_topic t
                        LEFT JOIN ledger_guide g ON g.topic = t.code GROUP BY t.code ORDER BY t.sort""")
                .query((rs, n) -> new Topic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5))).list();
    }

    /** 指引查询: the guides of a topic (all topics when null), newest first. */
    public List<Guide> list(String topic) {
        return jdbc.sql("SELECT id FROM ledger_guide WHERE (CAST(:t AS varchar) IS NULL OR topic = :t) ORDER BY topic, id DESC")
                .param("t", topic).query(Long.class).list().stream().map(this::get).toList();
    }

    public Guide get(long id) {
        List<Attachment> attachments = jdbc.sql("""
                        SELECT id, guide_id, file_name, content_type, size_bytes, sm3_digest FROM ledger_guide_attachment
                        WHERE guide_id = :g ORDER BY id""")
                .param("g", id).query((rs, n) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getLong(5), rs.getString(6))).list();
        return jdbc.sql("""
                        SELECT id, topic, title, summary, steps::text, version, updated_by, updated_at FROM ledger_guide
                        WHERE id = :id""")
                .param("id", id).query((rs, n) -> new Guide(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), steps(rs.getString(5)), rs.getInt(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant(), attachments)).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.GUIDE_NOT_FOUND, id));
    }

    /** 指引新建. */
    @Transactional
    public Guide create(CurrentActor actor, GuideInput input) {
        validate(input);
        Timestamp now = Timestamp.from(clock.instant());
        long id = jdbc.sql("""
                        INSERT INTO ledger_guide (topic, title, summary, steps, created_by, created_at, updated_by, updated_at)
                        VALUES (:t, :title, :s, CAST(:steps AS jsonb), :u, :at, :u, :at) RETURNING id""")
                .param("t", input.topic()).param("title", input.title().strip()).param("s", input.summary())
                .param("steps", json(input.steps())).param("u", actor.username()).param("at", now)
                .query(Long.class).single();
        return get(id);
    }

    /** 指引修改 (the topic stays). */
    @Transactional
    public Guide update(CurrentActor actor, long id, GuideInput input) {
        Guide current = get(id);
        validate(new GuideInput(current.topic(), input.title(), input.summary(), input.steps()));
        jdbc.sql("""
                        UPDATE ledger_guide SET title = :title, summary = :s, steps = CAST(:steps AS jsonb),
                            version = version + 1, updated_by = :u, updated_at = :at WHERE id = :id""")
                .param("title", input.title().strip()).param("s", input.summary()).param("steps", json(input.steps()))
                .param("u", actor.username()).param("at", Timestamp.from(clock.instant())).param("id", id).update();
        return get(id);
    }

    /** 指引删除, with its files. */
    @Transactional
    public void delete(long id) {
        Guide g = get(id);
        List<Map.Entry<String, String>> objects = jdbc.sql(
                        "SELECT bucket, object_key FROM ledger_guide_attachment WHERE guide_id = :g")
                .param("g", id).query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list();
        jdbc.sql("DELETE FROM ledger_guide_attachment WHERE guide_id = :g").param("g", id).update();
        jdbc.sql("DELETE FROM ledger_guide WHERE id = :id").param("id", g.id()).update();
        objects.forEach(o -> store().delete(o.getKey(), o.getValue()));
    }

    @Transactional
    public Attachment attach(CurrentActor actor, long guideId, String fileName, String contentType, byte[] content) {
        Guide g = get(guideId);
        if (content.length == 0 || content.length > MAX_BYTES) {
            throw new HnswException(LedgerErrorCode.ATTACHMENT_INVALID, "size 1 B – 20 MB");
        }
        if (contentType == null || !TYPES.contains(contentType)) {
            throw new HnswException(LedgerErrorCode.ATTACHMENT_INVALID, "type " + contentType);
        }
        String safeName = fileName == null ? "file" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        String key = g.topic() + "/" + g.id() + "/" + UUID.randomUUID() + "-" + safeName;
        String digest = HexFormat.of().formatHex(Sm3.digest(content));
        store().put(BUCKET, key, content, contentType);
        long id = jdbc.sql("""
                        INSERT INTO ledger_guide_attachment (guide_id, file_name, content_type, size_bytes, bucket, object_key,
                            sm3_digest, uploaded_by, uploaded_at)
                        VALUES (:g, :n, :t, :s, :b, :k, :h, :u, :at) RETURNING id""")
                .param("g", guideId).param("n", safeName).param("t", contentType).param("s", content.length)
                .param("b", BUCKET).param("k", key).param("h", digest).param("u", actor.username())
                .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
        return get(guideId).attachments().stream().filter(a -> a.id() == id).findFirst().orElseThrow();
    }

    public Map.Entry<Attachment, byte[]> download(long guideId, long attachmentId) {
        Map.Entry<String, String> where = jdbc.sql("""
                        SELECT bucket, object_key FROM ledger_guide_attachment WHERE id = :id AND guide_id = :g""")
                .param("id", attachmentId).param("g", guideId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.ATTACHMENT_NOT_FOUND, attachmentId));
        Attachment a = get(guideId).attachments().stream().filter(x -> x.id() == attachmentId).findFirst().orElseThrow();
        return Map.entry(a, store().get(where.getKey(), where.getValue()));
    }

    /**
     * 导入: the guides of a workbook into a topic, all of them or, when a row is wrong or a guide invalid, none, with
     * every wrong row reported.
     */
    @Transactional
    public List<Guide> importGuides(CurrentActor actor, String topic, Map.Entry<List<GuideFiles.ImportedGuide>, List<GuideFiles.RowError>> read) {
        List<cn.hnsw.common.web.FieldViolation> violations = new java.util.ArrayList<>();
        read.getValue().forEach(e -> violations.add(new cn.hnsw.common.web.FieldViolation("row[" + e.row() + "]",
                "GUIDE_ROW_INVALID", e.messageZh(), e.messageEn())));
        List<GuideInput> inputs = new java.util.ArrayList<>();
        for (GuideFiles.ImportedGuide g : read.getKey()) {
            GuideInput input = new GuideInput(topic, g.title(), g.summary(), g.steps());
            try {
                validate(input);
                inputs.add(input);
            } catch (HnswException e) {
                violations.add(new cn.hnsw.common.web.FieldViolation("row[" + g.row() + "]", e.errorCode().code(),
                        e.messageZh(), e.messageEn()));
            }
        }
        if (!violations.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_ROWS_INVALID, violations, null, violations.size());
        }
        if (inputs.isEmpty()) {
            throw new HnswException(LedgerErrorCode.EXCEL_UNREADABLE, "no guide in the file");
        }
        return inputs.stream().map(i -> create(actor, i)).toList();
    }

    public Topic topic(String code) {
        return topics().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new HnswException(LedgerErrorCode.GUIDE_INVALID, "未知的业务类别 / unknown topic " + code));
    }

    private void validate(GuideInput input) {
        if (input.topic() == null || jdbc.sql("SELECT count(*) FROM ledger_guide_topic WHERE code = :c")
                .param("c", input.topic()).query(Long.class).single() == 0) {
            throw new HnswException(LedgerErrorCode.GUIDE_INVALID, "未知的业务类别 / unknown topic " + input.topic());
        }
        if (input.title() == null || input.title().isBlank() || input.title().length() > 200) {
            throw new HnswException(LedgerErrorCode.GUIDE_INVALID, "标题须为 1–200 字 / title of 1–200 characters");
        }
        List<Step> steps = input.steps() == null ? List.of() : input.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) == null || steps.get(i).title() == null || steps.get(i).title().isBlank()) {
                throw new HnswException(LedgerErrorCode.GUIDE_INVALID, "第 " + (i + 1) + " 步缺少名称 / step " + (i + 1) + " has no title");
            }
        }
    }

    private String json(List<Step> steps) {
        try {
            return mapper.writeValueAsString(steps == null ? List.of() : steps);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Step> steps(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Step>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored guide steps are not readable", e);
        }
    }

    private ObjectStorage store() {
        ObjectStorage s = storage.getIfAvailable();
        if (s == null) {
            throw new HnswException(LedgerErrorCode.ATTACHMENT_INVALID, "object storage not configured");
        }
        return s;
    }
}
