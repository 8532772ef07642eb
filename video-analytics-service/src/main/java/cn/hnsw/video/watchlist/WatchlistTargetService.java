package cn.hnsw.video.watchlist;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.library.FaceLibraryService;
import cn.hnsw.video.recognition.FaceService;
import cn.hnsw.video.support.VideoErrorCode;
import cn.hnsw.video.themes.AccessTypeErrorCode;
import cn.hnsw.video.themes.AccessTypeService;
import cn.hnsw.video.themes.AccessTypeService.AccessType;
import cn.hnsw.video.watchlist.WatchlistFieldRepository.Field;
import cn.hnsw.video.watchlist.WatchlistRepository.TaskQuery;
import cn.hnsw.video.watchlist.WatchlistRepository.WatchlistTarget;
import cn.hnsw.video.watchlist.WatchlistTask.PendingAction;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 布控对象管理 of face-image and face-base tasks: the data items (数据项) administrators set per kind; targets entered
 * into a task awaiting its first review with a per-entry feedback (录入反馈), all or none; a target removed before
 * review (特征管理); a task's control instruction removed (布控指令删除); and the query of tasks (布控查询).
 */
@Service
public class WatchlistTargetService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<WatchlistKind> FACE_KINDS = Set.of(WatchlistKind.FACE_IMAGE, WatchlistKind.FACE_BASE);

    private final WatchlistRepository tasks;
    private final WatchlistFieldRepository fields;
    private final FaceLibraryService library;
    private final FaceService faces;
    private final ObjectStorage storage;
    private final AccessTypeService accessTypes;

    public WatchlistTargetService(WatchlistRepository tasks, WatchlistFieldRepository fields,
            FaceLibraryService library, FaceService faces, ObjectStorage storage, AccessTypeService accessTypes) {
        this.accessTypes = accessTypes;
        this.tasks = tasks;
        this.fields = fields;
        this.library = library;
        this.faces = faces;
        this.storage = storage;
    }

    // ---- 数据项 ----

    @Transactional
    public Field addField(WatchlistKind kind, String code, String labelZh, String labelEn, Boolean required,
            Integer maxLength, Integer position) {
        if (!FACE_KINDS.contains(kind) || code == null || !code.matches("[a-z][a-zA-Z0-9]{0,63}")) {
            throw new HnswException(VideoErrorCode.WATCHLIST_FIELD_INVALID, kind + "/" + code);
        }
        if (fields.codeTaken(kind, code)) {
            throw new HnswException(VideoErrorCode.WATCHLIST_FIELD_CODE_TAKEN, code);
        }
        Field f = new Field(UUID.randomUUID(), kind, code, labelZh.trim(), labelEn.trim(), Boolean.TRUE.equals(required),
                length(maxLength, 256), position == null ? 0 : position);
        fields.insert(f);
        return f;
    }

    /** 修改: labels, whether required, length and order; the kind and code stay (targets keep their values). */
    @Transactional
    public Field modifyField(UUID id, WatchlistKind kind, String code, String labelZh, String labelEn,
            Boolean required, Integer maxLength, Integer position) {
        Field old = fields.find(id).orElseThrow(() -> new HnswException(VideoErrorCode.WATCHLIST_FIELD_NOT_FOUND, id));
        if ((kind != null && kind != old.kind()) || (code != null && !code.equals(old.code()))) {
            throw new HnswException(VideoErrorCode.WATCHLIST_FIELD_INVALID, kind + "/" + code);
        }
        Field f = new Field(id, old.kind(), old.code(), labelZh.trim(), labelEn.trim(),
                required == null ? old.required() : required, length(maxLength, old.maxLength()),
                position == null ? old.position() : position);
        fields.update(f);
        return f;
    }

    public void deleteField(UUID id) {
        if (fields.delete(id) == 0) {
            throw new HnswException(VideoErrorCode.WATCHLIST_FIELD_NOT_FOUND, id);
        }
    }

    public List<Field> fields(WatchlistKind kind) {
        return fields.list(kind);
    }

    /** The values checked against the kind's data items: unknown, missing required and too long each reported. */
    public List<FieldViolation> checkFields(WatchlistKind kind, Map<String, String> values, String at) {
        List<FieldViolation> out = new ArrayList<>();
        if (!FACE_KINDS.contains(kind)) {
            return out;
        }
        Map<String, String> given = values == null ? Map.of() : values;
        Map<String, Field> byCode = fields.list(kind).stream()
                .collect(Collectors.toMap(Field::code, f -> f, (a, b) -> a, LinkedHashMap::new));
        for (String code : given.keySet()) {
            if (!byCode.containsKey(code)) {
                out.add(new FieldViolation(at + ".fields." + code, "UNKNOWN_FIELD", "未定义的布控数据项：" + code,
                        "No such watch-list data item: " + code));
            }
        }
        for (Field f : byCode.values()) {
            String v = given.get(f.code());
            if ((v == null || v.isBlank()) && f.required()) {
                out.add(new FieldViolation(at + ".fields." + f.code(), "REQUIRED", f.labelZh() + "不能为空",
                        f.labelEn() + " is required"));
            } else if (v != null && v.length() > f.maxLength()) {
                out.add(new FieldViolation(at + ".fields." + f.code(), "TOO_LONG",
                        f.labelZh() + "不能超过 " + f.maxLength() + " 个字符",
                        f.labelEn() + " is longer than " + f.maxLength() + " characters"));
            }
        }
        return out;
    }

    /** At submission: every target's data items, refused together (422) when any fails. */
    public void requireFields(WatchlistKind kind, List<Map<String, String>> targetFields) {
        List<FieldViolation> all = new ArrayList<>();
        for (int i = 0; i < targetFields.size(); i++) {
            all.addAll(checkFields(kind, targetFields.get(i), "targets[" + i + "]"));
        }
        if (!all.isEmpty()) {
            throw new HnswException(VideoErrorCode.TARGET_ENTRIES_REFUSED, all, null, all.size());
        }
    }

    public void storeFields(UUID targetId, Map<String, String> values, Double faceScore) {
        tasks.entered(targetId, json(values == null ? Map.of() : values), faceScore, Actors.current().username());
    }

    // ---- 布控对象录入 ----

    /** One target to enter: a face base record or a photo, a label and its data items. */
    public record Entry(UUID faceBaseRecordId, byte[] photo, String label, Map<String, String> fields) {
    }

    /** 录入反馈 of one entry: the target made of it and the score of the face found on its photo. */
    public record EntryFeedback(int index, UUID targetId, String label, UUID faceBaseRecordId, Double faceScore,
            Map<String, String> fields) {
    }

    private record Prepared(Entry entry, String label, UUID recordId, float[] descriptor, String photoKey,
            Double score) {
    }

    /**
     * Enters targets into a face task awaiting its first review (by its submitter): each entry is checked (the face
     * base record exists, the photo is readable with exactly one face, the data items); when any fails, none is stored
     * and the 422 names each failing entry; otherwise each gets its feedback.
     */
    @Transactional
    public List<EntryFeedback> enter(UUID taskId, List<Entry> entries) {
        return enter(taskId, null, entries);
    }

    /**
     * 布控对象接入类型 / 接入数据项 (FP 328, 329): entries that come in under an access type of the watch-list category
     * (or a custom one) reading external records are each checked against the type's items as they are now, like a
     * face data feed's records: a required item missing (the item named) or a value of the wrong kind refuses the
     * entry. An entry's record is its data items, its label as {@code name}, and its photo (or the face base record's
     * person code, name, ID number and photo).
     */
    @Transactional
    public List<EntryFeedback> enter(UUID taskId, String accessType, List<Entry> entries) {
        WatchlistTask task = editable(taskId);
        AccessType type = accessType == null || accessType.isBlank() ? null : watchlistType(accessType.trim());
        List<FieldViolation> refused = new ArrayList<>();
        List<Prepared> ready = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String at = "targets[" + i + "]";
            refused.addAll(checkFields(task.kind(), e.fields(), at));
            if (type != null) {
                String wrong = AccessTypeService.check(type, accessRow(e), new LinkedHashMap<>());
                if (wrong != null) {
                    HnswException ex = new HnswException(AccessTypeErrorCode.ACCESS_ITEM_INVALID, wrong);
                    refused.add(new FieldViolation(at + ".accessType." + wrong.split(" ")[0],
                            AccessTypeErrorCode.ACCESS_ITEM_INVALID.code(), ex.messageZh(), ex.messageEn()));
                }
            }
            try {
                if (e.faceBaseRecordId() != null) {
                    var record = library.record(e.faceBaseRecordId());
                    ready.add(new Prepared(e, e.label() == null || e.label().isBlank() ? record.name() : e.label(),
                            record.id(), library.descriptorOf(record.id()), record.photoKey(), null));
                } else if (e.photo() != null) {
                    AnalyzedFace face = faces.singleFace(faces.decode(e.photo()));
                    ready.add(new Prepared(e, e.label(), null, face.descriptor(), null, face.box().score()));
                } else {
                    throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
                }
            } catch (HnswException ex) {
                refused.add(new FieldViolation(at + (e.faceBaseRecordId() != null ? ".faceBaseRecordId"
                        : ".photoBase64"), ex.errorCode().code(), ex.messageZh(), ex.messageEn()));
            }
        }
        if (!refused.isEmpty()) {
            throw new HnswException(VideoErrorCode.TARGET_ENTRIES_REFUSED, refused, null,
                    refused.stream().map(v -> v.field().substring(0, v.field().indexOf(']') + 1)).distinct().count());
        }
        List<EntryFeedback> out = new ArrayList<>();
        String by = Actors.current().username();
        for (int i = 0; i < ready.size(); i++) {
            Prepared p = ready.get(i);
            UUID targetId = UUID.randomUUID();
            String key = p.photoKey();
            if (key == null) {
                key = "watchlist/" + taskId + "/" + targetId + ".jpg";
                storage.put(FaceLibraryService.FACE_BUCKET, key, p.entry().photo(), "image/jpeg");
            }
            String label = p.label() == null || p.label().isBlank() ? "target-" + targetId.toString().substring(0, 8)
                    : p.label().trim();
            tasks.insertTarget(new WatchlistTarget(targetId, taskId, p.recordId(), label, p.descriptor(), key));
            Map<String, String> values = p.entry().fields() == null ? Map.of() : p.entry().fields();
            tasks.entered(targetId, json(values), p.score(), by);
            out.add(new EntryFeedback(i, targetId, label, p.recordId(), p.score(), values));
        }
        tasks.history(taskId, "TARGETS_ENTERED", by, out.size() + " target(s)", task.status(), task.status());
        return out;
    }

    /** The access type targets come in under: enabled, an external record type, of the watch-list or custom category. */
    private AccessType watchlistType(String code) {
        AccessType t = accessTypes.forFeed(code, true);
        if (!"WATCHLIST".equals(t.category()) && !"CUSTOM".equals(t.category())) {
            throw new HnswException(AccessTypeErrorCode.ACCESS_TYPE_MISMATCH, code, "watch-list target intake");
        }
        return t;
    }

    private Map<String, Object> accessRow(Entry e) {
        Map<String, Object> row = new java.util.HashMap<>();
        if (e.fields() != null) {
            row.putAll(e.fields());
        }
        if (e.label() != null && !e.label().isBlank()) {
            row.put("name", e.label().trim());
        }
        if (e.photo() != null) {
            row.put("photo", e.photo());
        }
        if (e.faceBaseRecordId() != null) {
            library.findRecord(e.faceBaseRecordId()).ifPresent(r -> {
                row.putIfAbsent("personCode", r.personCode());
                row.putIfAbsent("name", r.name());
                if (r.idNo() != null) {
                    row.putIfAbsent("idNo", r.idNo());
                }
                row.putIfAbsent("photo", r.photoKey());
            });
        }
        return row;
    }

    /** 特征管理: a target taken out of a task awaiting its first review; the last one stays. */
    @Transactional
    public void removeTarget(UUID taskId, UUID targetId) {
        WatchlistTask task = editable(taskId);
        if (tasks.countTargets(taskId) <= 1 && tasks.entries(taskId).stream().anyMatch(t -> t.id().equals(targetId))) {
            throw new HnswException(VideoErrorCode.TASK_WITHOUT_TARGETS);
        }
        if (tasks.deleteTarget(taskId, targetId) == 0) {
            throw new HnswException(VideoErrorCode.TARGET_NOT_FOUND, targetId);
        }
        tasks.history(taskId, "TARGET_REMOVED", Actors.current().username(), targetId.toString(), task.status(),
                task.status());
    }

    public List<WatchlistRepository.TargetEntry> entries(UUID taskId) {
        WatchlistTask task = tasks.find(taskId)
                .orElseThrow(() -> new HnswException(VideoErrorCode.TASK_NOT_FOUND, taskId));
        if (!TaskViewer.of(Actors.current()).sees(task)) {
            throw new HnswException(VideoErrorCode.TASK_NOT_VISIBLE);
        }
        return tasks.entries(taskId);
    }

    /**
     * 布控指令删除: the submitter or an administrator removes the instruction of a task not withdrawn or rejected;
     * the history keeps the removed text. Later alerts carry no instruction.
     */
    @Transactional
    public WatchlistTask removeInstruction(UUID taskId) {
        WatchlistTask task = tasks.lock(taskId)
                .orElseThrow(() -> new HnswException(VideoErrorCode.TASK_NOT_FOUND, taskId));
        CurrentActor actor = Actors.current();
        if (!actor.username().equals(task.createdBy()) && !actor.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new HnswException(VideoErrorCode.NOT_TASK_SUBMITTER);
        }
        if (task.status() == WatchlistStatus.WITHDRAWN || task.status() == WatchlistStatus.REJECTED) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, task.status(), "changed");
        }
        if (task.instruction() == null || task.instruction().isBlank()) {
            throw new HnswException(VideoErrorCode.INSTRUCTION_ABSENT);
        }
        tasks.clearInstruction(taskId);
        tasks.history(taskId, "INSTRUCTION_REMOVED", actor.username(), task.instruction(), task.status(),
                task.status());
        return tasks.find(taskId).orElseThrow();
    }

    // ---- 布控查询 ----

    public PageResponse<WatchlistTask> search(TaskQuery q, PageQuery page) {
        return PageResponse.of(tasks.search(q, page.size(), page.offset()), page, tasks.count(q));
    }

    private WatchlistTask editable(UUID taskId) {
        WatchlistTask task = tasks.lock(taskId)
                .orElseThrow(() -> new HnswException(VideoErrorCode.TASK_NOT_FOUND, taskId));
        if (!FACE_KINDS.contains(task.kind()) || task.status() != WatchlistStatus.PENDING_REVIEW
                || task.pendingAction() != PendingAction.ACTIVATION) {
            throw new HnswException(VideoErrorCode.TASK_STATE_INVALID, task.kind() + "/" + task.status(),
                    "布控对象录入 / targets changed");
        }
        if (!Actors.current().username().equals(task.createdBy())) {
            throw new HnswException(VideoErrorCode.NOT_REVISION_SUBMITTER);
        }
        return task;
    }

    private static int length(Integer maxLength, int otherwise) {
        int n = maxLength == null ? otherwise : maxLength;
        if (n < 1 || n > 1024) {
            throw new HnswException(VideoErrorCode.WATCHLIST_FIELD_INVALID, maxLength);
        }
        return n;
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write data items", e);
        }
    }
}
