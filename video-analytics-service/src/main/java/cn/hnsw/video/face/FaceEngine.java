package cn.hnsw.video.face;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The face pipeline on ONNX Runtime: tiny face detector, 68-point landmarks, and the 128-d recognition net of the
 * npm package {@code @vladmandic/face-api} (MIT), each run as an ONNX graph built in Java from the package's weights.
 * {@link #detect}, {@link #landmarks} and {@link #faceApiDescriptor} reproduce face-api step by step (tested against
 * vectors made with its own JavaScript); {@link #analyze} is the production path, which levels the eyes before the
 * descriptor crop. The landmark, recognition and age/gender nets take a batch: every face of a frame goes through each
 * of them in one ONNX Runtime call ({@link #describe}), from a direct input buffer kept per thread.
 */
public final class FaceEngine implements AutoCloseable {

    /** Euclidean distance under which face-api's authors call two descriptors the same person. */
    public static final double DEFAULT_MATCH_DISTANCE = 0.6;
    private static final double[][] ANCHORS = {
        {1.603231, 2.094468}, {6.041143, 7.080126}, {2.882459, 3.518061}, {4.266906, 5.178857}, {9.041765, 10.66308}};
    private static final double IOU_THRESHOLD = 0.4;
    private static final String MODEL_DIR = "face-models";

    private final OrtEnvironment env;
    private final OrtSession detector;
    private final OrtSession landmarker;
    private final OrtSession recognizer;
    private final OrtSession ageGender;
    private final int inputSize;
    /** Input tensors are written into one direct buffer per thread, grown when a batch needs more. */
    private final ThreadLocal<FloatBuffer> inputBuffers = new ThreadLocal<>();

    /** A face box in image pixels with the detector's score. */
    public record FaceBox(double x, double y, double width, double height, double score) {
        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }
    }

    /** 68 landmark points in image pixels, and the size of the crop they were found in (face-api keeps it). */
    public record Landmarks(double[] xs, double[] ys, int cropWidth, int cropHeight) {
        public double[] centre(int from, int to) {
            double sx = 0;
            double sy = 0;
            for (int i = from; i < to; i++) {
                sx += xs[i];
                sy += ys[i];
            }
            return new double[] {sx / (to - from), sy / (to - from)};
        }

        public double[] leftEye() {
            return centre(36, 42);
        }

        public double[] rightEye() {
            return centre(42, 48);
        }

        public double[] mouth() {
            return centre(48, 68);
        }

        /** Roll of the eye line, radians (positive: right eye lower in the image). */
        public double roll() {
            double[] l = leftEye();
            double[] r = rightEye();
            return Math.atan2(r[1] - l[1], r[0] - l[0]);
        }
    }

    /** One analysed face: where, its landmarks and its descriptor. */
    public record AnalyzedFace(FaceBox box, Landmarks landmarks, float[] descriptor) {
    }

    private FaceEngine(OrtEnvironment env, OrtSession detector, OrtSession landmarker, OrtSession recognizer,
            OrtSession ageGender, int inputSize) {
        this.env = env;
        this.detector = detector;
        this.landmarker = landmarker;
        this.recognizer = recognizer;
        this.ageGender = ageGender;
        this.inputSize = inputSize;
    }

    /**
     * Builds the graphs from the weights on the classpath ({@code face-models/}).
     *
     * @param detectorInputSize multiple of 32 (face-api uses 128…608; 320 is a good trade-off for 720p)
     * @param threads           intra-op threads per inference (1 = one core)
     */
    public static FaceEngine load(int detectorInputSize, int threads) {
        if (detectorInputSize % 32 != 0 || detectorInputSize < 128) {
            throw new IllegalArgumentException("detector input size must be a multiple of 32, at least 128");
        }
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession detector = env.createSession(FaceNetGraphs.tinyFaceDetector(
                    NetWeights.fromClasspath(MODEL_DIR, "tiny_face_detector_model"), detectorInputSize), options);
            OrtSession landmarker = env.createSession(FaceNetGraphs.landmark68(
                    NetWeights.fromClasspath(MODEL_DIR, "face_landmark_68_model")), options);
            OrtSession recognizer = env.createSession(FaceNetGraphs.recognition(
                    NetWeights.fromClasspath(MODEL_DIR, "face_recognition_model")), options);
            OrtSession ageGender = env.createSession(FaceNetGraphs.ageGender(
                    NetWeights.fromClasspath(MODEL_DIR, "age_gender_model")), options);
            return new FaceEngine(env, detector, landmarker, recognizer, ageGender, detectorInputSize);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot build the face nets on ONNX Runtime", e);
        }
    }

    public int inputSize() {
        return inputSize;
    }

    /** Faces with a score above {@code scoreThreshold}, after non-maximum suppression, as face-api finds them. */
    public List<FaceBox> detect(RgbImage img, double scoreThreshold) {
        float[] input = FacePreprocessing.squareInput(img, 0, 0, img.width(), img.height(), false, inputSize,
                FacePreprocessing.DETECTOR_MEAN);
        float[] out = run(detector, List.of(input), inputSize)[0];
        int cells = (int) Math.round(Math.sqrt(out.length / 25.0));
        double scale = (double) inputSize / Math.max(img.width(), img.height());
        long reshapedW = Math.round(img.width() * scale);
        long reshapedH = Math.round(img.height() * scale);
        double side = Math.max(reshapedW, reshapedH);
        double corrX = side / reshapedW;
        double corrY = side / reshapedH;
        List<double[]> boxes = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        int plane = cells * cells;
        for (int row = 0; row < cells; row++) {
            for (int col = 0; col < cells; col++) {
                for (int a = 0; a < ANCHORS.length; a++) {
                    int base = a * 5 * plane + row * cells + col;
                    double score = sigmoid(out[base + 4 * plane]);
                    if (score > scoreThreshold) {
                        double ctX = ((col + sigmoid(out[base])) / cells) * corrX;
                        double ctY = ((row + sigmoid(out[base + plane])) / cells) * corrY;
                        double w = ((Math.exp(out[base + 2 * plane]) * ANCHORS[a][0]) / cells) * corrX;
                        double h = ((Math.exp(out[base + 3 * plane]) * ANCHORS[a][1]) / cells) * corrY;
                        double x = ctX - w / 2;
                        double y = ctY - h / 2;
                        boxes.add(new double[] {x, y, x + w, y + h});
                        scores.add(score);
                    }
                }
            }
        }
        List<FaceBox> faces = new ArrayList<>();
        for (int idx : nonMaxSuppression(boxes, scores)) {
            double[] b = boxes.get(idx);
            faces.add(new FaceBox(b[0] * img.width(), b[1] * img.height(), (b[2] - b[0]) * img.width(),
                    (b[3] - b[1]) * img.height(), scores.get(idx)));
        }
        return faces;
    }

    private List<Integer> nonMaxSuppression(List<double[]> boxes, List<Double> scores) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            order.add(i);
        }
        // face-api sorts ascending (stable) and pops from the end
        order.sort(Comparator.comparingDouble(scores::get));
        List<Integer> pick = new ArrayList<>();
        while (!order.isEmpty()) {
            int curr = order.remove(order.size() - 1);
            pick.add(curr);
            List<Integer> keep = new ArrayList<>();
            for (int idx : order) {
                if (iou(boxes.get(curr), boxes.get(idx)) <= IOU_THRESHOLD) {
                    keep.add(idx);
                }
            }
            order = keep;
        }
        return pick;
    }

    private double iou(double[] a, double[] b) {
        double s = inputSize;
        double w = Math.max(0, Math.min(a[2] * s, b[2] * s) - Math.max(a[0] * s, b[0] * s));
        double h = Math.max(0, Math.min(a[3] * s, b[3] * s) - Math.max(a[1] * s, b[1] * s));
        double inter = w * h;
        double areaA = (a[2] * s - a[0] * s) * (a[3] * s - a[1] * s);
        double areaB = (b[2] * s - b[0] * s) * (b[3] * s - b[1] * s);
        return inter / (areaA + areaB - inter);
    }

    /** The 68 landmarks of the face in {@code box}, found on the box's crop as face-api does. */
    public Landmarks landmarks(RgbImage img, FaceBox box) {
        return landmarks(img, List.of(box)).get(0);
    }

    /** The landmarks of every box, in one batched run of the landmark net. */
    public List<Landmarks> landmarks(RgbImage img, List<FaceBox> boxes) {
        if (boxes.isEmpty()) {
            return List.of();
        }
        List<float[]> inputs = new ArrayList<>(boxes.size());
        List<int[]> crops = new ArrayList<>(boxes.size());
        for (FaceBox box : boxes) {
            int[] crop = clipFloor(box.x(), box.y(), box.width(), box.height(), img.width(), img.height());
            crops.add(crop);
            inputs.add(FacePreprocessing.squareInput(img, crop[0], crop[1], crop[2], crop[3], true, 112,
                    FacePreprocessing.FACE_MEAN));
        }
        float[][] outs = run(landmarker, inputs, 112);
        List<Landmarks> result = new ArrayList<>(boxes.size());
        for (int f = 0; f < boxes.size(); f++) {
            FaceBox box = boxes.get(f);
            float[] out = outs[f];
            int w = crops.get(f)[2];
            int h = crops.get(f)[3];
            float scale = 112f / Math.max(h, w);
            float dimW = (float) (w * (double) scale);
            float dimH = (float) (h * (double) scale);
            float padX = w < h ? Math.abs(dimW - dimH) / 2 : 0;
            float padY = h < w ? Math.abs(dimW - dimH) / 2 : 0;
            double[] xs = new double[68];
            double[] ys = new double[68];
            for (int i = 0; i < 68; i++) {
                float rx = (out[2 * i] * 112f - padX) / dimW;
                float ry = (out[2 * i + 1] * 112f - padY) / dimH;
                xs[i] = rx * (double) w + box.x();
                ys[i] = ry * (double) h + box.y();
            }
            result.add(new Landmarks(xs, ys, w, h));
        }
        return result;
    }

    /** Estimated age (years) and probability that the face is male, from face-api's age/gender net. */
    public record AgeGender(double age, double maleProbability) {
        public String gender() {
            return maleProbability > 0.5 ? "male" : "female";
        }
    }

    /** Age and gender on face-api's crop for them: the landmarks' bounding box padded by 20 %. */
    public AgeGender ageGender(RgbImage img, Landmarks lm) {
        return ageGender(img, List.of(lm)).get(0);
    }

    /** Age and gender of every face, in one batched run of the age/gender net. */
    public List<AgeGender> ageGender(RgbImage img, List<Landmarks> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        List<float[]> inputs = new ArrayList<>(faces.size());
        for (Landmarks lm : faces) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = 0;
            double maxY = 0;
            for (int i = 0; i < 68; i++) {
                minX = Math.min(minX, lm.xs()[i]);
                minY = Math.min(minY, lm.ys()[i]);
                maxX = Math.max(maxX, lm.xs()[i]);
                maxY = Math.max(maxY, lm.ys()[i]);
            }
            double w = maxX - minX;
            double h = maxY - minY;
            int[] crop = clipFloor(minX - w * 0.2 / 2, minY - h * 0.2 / 2, w + w * 0.2, h + h * 0.2, img.width(),
                    img.height());
            inputs.add(FacePreprocessing.squareInput(img, crop[0], crop[1], crop[2], crop[3], true, 112,
                    FacePreprocessing.FACE_MEAN));
        }
        List<AgeGender> result = new ArrayList<>(faces.size());
        for (float[] out : run(ageGender, inputs, 112)) {
            double m = Math.max(out[1], out[2]);
            double male = Math.exp(out[1] - m);
            double female = Math.exp(out[2] - m);
            result.add(new AgeGender(out[0], male / (male + female)));
        }
        return result;
    }

    /** face-api's descriptor: its dlib-style crop from the landmarks, without levelling the eyes. */
    public float[] faceApiDescriptor(RgbImage img, Landmarks lm) {
        int[] rect = faceApiAlignedRect(lm);
        int[] crop = clipFloor(rect[0], rect[1], rect[2], rect[3], img.width(), img.height());
        if (crop[2] <= 0 || crop[3] <= 0) {
            return new float[128];
        }
        float[] input = FacePreprocessing.squareInput(img, crop[0], crop[1], crop[2], crop[3], true, 150,
                FacePreprocessing.FACE_MEAN);
        return run(recognizer, List.of(input), 150)[0];
    }

    /** face-api's {@code alignDlib}: [x, y, width, height] of the recognition crop. */
    public static int[] faceApiAlignedRect(Landmarks lm) {
        double[] le = lm.leftEye();
        double[] re = lm.rightEye();
        double[] mo = lm.mouth();
        double eyeToMouth = (Math.hypot(mo[0] - le[0], mo[1] - le[1]) + Math.hypot(mo[0] - re[0], mo[1] - re[1])) / 2;
        int size = (int) Math.floor(eyeToMouth / 0.45);
        double cx = (le[0] + re[0] + mo[0]) / 3;
        double cy = (le[1] + re[1] + mo[1]) / 3;
        int x = (int) Math.floor(Math.max(0, cx - 0.5 * size));
        int y = (int) Math.floor(Math.max(0, cy - 0.43 * size));
        return new int[] {x, y, Math.min(size, lm.cropWidth() + x), Math.min(size, lm.cropHeight() + y)};
    }

    /**
     * The production descriptor: the same crop geometry as face-api, taken in a frame rotated so that the eyes are
     * level (measurably better matching on tilted heads), sampled bilinearly, zero outside the image.
     */
    public float[] levelledDescriptor(RgbImage img, Landmarks lm) {
        return levelledDescriptors(img, List.of(lm)).get(0);
    }

    /** {@link #levelledDescriptor} of every face, in one batched run of the recognition net. */
    public List<float[]> levelledDescriptors(RgbImage img, List<Landmarks> faces) {
        if (faces.isEmpty()) {
            return List.of();
        }
        List<float[]> inputs = new ArrayList<>(faces.size());
        for (Landmarks lm : faces) {
            double[] le = lm.leftEye();
            double[] re = lm.rightEye();
            double[] mo = lm.mouth();
            double eyeToMouth = (Math.hypot(mo[0] - le[0], mo[1] - le[1]) + Math.hypot(mo[0] - re[0], mo[1] - re[1]))
                    / 2;
            double size = Math.floor(eyeToMouth / 0.45);
            double cx = (le[0] + re[0] + mo[0]) / 3;
            double cy = (le[1] + re[1] + mo[1]) / 3;
            inputs.add(FacePreprocessing.rotatedSquareInput(img, cx - 0.5 * size, cy - 0.43 * size, size, cx, cy,
                    lm.roll(), 150, FacePreprocessing.FACE_MEAN));
        }
        return List.of(run(recognizer, inputs, 150));
    }

    /** Detect, find landmarks and describe every face (the production path for photos). */
    public List<AnalyzedFace> analyze(RgbImage img, double scoreThreshold) {
        return describe(img, detect(img, scoreThreshold));
    }

    /** Landmarks and levelled descriptors of the given boxes: each net runs once for all of them. */
    public List<AnalyzedFace> describe(RgbImage img, List<FaceBox> boxes) {
        List<Landmarks> lms = landmarks(img, boxes);
        List<float[]> descriptors = levelledDescriptors(img, lms);
        List<AnalyzedFace> faces = new ArrayList<>(boxes.size());
        for (int i = 0; i < boxes.size(); i++) {
            faces.add(new AnalyzedFace(boxes.get(i), lms.get(i), descriptors.get(i)));
        }
        return faces;
    }

    public static double distance(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** face-api's Box.clipAtImageBorders followed by floor: [x, y, width, height]. */
    static int[] clipFloor(double x, double y, double width, double height, int imgW, int imgH) {
        double cx = Math.max(x, 0);
        double cy = Math.max(y, 0);
        double w = Math.min(x + width - cx, imgW - cx);
        double h = Math.min(y + height - cy, imgH - cy);
        return new int[] {(int) Math.floor(cx), (int) Math.floor(cy), (int) Math.floor(w), (int) Math.floor(h)};
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** One run of a net over a batch of inputs (3×size×size each); one output row per input. */
    private float[][] run(OrtSession session, List<float[]> inputs, int size) {
        int per = 3 * size * size;
        FloatBuffer buffer = inputBuffer(per * inputs.size());
        for (float[] in : inputs) {
            buffer.put(in);
        }
        buffer.flip();
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {inputs.size(), 3, size, size});
                OrtSession.Result result = session.run(Map.of(FaceNetGraphs.INPUT, tensor))) {
            FloatBuffer fb = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[][] out = new float[inputs.size()][fb.remaining() / inputs.size()];
            for (float[] row : out) {
                fb.get(row);
            }
            return out;
        } catch (OrtException e) {
            throw new IllegalStateException("face net inference failed", e);
        }
    }

    /** This thread's direct input buffer, cleared, with room for {@code floats}; ONNX Runtime reads it in place. */
    private FloatBuffer inputBuffer(int floats) {
        FloatBuffer buffer = inputBuffers.get();
        if (buffer == null || buffer.capacity() < floats) {
            buffer = ByteBuffer.allocateDirect(Math.max(floats, 3 * 150 * 150 * 8) * Float.BYTES)
                    .order(ByteOrder.nativeOrder()).asFloatBuffer();
            inputBuffers.set(buffer);
        }
        buffer.clear();
        return buffer;
    }

    @Override
    public void close() {
        try {
            detector.close();
            landmarker.close();
            recognizer.close();
            ageGender.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }
}
