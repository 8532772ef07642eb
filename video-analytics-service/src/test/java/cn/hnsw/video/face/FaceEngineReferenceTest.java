package cn.hnsw.video.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.face.FaceEngine.FaceBox;
import cn.hnsw.video.face.FaceEngine.Landmarks;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ONNX Runtime port against face-api's own JavaScript: reference vectors made once by
 * {@code face-models/reference.cjs} on the package's demo photographs, decoded by the same JPEG decoder (the build
 * writes its pixels to {@code target/face-samples}). Each net is fed the reference's own upstream result, so an error
 * shows in the net that makes it.
 */
class FaceEngineReferenceTest {

    private static FaceEngine engine;
    private static JsonNode reference;

    @BeforeAll
    static void load() throws Exception {
        engine = FaceEngine.load(320, 1);
        try (InputStream in = FaceEngineReferenceTest.class.getResourceAsStream("/face/face-api-reference.json")) {
            reference = new ObjectMapper().readTree(in);
        }
        assertThat(reference.get("inputSize").asInt()).isEqualTo(320);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    static RgbImage sample(String name) {
        return RgbImage.readRaw(Path.of("target", "face-samples", name + ".rgb"));
    }

    @Test
    void detectorFindsTheSameFacesWithTheSameBoxesAndScores() {
        int faces = 0;
        for (JsonNode image : reference.get("images")) {
            RgbImage img = sample(image.get("name").asText());
            List<FaceBox> found = engine.detect(img, reference.get("scoreThreshold").asDouble());
            assertThat(found).as(image.get("name").asText()).hasSize(image.get("faces").size());
            for (int i = 0; i < found.size(); i++) {
                JsonNode ref = image.get("faces").get(i);
                FaceBox box = found.get(i);
                assertThat(box.score()).isCloseTo(ref.get("score").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
                assertThat(box.x()).isCloseTo(ref.get("box").get(0).asDouble(), org.assertj.core.data.Offset.offset(0.05));
                assertThat(box.y()).isCloseTo(ref.get("box").get(1).asDouble(), org.assertj.core.data.Offset.offset(0.05));
                assertThat(box.width()).isCloseTo(ref.get("box").get(2).asDouble(), org.assertj.core.data.Offset.offset(0.05));
                assertThat(box.height()).isCloseTo(ref.get("box").get(3).asDouble(), org.assertj.core.data.Offset.offset(0.05));
                faces++;
            }
        }
        assertThat(faces).isEqualTo(17);
    }

    @Test
    void landmarksMatchFaceApiOnItsOwnDetections() {
        double worst = 0;
        for (JsonNode image : reference.get("images")) {
            RgbImage img = sample(image.get("name").asText());
            for (JsonNode ref : image.get("faces")) {
                JsonNode b = ref.get("box");
                Landmarks lm = engine.landmarks(img, new FaceBox(b.get(0).asDouble(), b.get(1).asDouble(),
                        b.get(2).asDouble(), b.get(3).asDouble(), ref.get("score").asDouble()));
                for (int i = 0; i < 68; i++) {
                    worst = Math.max(worst, Math.abs(lm.xs()[i] - ref.get("landmarks").get(i).get(0).asDouble()));
                    worst = Math.max(worst, Math.abs(lm.ys()[i] - ref.get("landmarks").get(i).get(1).asDouble()));
                }
            }
        }
        System.out.printf("landmarks: worst deviation from face-api %.3g px%n", worst);
        assertThat(worst).isLessThan(0.01);
    }

    @Test
    void descriptorsMatchFaceApiOnItsOwnLandmarks() {
        double worst = 0;
        List<float[]> ours = new ArrayList<>();
        for (JsonNode image : reference.get("images")) {
            RgbImage img = sample(image.get("name").asText());
            for (JsonNode ref : image.get("faces")) {
                Landmarks lm = referenceLandmarks(ref, img);
                int[] rect = FaceEngine.faceApiAlignedRect(lm);
                for (int k = 0; k < 4; k++) {
                    assertThat((double) rect[k]).isEqualTo(ref.get("alignedCrop").get(k).asDouble());
                }
                float[] d = engine.faceApiDescriptor(img, lm);
                float[] expected = new float[128];
                for (int k = 0; k < 128; k++) {
                    expected[k] = (float) ref.get("descriptor").get(k).asDouble();
                }
                worst = Math.max(worst, FaceEngine.distance(d, expected));
                ours.add(d);
            }
        }
        System.out.printf("descriptors: worst Euclidean distance to face-api %.3g over %d faces%n", worst, ours.size());
        assertThat(worst).isLessThan(1e-4);
    }

    @Test
    void ageAndGenderMatchFaceApiOnItsOwnLandmarks() {
        double worstAge = 0;
        double worstProbability = 0;
        for (JsonNode image : reference.get("images")) {
            RgbImage img = sample(image.get("name").asText());
            for (JsonNode ref : image.get("faces")) {
                FaceEngine.AgeGender ag = engine.ageGender(img, referenceLandmarks(ref, img));
                worstAge = Math.max(worstAge, Math.abs(ag.age() - ref.get("age").asDouble()));
                double refMale = "male".equals(ref.get("gender").asText()) ? ref.get("genderProbability").asDouble()
                        : 1 - ref.get("genderProbability").asDouble();
                worstProbability = Math.max(worstProbability, Math.abs(ag.maleProbability() - refMale));
                assertThat(ag.gender()).isEqualTo(ref.get("gender").asText());
            }
        }
        System.out.printf("age/gender: worst age deviation %.3g years, worst probability deviation %.3g%n", worstAge,
                worstProbability);
        assertThat(worstAge).isLessThan(0.01);
        assertThat(worstProbability).isLessThan(1e-4);
    }

    /**
     * How good the gender decision is on people, not only how close to face-api: the 17 faces of the package
     * photographs, labelled by eye ({@code attributes/gender-labels.csv}, all women), through this service's own path
     * (detector, landmarks, age/gender net). face-api's model calls 14 of them female (the three others male at
     * probabilities 0.65–0.76); the test fails below that. 17 faces of one gender are a small, one-sided sample.
     */
    @Test
    void genderOnTheLabelledPhotographs() throws Exception {
        List<String[]> labels = new ArrayList<>();
        try (InputStream in = FaceEngineReferenceTest.class.getResourceAsStream("/attributes/gender-labels.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("image")) {
                    labels.add(line.trim().split(","));
                }
            }
        }
        int right = 0;
        int scored = 0;
        for (String[] label : labels) {
            RgbImage img = sample(label[0]);
            double x = Double.parseDouble(label[1]);
            double y = Double.parseDouble(label[2]);
            FaceEngine.AnalyzedFace face = engine.analyze(img, 0.5).stream()
                    .filter(f -> Math.hypot(f.box().x() - x, f.box().y() - y) < 20).findFirst().orElseThrow();
            FaceEngine.AgeGender ag = engine.ageGender(img, face.landmarks());
            scored++;
            if (ag.gender().equalsIgnoreCase(label[3])) {
                right++;
            }
        }
        System.out.printf("gender on labelled photographs: %d of %d right%n", right, scored);
        assertThat(scored).isEqualTo(17);
        assertThat(right).isGreaterThanOrEqualTo(14);
    }

    static Landmarks referenceLandmarks(JsonNode ref, RgbImage img) {
        double[] xs = new double[68];
        double[] ys = new double[68];
        for (int i = 0; i < 68; i++) {
            xs[i] = ref.get("landmarks").get(i).get(0).asDouble();
            ys[i] = ref.get("landmarks").get(i).get(1).asDouble();
        }
        JsonNode b = ref.get("box");
        int[] crop = FaceEngine.clipFloor(b.get(0).asDouble(), b.get(1).asDouble(), b.get(2).asDouble(),
                b.get(3).asDouble(), img.width(), img.height());
        return new Landmarks(xs, ys, crop[2], crop[3]);
    }
}
