package cn.hnsw.video.face;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Operator-supplied face models: OpenCV's YuNet detector and SFace recogniser as ONNX files a site provides
 * ({@code face_detection_yunet_2023mar.onnx}, {@code face_recognition_sface_2021dec.onnx}, Apache-2.0, from the OpenCV
 * model zoo). No registry the build can reach ships them, so they are never bundled: the operator points
 * {@code hnsw.video.face.operator.detector-model} and {@code hnsw.video.face.operator.recognizer-model} at the files and
 * they run on the ONNX Runtime the service already carries.
 *
 * <p>Both steps follow OpenCV's {@code FaceDetectorYN} and {@code FaceRecognizerSF} (modules/objdetect,
 * face_detect.cpp and face_recognize.cpp): the detector sees the BGR frame as 0–255 floats, zero-padded bottom/right to
 * multiples of 32; for each stride 8, 16, 32 the outputs {@code cls_s}, {@code obj_s}, {@code bbox_s}, {@code kps_s}
 * give per cell a score √(cls·obj) (each clamped to [0, 1]), a box centred at (c + dx, r + dy)·s of size
 * e^(dw)·s × e^(dh)·s and five landmarks (c + kx, r + ky)·s (right eye, left eye, nose tip, right and left mouth
 * corner); non-maximum suppression at IoU 0.3. The recogniser's crop is the similarity transform (least squares, as
 * {@code alignCrop}) taking the five landmarks onto SFace's 112×112 template, bilinear, black outside; its input is
 * RGB 0–255; the 128-d feature is L2-normalised, so Euclidean distance d and the cosine similarity c relate by
 * d² = 2 − 2c and OpenCV's cosine threshold 0.363 is the distance {@link #MATCH_DISTANCE} 1.128.
 */
public final class OperatorFaceModels implements AutoCloseable {

    /** OpenCV's FR_NORM_L2 threshold for SFace (the same decision as cosine ≥ 0.363). */
    public static final double MATCH_DISTANCE = 1.128;
    public static final double MATCH_COSINE = 0.363;
    static final int[] STRIDES = {8, 16, 32};
    private static final double NMS_IOU = 0.3;
    /** SFace's 112×112 template: right eye, left eye, nose tip, right and left mouth corner. */
    static final double[][] TEMPLATE = {
        {38.2946, 51.6963}, {73.5318, 51.5014}, {56.0252, 71.7366}, {41.5493, 92.3655}, {70.7299, 92.2041}};
    private static final int CROP = 112;

    /** A face found by YuNet, in frame pixels, with its five landmarks as {x, y} pairs. */
    public record OperatorFace(double x, double y, double width, double height, double score, double[][] landmarks) {
    }

    private final OrtEnvironment env;
    private final OrtSession detector;
    private final OrtSession recognizer;
    private final String detectorInput;
    private final String recognizerInput;
    private final long fixedWidth;
    private final long fixedHeight;
    private final int maxSide;

    private OperatorFaceModels(OrtEnvironment env, OrtSession detector, OrtSession recognizer, int maxSide)
            throws OrtException {
        this.env = env;
        this.detector = detector;
        this.recognizer = recognizer;
        this.maxSide = maxSide;
        this.detectorInput = detector.getInputNames().iterator().next();
        this.recognizerInput = recognizer.getInputNames().iterator().next();
        long[] shape = ((TensorInfo) detector.getInputInfo().get(detectorInput).getInfo()).getShape();
        this.fixedWidth = shape.length == 4 ? shape[3] : -1;
        this.fixedHeight = shape.length == 4 ? shape[2] : -1;
    }

