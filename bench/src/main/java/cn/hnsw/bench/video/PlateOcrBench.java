package cn.hnsw.bench.video;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Cost of one frame of plate reading (the service's {@code PaddleOcrPlateReader}): PaddleOCR's PP-OCRv4 text detector
 * on a 960×540 road frame at the input sizes {@code hnsw.video.plate.detector-max-side} allows (960 → 960×544,
 * 640 → 640×352, 480 → 480×288), and one run of the recogniser on one 48×320 text line, on ONNX Runtime with one
 * intra-op thread (pin with {@code taskset -c 0}). The sizes are measured in alternating rounds, so that a shared
 * machine's load falls on all alike; the median of the rounds is printed. A frame costs the detector once plus the
 * recogniser once per plate-shaped line (the reader skips the others). Whether the smaller inputs still read the plates
 * is checked by {@code PaddleOcrPlateReaderTest#aSmallerDetectorInputReadsTheSamePlates}, not here. With the service's
 * classes on the class path it then times the service's whole read of the frame at each size.
 *
 * <p>Needs {@code mvn -pl video-analytics-service compile} first (it copies the nets to
 * {@code target/classes/plate-models}). Run: {@code taskset -c 0 java -cp <bench classes, ../video-analytics-service/target/classes, onnxruntime and jackson jars>
 * cn.hnsw.bench.video.PlateOcrBench ../video-analytics-service/target/classes/plate-models
 * ../video-analytics-service/src/test/resources/plates/qiong-a12345.jpg 20}.
 */
public final class PlateOcrBench {

    private static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    private static final float[] STD = {0.229f, 0.224f, 0.225f};

    public static void main(String[] args) throws Exception {
        Path models = Path.of(args.length > 0 ? args[0] : "../video-analytics-service/target/classes/plate-models");
        Path frame = Path.of(args.length > 1 ? args[1]
                : "../video-analytics-service/src/test/resources/plates/qiong-a12345.jpg");
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        BufferedImage img = ImageIO.read(frame.toFile());
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        int[] sides = {960, 640, 480};
        try (OrtSession det = env.createSession(models.resolve("ch_PP-OCRv4_det_infer.onnx").toString(), options);
                OrtSession rec = env.createSession(models.resolve("ch_PP-OCRv4_rec_infer.onnx").toString(), options)) {
            float[][] inputs = new float[sides.length][];
            long[][] shapes = new long[sides.length][];
            for (int i = 0; i < sides.length; i++) {
                double scale = Math.min(1.0, (double) sides[i] / Math.max(img.getWidth(), img.getHeight()));
                int w = Math.max(32, (int) Math.round(img.getWidth() * scale / 32) * 32);
                int h = Math.max(32, (int) Math.round(img.getHeight() * scale / 32) * 32);
                inputs[i] = detectorInput(img, w, h);
                shapes[i] = new long[] {1, 3, h, w};
            }
            float[] line = new float[3 * 48 * 320];
            Arrays.fill(line, 0.1f);
            double[][] detMs = new double[sides.length][rounds];
            double[] recMs = new double[rounds];
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < sides.length; i++) {
                    run(env, det, inputs[i], shapes[i]);
                }
                run(env, rec, line, new long[] {1, 3, 48, 320});
            }
            for (int r = 0; r < rounds; r++) {
                for (int i = 0; i < sides.length; i++) {
                    detMs[i][r] = run(env, det, inputs[i], shapes[i]);
                }
                recMs[r] = run(env, rec, line, new long[] {1, 3, 48, 320});
            }
            double base = median(detMs[0]);
            for (int i = 0; i < sides.length; i++) {
                System.out.printf(Locale.ROOT, "detector max side %d (%d×%d): median %.1f ms, min %.1f ms, %.2f of 960%n",
                        sides[i], shapes[i][3], shapes[i][2], median(detMs[i]), Arrays.stream(detMs[i]).min()
                                .orElseThrow(), median(detMs[i]) / base);
            }
            System.out.printf(Locale.ROOT, "recogniser, one 48×320 line: median %.1f ms, min %.1f ms%n", median(recMs),
                    Arrays.stream(recMs).min().orElseThrow());
        }
        wholeReads(img, sides, rounds);
    }

    /**
     * The service's own reader, whole frame (preprocessing, detector, components, plate-shape filter, recogniser), at
     * each input size, when {@code ../video-analytics-service/target/classes} is on the class path (the bench module
     * compiles only the face package of the service, so the reader is reached by name).
     */
    private static void wholeReads(BufferedImage img, int[] sides, int rounds) throws Exception {
        Class<?> type;
        try {
            type = Class.forName("cn.hnsw.video.plate.PaddleOcrPlateReader");
        } catch (ClassNotFoundException e) {
            System.out.println("whole reads: add ../video-analytics-service/target/classes to the class path");
            return;
        }
        java.lang.reflect.Method load = type.getMethod("load", int.class, int.class, double.class);
        java.lang.reflect.Method read = type.getMethod("read", cn.hnsw.video.face.RgbImage.class);
        cn.hnsw.video.face.RgbImage frame = cn.hnsw.video.face.RgbImage.of(img);
        Object[] readers = new Object[sides.length];
        for (int i = 0; i < sides.length; i++) {
            readers[i] = load.invoke(null, 1, sides[i], 0.5);
            System.out.printf(Locale.ROOT, "reader at %d reads %s%n", sides[i], read.invoke(readers[i], frame));
        }
        double[][] ms = new double[sides.length][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < sides.length; i++) {
                long t0 = System.nanoTime();
                read.invoke(readers[i], frame);
                ms[i][r] = (System.nanoTime() - t0) / 1e6;
            }
        }
        double base = median(ms[0]);
        for (int i = 0; i < sides.length; i++) {
            System.out.printf(Locale.ROOT, "whole read, detector max side %d: median %.1f ms, min %.1f ms, %.2f of 960%n",
                    sides[i], median(ms[i]), Arrays.stream(ms[i]).min().orElseThrow(), median(ms[i]) / base);
            ((AutoCloseable) readers[i]).close();
        }
    }

    private static double run(OrtEnvironment env, OrtSession s, float[] input, long[] shape) throws Exception {
        long t0 = System.nanoTime();
        try (OnnxTensor t = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), shape);
                OrtSession.Result r = s.run(Map.of("x", t))) {
            r.get(0);
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    /** The detector's input as the reader makes it: BGR, ImageNet mean and deviation, planar. */
    private static float[] detectorInput(BufferedImage img, int w, int h) {
        BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scaled.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(img, 0, 0, w, h, null);
        g.dispose();
        float[] out = new float[3 * w * h];
        int plane = w * h;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = scaled.getRGB(x, y);
                int[] bgr = {rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff};
                for (int c = 0; c < 3; c++) {
                    out[c * plane + y * w + x] = (bgr[c] / 255f - MEAN[c]) / STD[c];
                }
            }
        }
        return out;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
