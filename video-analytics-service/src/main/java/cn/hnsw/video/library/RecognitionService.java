package cn.hnsw.video.library;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.library.FaceLibraryService.Candidate;
import cn.hnsw.video.library.FaceLibraryService.CrossPair;
import cn.hnsw.video.library.FaceLibraryService.Verification;
import cn.hnsw.video.library.RecognitionRepository.Check;
import cn.hnsw.video.library.RecognitionRepository.CheckQuery;
import cn.hnsw.video.library.RecognitionRepository.Conclusion;
import cn.hnsw.video.library.RecognitionRepository.Kind;
import cn.hnsw.video.library.RecognitionRepository.Source;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 1:1 人脸验证, 1:N 身份核查 and N:M 交叉检索 through configured data sources: administrators keep the sources; a run
 * through a 1:1 or 1:N source uses the source's model, library, threshold and candidate count, and is recorded so its
 * requester can record a conclusion, remove it, and everyone entitled can page and export the runs.
 */
@Service
public class RecognitionService {

    static final String ADMIN = "platform-admin";
    static final String REVIEWER = "customs-reviewer";

    private final RecognitionRepository repo;
    private final FaceLibraryService library;
    private static final ObjectMapper JSON = new ObjectMapper();

    public RecognitionService(RecognitionRepository repo, FaceLibraryService library) {
        this.repo = repo;
        this.library = library;
    }

    /** What an administrator sets on a source. */
    public record SourceSpec(String name, FeatureLibraryType library, String model, Double threshold, Integer topK,
            Boolean enabled) {
    }

