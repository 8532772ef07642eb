package cn.hnsw.video.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.hnsw.video.face.OnnxModelWriter.Attr;
import cn.hnsw.video.face.OperatorFaceModels.OperatorFace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured path for operator-supplied YuNet + SFace ONNX files. No registry the build reaches ships those two
 * files, so the loading, its refusals and the decoding are checked on graphs written here with YuNet's and SFace's
 * input and output signatures and outputs that are known functions of the picture: the detector's score of a
 * stride-s cell is the cell's mean brightness (stride 32 in full, strides 8 and 16 at a quarter), its box and landmark
 * offsets fixed multiples of that brightness; the recogniser's feature is the crop's mean red, green and blue. What
 * a real YuNet or SFace finds in a real face is not tested here.
 */
class OperatorFaceModelsTest {

    private static final float[] BOX = {0.5f, 0.5f, (float) Math.log(2), (float) Math.log(1.5)};
    private static final float[] KPS = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1.0f};

    /** A graph with YuNet's signature over a fixed 96×64 input. */
    static byte[] yunetShaped() {
        OnnxModelWriter m = new OnnxModelWriter("yunet-shaped");
        m.input("input", 1, 3, 64, 96);
        String shape = m.int64s("shape", 1, -1, 1);
        for (int s : OperatorFaceModels.STRIDES) {
            int n = (64 / s) * (96 / s);
            String pooled = m.node("AveragePool", List.of("input"), "pool_" + s, Attr.ints("kernel_shape", s, s),
                    Attr.ints("strides", s, s));
            String mean = m.node("ReduceMean", List.of(pooled), "mean_" + s, Attr.ints("axes", 1), Attr.i("keepdims", 1));
            String unit = m.node("Mul", List.of(mean, m.floats("inv255_" + s, new float[] {1 / 255f}, 1)),
                    "unit_" + s);
            String flat = m.node("Reshape", List.of(unit, shape), "flat_" + s);
            float clsFactor = s == 32 ? 1f : 0.25f;
            m.node("Mul", List.of(flat, m.floats("clsf_" + s, new float[] {clsFactor}, 1)), "cls_" + s);
            m.node("Identity", List.of(flat), "obj_" + s);
            m.node("Mul", List.of(flat, m.floats("boxc_" + s, BOX, 4)), "bbox_" + s);
            m.node("Mul", List.of(flat, m.floats("kpsc_" + s, KPS, 10)), "kps_" + s);
            m.output("cls_" + s, 1, n, 1);
            m.output("obj_" + s, 1, n, 1);
            m.output("bbox_" + s, 1, n, 4);
            m.output("kps_" + s, 1, n, 10);
        }
        return m.toBytes();
    }

    /** A graph with SFace's signature: 1×3×112×112 in, 128 out; the first three values are the mean R, G, B. */
    static byte[] sfaceShaped() {
        OnnxModelWriter m = new OnnxModelWriter("sface-shaped");
        m.input("data", 1, 3, 112, 112);
        String gap = m.node("GlobalAveragePool", List.of("data"), "gap");
        String flat = m.node("Flatten", List.of(gap), "flat");
        float[] w = new float[3 * 128];
        for (int c = 0; c < 3; c++) {
            w[c * 128 + c] = 1;
        }
        m.node("MatMul", List.of(flat, m.floats("w", w, 3, 128)), "fc1");
        m.output("fc1", 1, 128);
        return m.toBytes();
    }

    /** Black, a white square on stride-32 cell (row 0, column 1), a 60 % grey one on cell (1, 0); scaled by k. */
    static RgbImage squares(int k) {
        int w = 96 * k;
        int h = 64 * k;
        byte[] rgb = new byte[w * h * 3];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v = x >= 32 * k && x < 64 * k && y < 32 * k ? 255 : x < 32 * k && y >= 32 * k ? 153 : 0;
                for (int c = 0; c < 3; c++) {
                    rgb[(y * w + x) * 3 + c] = (byte) v;
                }
            }
        }
        return new RgbImage(w, h, rgb);
    }

    private static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    @Test
    void decodesYunetOutputsAsOpenCvDoesAndScalesBackToTheFrame(@TempDir Path dir) throws IOException {
        try (OperatorFaceModels models = OperatorFaceModels.load(write(dir, "yunet.onnx", yunetShaped()),
                write(dir, "sface.onnx", sfaceShaped()), 640, 1)) {
            for (int k : new int[] {1, 2}) {
                RgbImage img = squares(k);
                // OpenCV's default threshold 0.9: only the white stride-32 cell
                List<OperatorFace> strict = models.detect(img, 0.9);
                assertThat(strict).hasSize(1);
                OperatorFace white = strict.get(0);
                assertThat(white.score()).isCloseTo(1.0, within(1e-4));
                // centre (c + 0.5)·32 = 48, 16; size e^(ln 2)·32 × e^(ln 1.5)·32 = 64 × 48; then back to the frame
                assertThat(white.x()).isCloseTo((48 - 32) * k, within(1e-3 * k));
                assertThat(white.y()).isCloseTo((16 - 24) * k, within(1e-3 * k));
                assertThat(white.width()).isCloseTo(64 * k, within(1e-3 * k));
                assertThat(white.height()).isCloseTo(48 * k, within(1e-3 * k));
                for (int n = 0; n < 5; n++) {
                    assertThat(white.landmarks()[n][0]).isCloseTo((KPS[2 * n] + 1) * 32 * k, within(1e-3 * k));
                    assertThat(white.landmarks()[n][1]).isCloseTo((KPS[2 * n + 1] + 0) * 32 * k, within(1e-3 * k));
                }
                // lower threshold: the grey cell (score √(0.6·0.6)) as well; strides 8 and 16 score 0.5 and stay out
                List<OperatorFace> loose = models.detect(img, 0.55);
                assertThat(loose).hasSize(2);
                OperatorFace grey = loose.stream().min(Comparator.comparingDouble(OperatorFace::score)).orElseThrow();
                assertThat(grey.score()).isCloseTo(0.6, within(1e-3));
                double w = Math.exp(0.6 * Math.log(2)) * 32;
                assertThat(grey.x()).isCloseTo(((0 + 0.3) * 32 - w / 2) * k, within(1e-2 * k));
                assertThat(grey.width()).isCloseTo(w * k, within(1e-2 * k));
                assertThat(models.detect(img, 0.5 + 1e-3)).hasSize(2);
            }
            assertThat(models.detect(new RgbImage(96, 64, new byte[96 * 64 * 3]), 0.1)).isEmpty();
        }
    }

    @Test
    void similarityTransformRecoversARotatedScaledShiftedTemplate() {
        double angle = Math.toRadians(30);
        double[][] seen = new double[5][];
        for (int i = 0; i < 5; i++) {
            double x = OperatorFaceModels.TEMPLATE[i][0];
            double y = OperatorFaceModels.TEMPLATE[i][1];
            seen[i] = new double[] {2 * (Math.cos(angle) * x - Math.sin(angle) * y) + 100,
                2 * (Math.sin(angle) * x + Math.cos(angle) * y) + 50};
        }
        double[] m = OperatorFaceModels.similarity(seen, OperatorFaceModels.TEMPLATE);
        for (int i = 0; i < 5; i++) {
            double x = m[0] * seen[i][0] - m[1] * seen[i][1] + m[2];
            double y = m[1] * seen[i][0] + m[0] * seen[i][1] + m[3];
            assertThat(x).isCloseTo(OperatorFaceModels.TEMPLATE[i][0], within(1e-9));
            assertThat(y).isCloseTo(OperatorFaceModels.TEMPLATE[i][1], within(1e-9));
        }
        assertThat(Math.hypot(m[0], m[1])).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void alignedCropSamplesWhereTheLandmarksSayInRgbOrder() {
        // red = x, green = y: the crop of a face twice the template's size at (10, 20) reads red 2u + 10, green 2v + 20
        int size = 256;
        byte[] rgb = new byte[size * size * 3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                rgb[(y * size + x) * 3] = (byte) x;
                rgb[(y * size + x) * 3 + 1] = (byte) y;
            }
        }
        double[][] lm = new double[5][];
        for (int i = 0; i < 5; i++) {
            lm[i] = new double[] {2 * OperatorFaceModels.TEMPLATE[i][0] + 10, 2 * OperatorFaceModels.TEMPLATE[i][1] + 20};
        }
        float[] crop = OperatorFaceModels.alignedCrop(new RgbImage(size, size, rgb), lm);
        int plane = 112 * 112;
        for (int[] uv : new int[][] {{0, 0}, {50, 40}, {111, 111}, {73, 12}}) {
            int u = uv[0];
            int v = uv[1];
            assertThat(crop[v * 112 + u]).isCloseTo(2 * u + 10, within(1e-3f));
            assertThat(crop[plane + v * 112 + u]).isCloseTo(2 * v + 20, within(1e-3f));
            assertThat(crop[2 * plane + v * 112 + u]).isZero();
        }
    }

    @Test
    void featureIsNormalisedAndSeesRgb(@TempDir Path dir) throws IOException {
        int size = 300;
        byte[] rgb = new byte[size * size * 3];
        for (int i = 0; i < size * size; i++) {
            rgb[i * 3] = (byte) 200;
            rgb[i * 3 + 1] = (byte) 100;
            rgb[i * 3 + 2] = (byte) 50;
        }
        double[][] lm = new double[5][];
        for (int i = 0; i < 5; i++) {
            lm[i] = new double[] {OperatorFaceModels.TEMPLATE[i][0] + 100, OperatorFaceModels.TEMPLATE[i][1] + 100};
        }
        try (OperatorFaceModels models = OperatorFaceModels.load(write(dir, "yunet.onnx", yunetShaped()),
                write(dir, "sface.onnx", sfaceShaped()), 640, 1)) {
            float[] f = models.feature(new RgbImage(size, size, rgb),
                    new OperatorFace(100, 100, 112, 112, 1, lm));
            double norm = Math.sqrt(200 * 200 + 100 * 100 + 50 * 50);
            assertThat(f).hasSize(128);
            assertThat(f[0]).isCloseTo((float) (200 / norm), within(1e-5f));
            assertThat(f[1]).isCloseTo((float) (100 / norm), within(1e-5f));
            assertThat(f[2]).isCloseTo((float) (50 / norm), within(1e-5f));
            assertThat(OperatorFaceModels.cosine(f, f)).isCloseTo(1.0, within(1e-6));
        }
        // cosine 0.363 and distance 1.128 are one decision on normalised features: d² = 2 − 2c
        assertThat(Math.sqrt(2 - 2 * OperatorFaceModels.MATCH_COSINE))
                .isCloseTo(OperatorFaceModels.MATCH_DISTANCE, within(1e-3));
    }

    @Test
    void refusesMissingUnreadableAndWrongModelsNamingTheSettingAndPath(@TempDir Path dir) throws IOException {
        Path sface = write(dir, "sface.onnx", sfaceShaped());
        Path missing = dir.resolve("face_detection_yunet_2023mar.onnx");
        assertThatThrownBy(() -> OperatorFaceModels.load(missing, sface, 640, 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hnsw.video.face.operator.detector-model")
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("YuNet");
        Path yunet = write(dir, "yunet.onnx", yunetShaped());
        assertThatThrownBy(() -> OperatorFaceModels.load(yunet, null, 640, 1))
                .hasMessageContaining("hnsw.video.face.operator.recognizer-model is not set");
        Path garbage = write(dir, "garbage.onnx", "not a model".getBytes());
        assertThatThrownBy(() -> OperatorFaceModels.load(yunet, garbage, 640, 1))
                .hasMessageContaining("hnsw.video.face.operator.recognizer-model = " + garbage)
                .hasMessageContaining("not a model ONNX Runtime can load");
        assertThatThrownBy(() -> OperatorFaceModels.load(sface, sface, 640, 1))
                .hasMessageContaining("not a YuNet model")
                .hasMessageContaining("cls_8");
        assertThatThrownBy(() -> OperatorFaceModels.load(yunet, yunet, 640, 1))
                .hasMessageContaining("not an SFace model");
    }
}
