package cn.hnsw.video.intake;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.intake.CascadeSourceAdapter.Operated;
import cn.hnsw.video.intake.FaceIntakeRepository.CascadeLink;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * 数据服务级联接口 over a cascade link: 查询检索 (the subordinate platform's captures matching field conditions, asked
 * sealed and answered in its own field names) and 数据操作 (add, update or delete a person record on the subordinate
 * platform through the sealed link; each operation kept with the answer — applied, or refused with the subordinate's
 * reason, which is a 409 here). A disabled link is used for neither; an unreachable platform is a 503 and no
 * operation is recorded.
 */
@Service
public class CascadeDataService {

    public static final Set<String> OPERATIONS = Set.of("ADD", "UPDATE", "DELETE");
    private static final Logger log = LoggerFactory.getLogger(CascadeDataService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One data operation with the subordinate's answer. */
    public record Operation(UUID id, UUID linkId, String operation, String recordType, String recordId,
            Map<String, Object> fields, boolean applied, String reason, String operatedBy, Instant operatedAt) {
    }

    private final FaceIntakeService links;
    private final CascadeSourceAdapter cascade;
    private final JdbcTemplate jdbc;

    public CascadeDataService(FaceIntakeService links, CascadeSourceAdapter cascade, JdbcTemplate jdbc) {
        this.links = links;
        this.cascade = cascade;
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> query(UUID linkId, Map<String, String> equals, Integer limit) {
        CascadeLink l = enabled(linkId);
        int n = limit == null ? 50 : limit;
        List<Map<String, Object>> found = cascade.query(l.partnerId(), equals == null ? Map.of() : equals, n);
        log.info("event=cascade-query link={} conditions={} found={}", l.code(), equals == null ? 0 : equals.size(),
                found.size());
        return found;
    }

    public Operation operate(UUID linkId, String operation, String recordType, String recordId,
            Map<String, Object> fields) {
        if (operation == null || !OPERATIONS.contains(operation)) {
            throw new HnswException(IntakeErrorCode.OPERATION_INVALID, operation);
        }
        if (!"DELETE".equals(operation) && (fields == null || fields.isEmpty())) {
            throw new HnswException(IntakeErrorCode.OPERATION_INVALID, operation + " without fields");
        }
        CascadeLink l = enabled(linkId);
        Map<String, Object> sent = "DELETE".equals(operation) || fields == null ? Map.of() : fields;
        Operated answer = cascade.operate(l.partnerId(), operation, recordType, recordId, sent);
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO cascade_data_operation (id, link_id, operation, record_type, record_id, fields, "
                + "applied, reason, operated_by) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)", id, linkId, operation,
                recordType, recordId, json(sent), answer.applied(), answer.reason(), Actors.current().username());
        log.info("event=cascade-operation link={} operation={} record={}/{} applied={} reason={}", l.code(), operation,
                recordType, recordId, answer.applied(), answer.reason());
        if (!answer.applied()) {
            throw new HnswException(IntakeErrorCode.OPERATION_REFUSED, answer.reason());
        }
        return operations(linkId).get(0);
    }

    public List<Operation> operations(UUID linkId) {
        links.link(linkId);
        return jdbc.query("SELECT * FROM cascade_data_operation WHERE link_id = ? ORDER BY operated_at DESC, id "
                + "LIMIT 200", (rs, i) -> new Operation(rs.getObject("id", UUID.class),
                        rs.getObject("link_id", UUID.class), rs.getString("operation"), rs.getString("record_type"),
                        rs.getString("record_id"), parse(rs.getString("fields")), rs.getBoolean("applied"),
                        rs.getString("reason"), rs.getString("operated_by"),
                        rs.getTimestamp("operated_at").toInstant()), linkId);
    }

    private CascadeLink enabled(UUID linkId) {
        CascadeLink l = links.link(linkId);
        if (!l.enabled()) {
            throw new HnswException(IntakeErrorCode.LINK_DISABLED, l.code());
        }
        return l;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> parse(String s) {
        try {
            return JSON.readValue(s, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