    /**
     * Loads the operator's two files; refuses at once, naming the setting and the path, a file that is missing or
     * unreadable and a model whose inputs and outputs are not YuNet's or SFace's.
     *
     * @param maxSide the longer side the detector sees (frames are scaled down to it; a model with a fixed input size
     *                uses that size instead)
     */
    public static OperatorFaceModels load(Path detectorModel, Path recognizerModel, int maxSide, int threads) {
        requireFile("hnsw.video.face.operator.detector-model", detectorModel, "YuNet (face_detection_yunet_*.onnx)");
        requireFile("hnsw.video.face.operator.recognizer-model", recognizerModel,
                "SFace (face_recognition_sface_*.onnx)");
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession det = null;
        OrtSession rec = null;
        try {
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            det = open(env, "hnsw.video.face.operator.detector-model", detectorModel, options);
            rec = open(env, "hnsw.video.face.operator.recognizer-model", recognizerModel, options);
            checkDetector(det, detectorModel);
            checkRecognizer(rec, recognizerModel);
            return new OperatorFaceModels(env, det, rec, maxSide);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(det);
            closeQuietly(rec);
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("cannot load the operator face models: " + e.getMessage(), e);
        }
    }

    private static void requireFile(String setting, Path path, String what) {
        if (path == null) {
            throw new IllegalStateException(setting + " is not set: give the path of the " + what + " model");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalStateException(setting + " = " + path + ": no readable file there (expected the " + what
                    + " model; it is not bundled, the operator provides it)");
        }
    }

    private static OrtSession open(OrtEnvironment env, String setting, Path path, OrtSession.SessionOptions options) {
        try {
            return env.createSession(path.toString(), options);
        } catch (OrtException e) {
            throw new IllegalStateException(setting + " = " + path + ": not a model ONNX Runtime can load ("
                    + e.getMessage() + ")", e);
        }
    }

    private static void checkDetector(OrtSession det, Path path) throws OrtException {
        Set<String> outputs = det.getOutputNames();
        List<String> missing = new ArrayList<>();
        for (String kind : List.of("cls", "obj", "bbox", "kps")) {
            for (int s : STRIDES) {
                if (!outputs.contains(kind + "_" + s)) {
                    missing.add(kind + "_" + s);
                }
            }
        }
        long[] in = inputShape(det);
        if (!missing.isEmpty() || in.length != 4 || (in[1] > 0 && in[1] != 3)) {
            throw new IllegalStateException("hnsw.video.face.operator.detector-model = " + path
                    + ": not a YuNet model (needs one 1×3×H×W input and outputs cls/obj/bbox/kps for strides 8, 16, 32;"
                    + " missing " + missing + ")");
        }
    }

    private static void checkRecognizer(OrtSession rec, Path path) throws OrtException {
        long[] in = inputShape(rec);
        boolean ok = in.length == 4 && (in[1] <= 0 || in[1] == 3) && (in[2] <= 0 || in[2] == CROP)
                && (in[3] <= 0 || in[3] == CROP) && rec.getOutputNames().size() >= 1;
        if (!ok) {
            throw new IllegalStateException("hnsw.video.face.operator.recognizer-model = " + path
                    + ": not an SFace model (needs one 1×3×112×112 input)");
        }
    }

    private static long[] inputShape(OrtSession s) throws OrtException {
        if (s.getInputNames().size() != 1) {
            return new long[0];
        }
        NodeInfo info = s.getInputInfo().values().iterator().next();
        return info.getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
    }

    private static void closeQuietly(OrtSession s) {
        if (s != null) {
            try {
                s.close();
            } catch (OrtException ignored) {
                // already failing: the load error is the one to report
            }
        }
    }

