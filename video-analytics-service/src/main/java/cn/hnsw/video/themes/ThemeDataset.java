package cn.hnsw.video.themes;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 主题库接入类型 — the platform datasets a theme store can draw on, each with its data items (field → column). The
 * field names are the only names that reach SQL, and only as whitelisted column expressions.
 */
public enum ThemeDataset {
    FACE_CAPTURES("人脸抓拍", "Face captures", "face_capture c", "c.id", "c.captured_at", Map.of(
            "deviceCode", "c.device_code", "capturedAt", "c.captured_at", "source", "c.source",
            "cameraId", "c.camera_id", "detectorScore", "c.detector_score", "snapshotKey", "c.snapshot_key")),
    FACE_BASE_RECORDS("人脸基础信息", "Face base records", "face_base_record r", "r.id", "r.created_at", Map.of(
            "personCode", "r.person_code", "name", "r.name", "idNo", "r.id_no", "source", "r.source",
            "createdAt", "r.created_at")),
    PERSONS_OF_INTEREST("重点人员", "Persons of interest",
            "person_of_interest p JOIN face_base_record r ON r.id = p.face_base_record_id", "p.id", "p.created_at",
            Map.of("personCode", "r.person_code", "name", "r.name", "idNo", "r.id_no", "category", "p.category",
                    "reason", "p.reason", "createdBy", "p.created_by", "createdAt", "p.created_at")),
    ANALYSIS_FINDINGS("视频分析结果", "Video analysis findings", "analysis_finding f", "f.id", "f.created_at", Map.of(
            "taskId", "f.task_id", "kind", "f.kind", "family", "f.family", "code", "f.code", "status", "f.status",
            "faceLabel", "f.face_label", "similarity", "f.similarity", "createdAt", "f.created_at"));

    private final String nameZh;
    private final String nameEn;
    private final String from;
    private final String idColumn;
    private final String timeColumn;
    private final Map<String, String> fields;

    ThemeDataset(String nameZh, String nameEn, String from, String idColumn, String timeColumn,
            Map<String, String> fields) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.from = from;
        this.idColumn = idColumn;
        this.timeColumn = timeColumn;
        this.fields = new LinkedHashMap<>(fields);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public Map<String, String> fields() {
        return Map.copyOf(fields);
    }

    /** The SELECT of the dataset's rows with the given fields, oldest first, at most {@code limit}. */
    String select(Iterable<String> wanted, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(idColumn).append(" AS source_id");
        for (String f : wanted) {
            sql.append(", ").append(fields.get(f)).append(" AS \"").append(f).append('"');
        }
        return sql.append(" FROM ").append(from).append(" ORDER BY ").append(timeColumn).append(", ")
                .append(idColumn).append(" LIMIT ").append(limit).toString();
    }
}
