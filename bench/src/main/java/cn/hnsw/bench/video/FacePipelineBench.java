package cn.hnsw.bench.video;

import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.RgbImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Face pipeline throughput on 720p frames with the detector at 320 px and one intra-op thread (pin the JVM to one
 * core with {@code taskset -c 0}): the raw detector alone, then detection + 68 landmarks + eye-levelled 128-d
 * descriptor per face. Frames are the group photograph sample6 of {@code @vladmandic/face-api} (5 faces), panned
 * across a 1280×720 frame; decoding video is not included. Also prints the verification figures on the labelled
 * pairs the package's photographs allow (see {@code docs/video-analytics.md}).
 *
 * <p>Needs {@code mvn -pl video-analytics-service generate-resources} first (face-models and decoded samples).
 * Run: {@code taskset -c 0 mvn -q -pl bench org.codehaus.mojo:exec-maven-plugin:java -Dexec.mainClass=cn.hnsw.bench.video.FacePipelineBench
 * -Dexec.args="../video-analytics-service/target/face-samples 200"}
 */
public final class FacePipelineBench {

    public static void main(String[] args) {
        Path samples = Path.of(args.length > 0 ? args[0] : "../video-analytics-service/target/face-samples");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        BufferedImage group = RgbImage.readRaw(samples.resolve("sample6.rgb")).toBufferedImage();
        List<RgbImage> clip = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BufferedImage f = new BufferedImage(1280, 720, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D g = f.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(group, -40 + 4 * i, -150, 1280 + 80, (1280 + 80) * group.getHeight() / group.getWidth(), null);
            g.dispose();
            clip.add(RgbImage.of(f));
        }
        try (FaceEngine engine = FaceEngine.load(320, 1)) {
            for (int i = 0; i < 20; i++) {
                engine.analyze(clip.get(i % clip.size()), 0.5);
            }
            long s = System.nanoTime();
            int faces = 0;
            for (int i = 0; i < frames; i++) {
                faces += engine.detect(clip.get(i % clip.size()), 0.5).size();
            }
            double detectFps = frames / ((System.nanoTime() - s) / 1e9);
            s = System.nanoTime();
            int described = 0;
            for (int i = 0; i < frames; i++) {
                described += engine.analyze(clip.get(i % clip.size()), 0.5).size();
            }
            double pipelineFps = frames / ((System.nanoTime() - s) / 1e9);
            System.out.printf("720p, detector 320 px, 1 thread: detector alone %.1f fps (%.1f faces/frame); "
                    + "full pipeline %.1f fps (%.1f faces/frame described); ratio %.2f%n", detectFps,
                    (double) faces / frames, pipelineFps, (double) described / frames, pipelineFps / detectFps);
            verification(engine, samples);
        }
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
        return out;
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
