package cn.hnsw.bench.video;

import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceTracker;
import cn.hnsw.video.face.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Face pipeline throughput on 720p frames with the detector at 320 px and one intra-op thread (pin the JVM to one
 * core with {@code taskset -c 0}). Four ways over the same frames, measured in alternating rounds so that a shared
 * machine's load falls on all of them alike:
 * <ol>
 *   <li>{@code detector}: the raw detector alone;</li>
 *   <li>{@code one-by-one}: detection, then landmarks and the eye-levelled 128-d descriptor for each face in its own
 *       ONNX runs (how the service worked before batching);</li>
 *   <li>{@code batched}: the same work with every face of the frame in one run of each net
 *       ({@code FaceEngine.analyze});</li>
 *   <li>{@code tracked}: the stream path ({@code FaceTracker}): detection on every frame, landmarks and descriptor
 *       only when a track starts, grows 1.5× or every 50 frames.</li>
 * </ol>
 * Frames: the group photograph sample6 of {@code @vladmandic/face-api} (5 faces) panned 2 px per frame across a
 * 1280×720 frame, forth and back, so that faces move as in a video; decoding video is not included. The tracked figure
 * depends on how long faces stay in view: here every face stays for the whole clip, so it is the steady-state cost of a
 * camera watching people pass, not of a frame full of new faces (that is the batched figure). Also prints the
 * verification figures on the labelled pairs the package's photographs allow (see {@code docs/video-analytics.md}).
 *
 * <p>Needs {@code mvn -pl video-analytics-service compile} first (face-models and decoded samples). Run:
 * {@code taskset -c 0 mvn -q -pl bench org.codehaus.mojo:exec-maven-plugin:java -Dexec.mainClass=cn.hnsw.bench.video.FacePipelineBench
 * -Dexec.args="../video-analytics-service/target/face-samples 300"}, or with {@code java -cp} on the service's
 * classes and its class path.
 */
public final class FacePipelineBench {

    public static void main(String[] args) {
        Path samples = Path.of(args.length > 0 ? args[0] : "../video-analytics-service/target/face-samples");
        if (args.length > 1 && args[1].equals("verification")) {
            try (FaceEngine engine = FaceEngine.load(320, 1)) {
                verification(engine, samples);
            }
            return;
        }
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rounds = 5;
        BufferedImage group = RgbImage.readRaw(samples.resolve("sample6.rgb")).toBufferedImage();
        List<RgbImage> clip = new ArrayList<>();
        int distinct = 60;
        for (int i = 0; i < distinct; i++) {
            BufferedImage f = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = f.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(group, -120 + 2 * i, -150, 1280 + 240, (1280 + 240) * group.getHeight() / group.getWidth(),
                    null);
            g.dispose();
            clip.add(RgbImage.of(f));
        }
        try (FaceEngine engine = FaceEngine.load(320, 1)) {
            FaceTracker tracker = FaceTracker.withDefaults(engine, 0.5);
            String[] modes = {"detector", "one-by-one", "batched", "tracked"};
            long[] nanos = new long[modes.length];
            long[] faces = new long[modes.length];
            int perRound = frames / rounds;
            int position = 0;
            for (int round = -1; round < rounds; round++) {
                for (int m = 0; m < modes.length; m++) {
                    long s = System.nanoTime();
                    long n = 0;
                    for (int i = 0; i < perRound; i++) {
                        // forth and back through the clip: continuous motion for the tracker
                        int step = position + i;
                        RgbImage frame = clip.get(pingPong(step, distinct));
                        n += switch (m) {
                            case 0 -> engine.detect(frame, 0.5).size();
                            case 1 -> oneByOne(engine, frame);
                            case 2 -> engine.analyze(frame, 0.5).size();
                            default -> tracker.process(frame).stream().filter(FaceTracker.TrackedFace::isNew).count();
                        };
                    }
                    if (round >= 0) {
                        nanos[m] += System.nanoTime() - s;
                        faces[m] += n;
                    }
                }
                position += perRound;
            }
            int measured = perRound * rounds;
            double detectorFps = measured / (nanos[0] / 1e9);
            System.out.printf(Locale.ROOT, "720p, detector 320 px, 1 intra-op thread, %d frames per way in %d rounds%n",
                    measured, rounds);
            for (int m = 0; m < modes.length; m++) {
                double fps = measured / (nanos[m] / 1e9);
                System.out.printf(Locale.ROOT, "  %-10s %6.1f fps  %5.1f ms/frame  %.2f faces/frame %s  ratio to detector %.2f%n",
                        modes[m], fps, nanos[m] / 1e6 / measured, (double) faces[m] / measured,
                        m == 0 ? "detected " : "described", fps / detectorFps);
            }
            System.out.printf(Locale.ROOT, "  tracker: %d detections, %d described (%.1f %%)%n", tracker.detections(),
                    tracker.described(), 100.0 * tracker.described() / Math.max(1, tracker.detections()));
            verification(engine, samples);
        }
    }

