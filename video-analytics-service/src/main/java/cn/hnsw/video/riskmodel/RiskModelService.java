package cn.hnsw.video.riskmodel;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.analysistask.AnalysisKind;
import cn.hnsw.video.analysistask.AnalysisTaskService;
import cn.hnsw.video.riskmodel.RiskModelRepository.Evaluation;
import cn.hnsw.video.riskmodel.RiskModelRepository.ModelFeed;
import cn.hnsw.video.riskmodel.RiskModelRepository.ModelService;
import cn.hnsw.video.riskmodel.RiskModelRepository.RiskModel;
import cn.hnsw.video.support.VideoErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * 风险分析业务模型 — a model scores a camera (or the whole platform) over its time window: for each of its data feeds
 * (an analysis kind, optionally one finding code, with a weight) the findings the analysis tasks made in the window
 * are counted, and the score is the weighted sum; at or above the medium and high thresholds the level is MEDIUM or
 * HIGH. External services (对外服务) expose a model to a consuming system; each evaluation is kept.
 */
@Service
public class RiskModelService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RiskModelRepository repo;
    private final AnalysisTaskService analysis;

    public RiskModelService(RiskModelRepository repo, AnalysisTaskService analysis) {
        this.repo = repo;
        this.analysis = analysis;
    }

    private static void checkThresholds(int windowMinutes, double medium, double high) {
        if (windowMinutes < 1 || windowMinutes > 10080 || !(medium > 0) || high < medium) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, windowMinutes + "min " + medium + "/" + high);
        }
    }

    public RiskModel create(String code, String name, String description, int windowMinutes, double medium, double high) {
        checkThresholds(windowMinutes, medium, high);
        if (repo.codeTaken(code)) {
            throw new HnswException(VideoErrorCode.RISK_MODEL_CODE_TAKEN, code);
        }
        RiskModel m = new RiskModel(UUID.randomUUID(), code, name, description, windowMinutes, medium, high, true,
                Actors.current().username(), null, null);
        repo.insert(m);
        return model(m.id());
    }

    public RiskModel update(UUID id, String name, String description, int windowMinutes, double medium, double high,
            boolean enabled) {
        RiskModel m = model(id);
        checkThresholds(windowMinutes, medium, high);
        repo.update(id, name == null || name.isBlank() ? m.name() : name, description, windowMinutes, medium, high, enabled);
        return model(id);
    }

    public void delete(UUID id) {
        RiskModel m = model(id);
        if (!repo.deleteUnused(id)) {
            throw new HnswException(VideoErrorCode.RISK_MODEL_IN_USE, m.code());
        }
    }

    public RiskModel model(UUID id) {
        return repo.model(id).orElseThrow(() -> new HnswException(VideoErrorCode.RISK_MODEL_NOT_FOUND, id));
    }

    public List<RiskModel> models() {
        return repo.models();
    }

    /** 风险模型接入数据源新增: findings of an analysis kind (and a code of it) weigh into the score. */
    public ModelFeed addFeed(UUID modelId, String kind, String code, double weight) {
        model(modelId);
        AnalysisKind k = AnalysisTaskService.kind(kind);
        checkWeight(weight);
        ModelFeed f = new ModelFeed(UUID.randomUUID(), modelId, k.name(), blank(code), weight);
        repo.insertFeed(f);
        return f;
    }

    public List<ModelFeed> feeds(UUID modelId) {
        model(modelId);
        return repo.feeds(modelId);
    }

    public ModelFeed updateFeed(UUID modelId, UUID feedId, String code, double weight) {
        checkWeight(weight);
        if (repo.updateFeed(modelId, feedId, blank(code), weight) == 0) {
            throw new HnswException(VideoErrorCode.RISK_MODEL_NOT_FOUND, modelId + "/" + feedId);
        }
        return repo.feeds(modelId).stream().filter(f -> f.id().equals(feedId)).findFirst().orElseThrow();
    }

    public void deleteFeed(UUID modelId, UUID feedId) {
        if (repo.deleteFeed(modelId, feedId) == 0) {
            throw new HnswException(VideoErrorCode.RISK_MODEL_NOT_FOUND, modelId + "/" + feedId);
        }
    }

    private static void checkWeight(double weight) {
        if (!(weight > 0 && weight <= 100)) {
            throw new HnswException(VideoErrorCode.THRESHOLD_INVALID, "weight=" + weight);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    // ---- external services

    public ModelService addService(UUID modelId, String name, String consumer) {
        model(modelId);
        ModelService s = new ModelService(UUID.randomUUID(), modelId, name, consumer, true, Actors.current().username(),
                null, null);
        repo.insertService(s);
        return service(s.id());
    }

    public ModelService updateService(UUID id, String name, String consumer, boolean enabled) {
        ModelService s = service(id);
        repo.updateService(id, name == null || name.isBlank() ? s.name() : name,
                consumer == null || consumer.isBlank() ? s.consumer() : consumer, enabled);
        return service(id);
    }

    public void deleteService(UUID id) {
        service(id);
        repo.deleteService(id);
    }

    public ModelService service(UUID id) {
        return repo.service(id).orElseThrow(() -> new HnswException(VideoErrorCode.RISK_SERVICE_NOT_FOUND, id));
    }

    public List<ModelService> services(UUID modelId) {
        return repo.services(modelId);
    }

    /** One feed's part of a score. */
    public record Contribution(String kind, String code, double weight, long findings, double score) {
    }

    /** 风险模型对外服务计算: the score, its level and how each feed contributed. */
    public record RiskAssessment(UUID evaluationId, UUID serviceId, String modelCode, UUID cameraId, Instant from,
            Instant to, double score, String level, List<Contribution> contributions) {
    }

    public RiskAssessment evaluate(UUID serviceId, UUID cameraId, Instant at) {
        ModelService s = service(serviceId);
        RiskModel m = model(s.modelId());
        if (!s.enabled() || !m.enabled()) {
            throw new HnswException(VideoErrorCode.RISK_SERVICE_DISABLED, s.name());
        }
        Instant to = at == null ? Instant.now() : at;
        Instant from = to.minus(Duration.ofMinutes(m.windowMinutes()));
        List<Contribution> parts = new ArrayList<>();
        double score = 0;
        for (ModelFeed f : repo.feeds(m.id())) {
            long n = analysis.findingCount(AnalysisKind.valueOf(f.kind()), f.code(), cameraId, from, to);
            parts.add(new Contribution(f.kind(), f.code(), f.weight(), n, n * f.weight()));
            score += n * f.weight();
        }
        String level = score >= m.highScore() ? "HIGH" : score >= m.mediumScore() ? "MEDIUM" : "LOW";
        UUID id = UUID.randomUUID();
        try {
            repo.insertEvaluation(new Evaluation(id, s.id(), m.id(), cameraId, from, to, score, level,
                    JSON.writeValueAsString(parts), Actors.current().username(), null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new RiskAssessment(id, s.id(), m.code(), cameraId, from, to, score, level, parts);
    }

    public long evaluationCount(UUID serviceId) {
        service(serviceId);
        return repo.evaluations(serviceId);
    }
}