    @Transactional
    public Source addSource(Kind kind, SourceSpec s) {
        String name = s.name().trim();
        check(kind, s);
        if (repo.nameTaken(kind, name, null)) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_NAME_TAKEN, name);
        }
        Source source = new Source(UUID.randomUUID(), kind, name, s.library(), model(s.model()), threshold(s),
                s.topK() == null ? 5 : s.topK(), s.enabled() == null || s.enabled(), Actors.current().username(),
                Instant.now());
        repo.insert(source);
        return repo.source(source.id()).orElseThrow();
    }

    /** 修改: name, library, model, threshold, candidates and whether enabled; the kind stays. */
    @Transactional
    public Source modifySource(UUID id, Kind kind, SourceSpec s) {
        Source old = source(id);
        if (kind != null && kind != old.kind()) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID, kind);
        }
        check(old.kind(), s);
        String name = s.name().trim();
        if (repo.nameTaken(old.kind(), name, id)) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_NAME_TAKEN, name);
        }
        repo.update(id, name, s.library(), model(s.model()), threshold(s),
                s.topK() == null ? old.topK() : s.topK(), s.enabled() == null ? old.enabled() : s.enabled());
        return source(id);
    }

    /** 删除: runs made through the source keep its name. */
    public void deleteSource(UUID id) {
        if (repo.deleteSource(id) == 0) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_NOT_FOUND, id);
        }
    }

    public List<Source> sources(Kind kind) {
        return repo.sources(kind);
    }

    public Source source(UUID id) {
        return repo.source(id).orElseThrow(() -> new HnswException(VideoErrorCode.RECOGNITION_SOURCE_NOT_FOUND, id));
    }

    /**
     * A 1:1 verification (the photo against a second photo or a face base record) or a 1:N identification (the photo
     * against the source's library), recorded with its result.
     */
    @Transactional
    public Check run(UUID sourceId, byte[] photo, byte[] otherPhoto, UUID faceBaseRecordId, String subject) {
        Source s = enabled(sourceId);
        CurrentActor actor = Actors.current();
        Check check;
        if (s.kind() == Kind.VERIFICATION) {
            if (faceBaseRecordId == null && otherPhoto == null) {
                throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
            }
            Verification v;
            if ("OPERATOR".equals(s.model())) {
                if (otherPhoto == null) {
                    // the library holds face-api descriptors: the operator's model compares two photos only
                    throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
                }
                v = library.verifyWithOperatorModels(photo, otherPhoto, s.threshold());
            } else {
                v = library.verify(photo, otherPhoto, faceBaseRecordId, s.threshold());
            }
            String label = faceBaseRecordId == null ? null : library.record(faceBaseRecordId).name();
            check = new Check(UUID.randomUUID(), Kind.VERIFICATION, s.id(), s.name(), subject, v.match(), v.distance(),
                    label, write(v), Conclusion.PENDING, null, actor.username(), actor.primaryOrganization(),
                    Instant.now(), Instant.now());
        } else if (s.kind() == Kind.IDENTIFICATION) {
            List<Candidate> found = library.identify(photo, s.library(), s.topK(), s.threshold(), false);
            Candidate best = found.isEmpty() ? null : found.get(0);
            check = new Check(UUID.randomUUID(), Kind.IDENTIFICATION, s.id(), s.name(), subject,
                    best != null && best.match(), best == null ? null : best.distance(),
                    best == null ? null : best.label(), write(found), Conclusion.PENDING, null, actor.username(),
                    actor.primaryOrganization(), Instant.now(), Instant.now());
        } else {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID, s.kind());
        }
        repo.insert(check);
        return repo.check(check.id()).orElseThrow();
    }

    /** N:M across the libraries of two cross-retrieval sources, at the stricter of their thresholds. */
    public List<CrossPair> cross(UUID leftId, UUID rightId, int limit) {
        Source left = enabled(leftId);
        Source right = enabled(rightId);
        if (left.kind() != Kind.CROSS_RETRIEVAL || right.kind() != Kind.CROSS_RETRIEVAL) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID,
                    left.kind() != Kind.CROSS_RETRIEVAL ? left.kind() : right.kind());
        }
        return library.cross(left.library(), right.library(), Math.min(left.threshold(), right.threshold()), limit);
    }

    /** Officers see their own runs; reviewers and administrators every run. */
    public PageResponse<Check> checks(CheckQuery q, PageQuery page) {
        CheckQuery scoped = scoped(q);
        return PageResponse.of(repo.checks(scoped, page.size(), page.offset()), page, repo.count(scoped));
    }

    public Check check(UUID id) {
        Check c = repo.check(id).orElseThrow(() -> new HnswException(VideoErrorCode.RECOGNITION_CHECK_NOT_FOUND, id));
        CurrentActor actor = Actors.current();
        if (!seesAll(actor) && !actor.username().equals(c.requestedBy())) {
            // another officer's run is not disclosed
            throw new HnswException(VideoErrorCode.RECOGNITION_CHECK_NOT_FOUND, id);
        }
        return c;
    }

    /** 修改: the requester (or an administrator) records the conclusion and a note. */
    @Transactional
    public Check conclude(UUID id, Conclusion conclusion, String note) {
        owned(check(id));
        repo.conclude(id, conclusion, note == null || note.isBlank() ? null : note.trim());
        return repo.check(id).orElseThrow();
    }

    /** 删除: the requester (or an administrator) removes a run. */
    @Transactional
    public void delete(UUID id) {
        owned(check(id));
        repo.deleteCheck(id);
    }

    /** CSV of the runs the actor may see under the query (UTF-8 with BOM for spreadsheet programs). */
    public byte[] export(CheckQuery q) {
        CheckQuery scoped = scoped(q);
        StringBuilder out = new StringBuilder("\uFEFFid,kind,source,subject,matched,best_distance,best_label,"
                + "conclusion,note,requested_by,created_at\n");
        for (Check c : repo.checks(scoped, 10_000, 0)) {
            out.append(c.id()).append(',').append(c.kind()).append(',').append(csv(c.sourceName())).append(',')
                    .append(csv(c.subject())).append(',').append(c.matched()).append(',')
                    .append(c.bestDistance() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f",
                            c.bestDistance()))
                    .append(',').append(csv(c.bestLabel())).append(',').append(c.conclusion()).append(',')
                    .append(csv(c.note())).append(',').append(csv(c.requestedBy())).append(',')
                    .append(c.createdAt()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String csv(String v) {
        if (v == null) {
            return "";
        }
        String safe = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private CheckQuery scoped(CheckQuery q) {
        CurrentActor actor = Actors.current();
        return seesAll(actor) ? q : new CheckQuery(q.kind(), q.sourceId(), q.matched(), q.conclusion(), q.from(),
                q.to(), actor.username());
    }

    private static boolean seesAll(CurrentActor actor) {
        return actor.hasRole(ADMIN) || actor.hasRole(REVIEWER);
    }

    private static void owned(Check c) {
        CurrentActor actor = Actors.current();
        if (!actor.hasRole(ADMIN) && !actor.username().equals(c.requestedBy())) {
            throw new HnswException(VideoErrorCode.NOT_CHECK_REQUESTER);
        }
    }

    private Source enabled(UUID id) {
        Source s = source(id);
        if (!s.enabled()) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_DISABLED, s.name());
        }
        return s;
    }

    private static void check(Kind kind, SourceSpec s) {
        if (kind != Kind.VERIFICATION && s.library() == null) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID, kind);
        }
        if (kind == Kind.VERIFICATION && s.library() != null) {
            // a 1:1 source compares with a photo or a face base record, not with a library
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID, s.library());
        }
        if (kind != Kind.VERIFICATION && "OPERATOR".equals(model(s.model()))) {
            throw new HnswException(VideoErrorCode.MODEL_INVALID, s.model());
        }
        if (s.topK() != null && (s.topK() < 1 || s.topK() > 100)) {
            throw new HnswException(VideoErrorCode.RECOGNITION_SOURCE_INVALID, s.topK());
        }
    }

    private static String model(String model) {
        if (model == null || model.isBlank()) {
            return "FACE_API";
        }
        if (!"FACE_API".equals(model) && !"OPERATOR".equals(model)) {
            throw new HnswException(VideoErrorCode.MODEL_INVALID, model);
        }
        return model;
    }

    private static double threshold(SourceSpec s) {
        if (s.threshold() == null) {
            return "OPERATOR".equals(model(s.model())) ? cn.hnsw.video.face.OperatorFaceModels.MATCH_DISTANCE
                    : cn.hnsw.video.face.FaceEngine.DEFAULT_MATCH_DISTANCE;
        }
        double t = s.threshold();
        if (!(t > 0 && t <= 2)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, s.threshold());
        }
        return t;
    }

    private String write(Object result) {
        try {
            return JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a recognition result", e);
        }
    }
}
