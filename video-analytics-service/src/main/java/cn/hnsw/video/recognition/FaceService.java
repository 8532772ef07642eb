package cn.hnsw.video.recognition;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.attribute.ClothingColourAnalyzer;
import cn.hnsw.video.attribute.FaceMaskAnalyzer;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceTracker;
import cn.hnsw.video.face.OperatorFaceModels;
import cn.hnsw.video.face.OperatorFaceModels.OperatorFace;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Faces from uploaded photos: decode, detect, describe; refuses unreadable images and photos without one clear face. */
@Service
public class FaceService {

    private final FaceEngine engine;
    private final double scoreThreshold;
    private final double trackMinIou;
    private final int trackMaxMissed;
    private final int trackRedescribeAfter;
    private final double trackRegrowth;
    private final ObjectProvider<OperatorFaceModels> operatorModels;
    private final double operatorScoreThreshold;

    public FaceService(FaceEngine engine, ObjectProvider<OperatorFaceModels> operatorModels,
            @Value("${hnsw.video.face.operator.score-threshold:0.9}") double operatorScoreThreshold,
            @Value("${hnsw.video.face.score-threshold:0.5}") double scoreThreshold,
            @Value("${hnsw.video.face.tracking.min-iou:0.3}") double trackMinIou,
            @Value("${hnsw.video.face.tracking.max-missed-frames:5}") int trackMaxMissed,
            @Value("${hnsw.video.face.tracking.redescribe-after-frames:50}") int trackRedescribeAfter,
            @Value("${hnsw.video.face.tracking.regrowth:1.5}") double trackRegrowth) {
        this.engine = engine;
        this.operatorModels = operatorModels;
        this.operatorScoreThreshold = operatorScoreThreshold;
        this.scoreThreshold = scoreThreshold;
        this.trackMinIou = trackMinIou;
        this.trackMaxMissed = trackMaxMissed;
        this.trackRedescribeAfter = trackRedescribeAfter;
        this.trackRegrowth = trackRegrowth;
    }

    /** A fresh face tracker for one stream or file: faces are described once per track, not once per frame. */
    public FaceTracker tracker() {
        return new FaceTracker(engine, scoreThreshold, trackMinIou, trackMaxMissed, trackRedescribeAfter, trackRegrowth);
    }

    public RgbImage decode(byte[] bytes) {
        RgbImage img = bytes == null ? null : RgbImage.decode(bytes);
        if (img == null) {
            throw new HnswException(VideoErrorCode.IMAGE_UNREADABLE);
        }
        return img;
    }

    /** Exactly one face (enrolment photos). */
    public AnalyzedFace singleFace(RgbImage img) {
        List<AnalyzedFace> faces = engine.analyze(img, scoreThreshold);
        if (faces.isEmpty()) {
            throw new HnswException(VideoErrorCode.NO_FACE);
        }
        if (faces.size() > 1) {
            throw new HnswException(VideoErrorCode.MULTIPLE_FACES, faces.size());
        }
        return faces.get(0);
    }

    /** The most confident face (query photos). */
    public AnalyzedFace bestFace(RgbImage img) {
        return engine.analyze(img, scoreThreshold).stream()
                .max(Comparator.comparingDouble(f -> f.box().score()))
                .orElseThrow(() -> new HnswException(VideoErrorCode.NO_FACE));
    }

    /** Distance (normalised features) and cosine of the best faces of two photos under the operator's models. */
    public record OperatorComparison(double distance, double cosine) {
    }

    /** Compares two photos with the operator's YuNet + SFace; refused when no operator models are configured. */
    public OperatorComparison compareWithOperatorModels(RgbImage a, RgbImage b) {
        OperatorFaceModels models = operatorModels.getIfAvailable();
        if (models == null) {
            throw new HnswException(VideoErrorCode.OPERATOR_MODELS_NOT_CONFIGURED);
        }
        float[] fa = models.feature(a, bestOperatorFace(models, a));
        float[] fb = models.feature(b, bestOperatorFace(models, b));
        return new OperatorComparison(FaceEngine.distance(fa, fb), OperatorFaceModels.cosine(fa, fb));
    }

    private OperatorFace bestOperatorFace(OperatorFaceModels models, RgbImage img) {
        return models.detect(img, operatorScoreThreshold).stream()
                .max(Comparator.comparingDouble(OperatorFace::score))
                .orElseThrow(() -> new HnswException(VideoErrorCode.NO_FACE));
    }

    public List<AnalyzedFace> allFaces(RgbImage img) {
        return engine.analyze(img, scoreThreshold);
    }

    /**
     * The attributes computed for a face, as JSON: age and gender with face-api's age/gender net (FP 254–255), and the
     * upper- and lower-clothing colours by region colour analysis under the face ({@link ClothingColourAnalyzer};
     * each absent when its region is not in the picture), and whether the face wears a mask ({@link FaceMaskAnalyzer},
     * absent when it cannot tell).
     */
    public String attributesJson(RgbImage img, AnalyzedFace face) {
        FaceEngine.AgeGender ag = engine.ageGender(img, face.landmarks());
        ClothingColourAnalyzer.RegionColour upper = ClothingColourAnalyzer.upperClothing(img, face.box());
        String clothing = upper == null ? "" : String.format(java.util.Locale.ROOT,
                ",\"upperClothingColour\":\"%s\",\"upperClothingColourShare\":%.2f", upper.colour().name(),
                upper.share());
        ClothingColourAnalyzer.RegionColour lower = ClothingColourAnalyzer.lowerClothing(img, face.box());
        if (lower != null) {
            clothing += String.format(java.util.Locale.ROOT,
                    ",\"lowerClothingColour\":\"%s\",\"lowerClothingColourShare\":%.2f", lower.colour().name(),
                    lower.share());
        }
        // 口罩: the lower face against the face's own skin chroma; absent when the analyzer cannot tell
        FaceMaskAnalyzer.MaskReading mask = FaceMaskAnalyzer.read(img, face.landmarks());
        if (mask != null) {
            clothing += String.format(java.util.Locale.ROOT, ",\"mask\":%s,\"maskSkinShare\":%.2f", mask.masked(),
                    mask.skinShare());
        }
        return String.format(java.util.Locale.ROOT,
                "{\"gender\":\"%s\",\"maleProbability\":%.4f,\"age\":%.1f,\"model\":\"face-api age_gender_model\"%s}",
                ag.gender(), ag.maleProbability(), ag.age(), clothing);
    }

    /** Similarity shown to officers: 1 at distance 0, 0.5 at the match distance 0.6, falling towards 0. */
    public static double similarity(double distance) {
        return 1.0 / (1.0 + Math.pow(distance / FaceEngine.DEFAULT_MATCH_DISTANCE, 2));
    }
}