    static int pingPong(int step, int n) {
        int period = 2 * (n - 1);
        int p = step % period;
        return p < n ? p : period - p;
    }

    /** Landmarks and descriptor face by face, one ONNX run each. */
    static int oneByOne(FaceEngine engine, RgbImage frame) {
        int n = 0;
        for (FaceEngine.FaceBox box : engine.detect(frame, 0.5)) {
            engine.levelledDescriptor(frame, engine.landmarks(frame, box));
            n++;
        }
        return n;
    }

    /**
     * The package's photographs carry no identity labels; the pairs that can honestly be labelled are: different
     * people (faces of different positions in the same group photo, or of different photos), and the same person seen
     * again (the same face re-photographed synthetically: mirrored, rescaled, brightened, rotated 10°, re-encoded).
     * The second kind is easier than a real second photograph, so the true-match rate is an upper bound.
     */
    static void verification(FaceEngine engine, Path samples) {
        List<float[]> originals = new ArrayList<>();
        List<float[]> variants = new ArrayList<>();
        List<Integer> variantOf = new ArrayList<>();
        List<Integer> variantKind = new ArrayList<>();
        int missed = 0;
        for (int p = 1; p <= 6; p++) {
            RgbImage img = RgbImage.readRaw(samples.resolve("sample" + p + ".rgb"));
            List<AnalyzedFace> faces = engine.analyze(img, 0.5);
            List<Variant> vs = variants(img.toBufferedImage());
            List<List<AnalyzedFace>> found = new ArrayList<>();
            for (Variant v : vs) {
                found.add(engine.analyze(RgbImage.of(v.image()), 0.5));
            }
            for (AnalyzedFace face : faces) {
                int id = originals.size();
                originals.add(face.descriptor());
                double[] eyes = face.landmarks().centre(36, 48);
                double eyeGap = Math.hypot(face.landmarks().leftEye()[0] - face.landmarks().rightEye()[0],
                        face.landmarks().leftEye()[1] - face.landmarks().rightEye()[1]);
                for (int k = 0; k < vs.size(); k++) {
                    double[] expected = vs.get(k).map(eyes);
                    AnalyzedFace best = null;
                    double bestD = 0.5 * eyeGap;
                    for (AnalyzedFace f : found.get(k)) {
                        double[] c = f.landmarks().centre(36, 48);
                        double d = Math.hypot(c[0] - expected[0], c[1] - expected[1]);
                        if (d < bestD) {
                            bestD = d;
                            best = f;
                        }
                    }
                    if (best == null) {
                        missed++;
                    } else {
                        variants.add(best.descriptor());
                        variantOf.add(id);
                        variantKind.add(k);
                    }
                }
            }
        }
        double threshold = FaceEngine.DEFAULT_MATCH_DISTANCE;
        int sameAccepted = 0;
        double sameMean = 0;
        for (int i = 0; i < variants.size(); i++) {
            double d = FaceEngine.distance(variants.get(i), originals.get(variantOf.get(i)));
            sameMean += d;
            if (d <= threshold) {
                sameAccepted++;
            }
        }
        int diffTotal = 0;
        int diffAccepted = 0;
        double diffMin = Double.MAX_VALUE;
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                diffTotal++;
                double d = FaceEngine.distance(originals.get(i), originals.get(j));
                diffMin = Math.min(diffMin, d);
                if (d <= threshold) {
                    diffAccepted++;
                }
            }
        }
        System.out.printf("verification at distance %.2f over %d faces: same person (synthetic re-shots) accepted "
                + "%d/%d = %.3f (mean distance %.3f, %d re-shots not detected); different people accepted %d/%d = %.3f "
                + "(closest pair %.3f)%n", threshold, originals.size(), sameAccepted, variants.size(),
                (double) sameAccepted / variants.size(), sameMean / variants.size(), missed, diffAccepted, diffTotal,
                (double) diffAccepted / diffTotal, diffMin);
        // per kind of re-shot at the chosen threshold, then the rates over a range of thresholds
        String[] kinds = {"mirror", "scale 0.7", "rotate 10°", "brighter", "JPEG q30", "scale 0.35", "blur", "darker"};
        for (int k = 0; k < kinds.length; k++) {
            int n = 0;
            int ok = 0;
            double sum = 0;
            for (int i = 0; i < variants.size(); i++) {
                if (variantKind.get(i) != k) {
                    continue;
                }
                double d = FaceEngine.distance(variants.get(i), originals.get(variantOf.get(i)));
                n++;
                sum += d;
                if (d <= threshold) {
                    ok++;
                }
            }
            System.out.printf(Locale.ROOT, "  re-shot %-11s detected %2d/%d, accepted %2d/%d, mean distance %.3f%n",
                    kinds[k], n, originals.size(), ok, n, n == 0 ? Double.NaN : sum / n);
        }
        List<Double> same = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            same.add(FaceEngine.distance(variants.get(i), originals.get(variantOf.get(i))));
        }
        List<Double> diff = new ArrayList<>();
        for (int i = 0; i < originals.size(); i++) {
            for (int j = i + 1; j < originals.size(); j++) {
                diff.add(FaceEngine.distance(originals.get(i), originals.get(j)));
            }
        }
        for (double t = 0.40; t <= 0.701; t += 0.05) {
            double tt = t;
            long tm = same.stream().filter(d -> d <= tt).count();
            long fm = diff.stream().filter(d -> d <= tt).count();
            System.out.printf(Locale.ROOT, "  threshold %.2f: true-match rate %d/%d = %.3f, false-match rate %d/%d = %.3f%n",
                    t, tm, same.size(), (double) tm / same.size(), fm, diff.size(), (double) fm / diff.size());
        }
    }

    /** A re-shot of a photograph and where a point of the original lands in it. */
    record Variant(BufferedImage image, java.util.function.UnaryOperator<double[]> mapping) {
        double[] map(double[] p) {
            return mapping.apply(p);
        }
    }

    static List<Variant> variants(BufferedImage src) {
        List<Variant> out = new ArrayList<>();
        int w = src.getWidth();
        int h = src.getHeight();
        out.add(new Variant(transform(src, w, h, AffineTransform.getScaleInstance(-1, 1), w),
                p -> new double[] {w - p[0], p[1]}));
        out.add(new Variant(transform(src, (int) (w * 0.7), (int) (h * 0.7), AffineTransform.getScaleInstance(0.7, 0.7), 0),
                p -> new double[] {0.7 * p[0], 0.7 * p[1]}));
        AffineTransform rot = AffineTransform.getRotateInstance(Math.toRadians(10), w / 2.0, h / 2.0);
        out.add(new Variant(transform(src, w, h, rot, 0), p -> {
            double[] r = new double[2];
            rot.transform(p, 0, r, 0, 1);
            return r;
        }));
        BufferedImage bright = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        new java.awt.image.RescaleOp(1.25f, 10f, null).filter(src, bright);
        out.add(new Variant(bright, p -> p));
        // harder, as a corridor camera sees people: heavy JPEG, a small face, blur, dim light
        out.add(new Variant(jpeg(src, 0.3f), p -> p));
        out.add(new Variant(transform(src, (int) (w * 0.35), (int) (h * 0.35), AffineTransform.getScaleInstance(0.35, 0.35),
                0), p -> new double[] {0.35 * p[0], 0.35 * p[1]}));
        float[] kernel = new float[25];
        java.util.Arrays.fill(kernel, 1f / 25);
        BufferedImage blurred = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        new java.awt.image.ConvolveOp(new java.awt.image.Kernel(5, 5, kernel), java.awt.image.ConvolveOp.EDGE_NO_OP, null)
                .filter(src, blurred);
        out.add(new Variant(blurred, p -> p));
        BufferedImage dark = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        new java.awt.image.RescaleOp(0.55f, 0f, null).filter(src, dark);
        out.add(new Variant(dark, p -> p));
        return out;
    }

    private static BufferedImage jpeg(BufferedImage src, float quality) {
        try {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageWriter writer = javax.imageio.ImageIO.getImageWritersByFormatName("jpg").next();
            javax.imageio.ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(ios);
                writer.write(null, new javax.imageio.IIOImage(src, null, null), param);
            }
            writer.dispose();
            BufferedImage back = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
            BufferedImage out = new BufferedImage(back.getWidth(), back.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            out.createGraphics().drawImage(back, 0, 0, null);
            return out;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static BufferedImage transform(BufferedImage src, int w, int h, AffineTransform t, int translateX) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        AffineTransform all = new AffineTransform();
        all.translate(translateX, 0);
        all.concatenate(t);
        g.drawImage(src, all, null);
        g.dispose();
        return out;
    }
}