    /** YuNet's faces with a score ≥ {@code scoreThreshold} (OpenCV's default is 0.9), after NMS, best first. */
    public List<OperatorFace> detect(RgbImage img, double scoreThreshold) {
        double scale;
        int w;
        int h;
        if (fixedWidth > 0 && fixedHeight > 0) {
            scale = Math.min((double) fixedWidth / img.width(), (double) fixedHeight / img.height());
            w = (int) fixedWidth;
            h = (int) fixedHeight;
        } else {
            scale = Math.min(1.0, (double) maxSide / Math.max(img.width(), img.height()));
            w = ((int) Math.round(img.width() * scale) + 31) / 32 * 32;
            h = ((int) Math.round(img.height() * scale) + 31) / 32 * 32;
        }
        int contentW = Math.min(w, (int) Math.round(img.width() * scale));
        int contentH = Math.min(h, (int) Math.round(img.height() * scale));
        float[] input = new float[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < contentH; y++) {
            for (int x = 0; x < contentW; x++) {
                double sx = (x + 0.5) / scale - 0.5;
                double sy = (y + 0.5) / scale - 0.5;
                for (int c = 0; c < 3; c++) {
                    // BGR: channel c of the net is colour 2 - c of the frame
                    input[c * plane + y * w + x] = bilinear(img, sx, sy, 2 - c);
                }
            }
        }
        Map<String, float[]> out = new java.util.HashMap<>();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, h, w});
                OrtSession.Result r = detector.run(Map.of(detectorInput, t))) {
            for (Map.Entry<String, ai.onnxruntime.OnnxValue> e : r) {
                FloatBuffer fb = ((OnnxTensor) e.getValue()).getFloatBuffer();
                float[] values = new float[fb.remaining()];
                fb.get(values);
                out.put(e.getKey(), values);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("operator face detector failed", e);
        }
        List<OperatorFace> faces = decode(out, w, h, scoreThreshold);
        List<OperatorFace> scaled = new ArrayList<>();
        for (OperatorFace f : nms(faces)) {
            double[][] lm = new double[5][];
            for (int n = 0; n < 5; n++) {
                lm[n] = new double[] {f.landmarks()[n][0] / scale, f.landmarks()[n][1] / scale};
            }
            scaled.add(new OperatorFace(f.x() / scale, f.y() / scale, f.width() / scale, f.height() / scale, f.score(),
                    lm));
        }
        return scaled;
    }

    /** YuNet's per-stride outputs to faces in net-input pixels (OpenCV's FaceDetectorYN::postProcess). */
    static List<OperatorFace> decode(Map<String, float[]> out, int padW, int padH, double scoreThreshold) {
        List<OperatorFace> faces = new ArrayList<>();
        for (int s : STRIDES) {
            int cols = padW / s;
            int rows = padH / s;
            float[] cls = out.get("cls_" + s);
            float[] obj = out.get("obj_" + s);
            float[] bbox = out.get("bbox_" + s);
            float[] kps = out.get("kps_" + s);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    int idx = r * cols + c;
                    double score = Math.sqrt(clamp01(cls[idx]) * clamp01(obj[idx]));
                    if (score < scoreThreshold) {
                        continue;
                    }
                    double cx = (c + bbox[idx * 4]) * s;
                    double cy = (r + bbox[idx * 4 + 1]) * s;
                    double bw = Math.exp(bbox[idx * 4 + 2]) * s;
                    double bh = Math.exp(bbox[idx * 4 + 3]) * s;
                    double[][] lm = new double[5][];
                    for (int n = 0; n < 5; n++) {
                        lm[n] = new double[] {(kps[idx * 10 + 2 * n] + c) * s, (kps[idx * 10 + 2 * n + 1] + r) * s};
                    }
                    faces.add(new OperatorFace(cx - bw / 2, cy - bh / 2, bw, bh, score, lm));
                }
            }
        }
        return faces;
    }

    private static double clamp01(float v) {
        return Math.max(0, Math.min(1, v));
    }

    private static List<OperatorFace> nms(List<OperatorFace> faces) {
        List<OperatorFace> sorted = new ArrayList<>(faces);
        sorted.sort(Comparator.comparingDouble(OperatorFace::score).reversed());
        List<OperatorFace> kept = new ArrayList<>();
        for (OperatorFace f : sorted) {
            boolean overlaps = false;
            for (OperatorFace k : kept) {
                if (iou(f, k) > NMS_IOU) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static double iou(OperatorFace a, OperatorFace b) {
        double ix = Math.max(0, Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x()));
        double iy = Math.max(0, Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y()));
        double inter = ix * iy;
        return inter / (a.width() * a.height() + b.width() * b.height() - inter);
    }

    /**
     * The least-squares similarity transform (rotation, uniform scale, translation) taking {@code from} onto
     * {@code to}, as {a, b, tx, ty} for x' = a·x − b·y + tx, y' = b·x + a·y + ty (Umeyama's estimate, as OpenCV's
     * alignCrop computes it).
     */
    static double[] similarity(double[][] from, double[][] to) {
        int n = from.length;
        double fx = 0;
        double fy = 0;
        double tx = 0;
        double ty = 0;
        for (int i = 0; i < n; i++) {
            fx += from[i][0] / n;
            fy += from[i][1] / n;
            tx += to[i][0] / n;
            ty += to[i][1] / n;
        }
        double norm = 0;
        double dot = 0;
        double cross = 0;
        for (int i = 0; i < n; i++) {
            double px = from[i][0] - fx;
            double py = from[i][1] - fy;
            double qx = to[i][0] - tx;
            double qy = to[i][1] - ty;
            norm += px * px + py * py;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
        }
        double a = dot / norm;
        double b = cross / norm;
        return new double[] {a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy)};
    }

    /** SFace's 112×112 RGB crop of a face (planar, 0–255), aligned on its five landmarks. */
    static float[] alignedCrop(RgbImage img, double[][] landmarks) {
        double[] m = similarity(landmarks, TEMPLATE);
        double a = m[0];
        double b = m[1];
        double det = a * a + b * b;
        float[] out = new float[3 * CROP * CROP];
        int plane = CROP * CROP;
        for (int v = 0; v < CROP; v++) {
            for (int u = 0; u < CROP; u++) {
                double dx = u - m[2];
                double dy = v - m[3];
                double sx = (a * dx + b * dy) / det;
                double sy = (-b * dx + a * dy) / det;
                for (int c = 0; c < 3; c++) {
                    out[c * plane + v * CROP + u] = bilinearOrBlack(img, sx, sy, c);
                }
            }
        }
        return out;
    }

    /** The face's L2-normalised SFace feature. */
    public float[] feature(RgbImage img, OperatorFace face) {
        float[] input = alignedCrop(img, face.landmarks());
        float[] f;
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, CROP, CROP});
                OrtSession.Result r = recognizer.run(Map.of(recognizerInput, t))) {
            FloatBuffer fb = ((OnnxTensor) r.get(0)).getFloatBuffer();
            f = new float[fb.remaining()];
            fb.get(f);
        } catch (OrtException e) {
            throw new IllegalStateException("operator face recogniser failed", e);
        }
        double n = 0;
        for (float v : f) {
            n += v * v;
        }
        n = Math.sqrt(n);
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (f[i] / n);
        }
        return f;
    }

    /** Cosine similarity of two normalised features (OpenCV's FR_COSINE). */
    public static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static float bilinear(RgbImage img, double fx, double fy, int channel) {
        double x = Math.max(0, Math.min(img.width() - 1, fx));
        double y = Math.max(0, Math.min(img.height() - 1, fy));
        int x0 = (int) x;
        int y0 = (int) y;
        int x1 = Math.min(img.width() - 1, x0 + 1);
        int y1 = Math.min(img.height() - 1, y0 + 1);
        double ax = x - x0;
        double ay = y - y0;
        double top = img.get(x0, y0, channel) * (1 - ax) + img.get(x1, y0, channel) * ax;
        double bottom = img.get(x0, y1, channel) * (1 - ax) + img.get(x1, y1, channel) * ax;
        return (float) (top * (1 - ay) + bottom * ay);
    }

    private static float bilinearOrBlack(RgbImage img, double fx, double fy, int channel) {
        int x0 = (int) Math.floor(fx);
        int y0 = (int) Math.floor(fy);
        double ax = fx - x0;
        double ay = fy - y0;
        return (float) (pixel(img, x0, y0, channel) * (1 - ax) * (1 - ay) + pixel(img, x0 + 1, y0, channel) * ax * (1 - ay)
                + pixel(img, x0, y0 + 1, channel) * (1 - ax) * ay + pixel(img, x0 + 1, y0 + 1, channel) * ax * ay);
    }

    private static int pixel(RgbImage img, int x, int y, int channel) {
        return x < 0 || y < 0 || x >= img.width() || y >= img.height() ? 0 : img.get(x, y, channel);
    }

    @Override
    public void close() {
        try {
            detector.close();
            recognizer.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
