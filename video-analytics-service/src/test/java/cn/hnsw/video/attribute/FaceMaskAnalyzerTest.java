package cn.hnsw.video.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.attribute.FaceMaskAnalyzer.MaskReading;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.AnalyzedFace;
import cn.hnsw.video.face.FaceEngine.Landmarks;
import cn.hnsw.video.face.RgbImage;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 人像口罩 measured with known ground truth: every face the service finds in the package photographs, as they are
 * (none wears a mask) and with a mask drawn over its lower face in four colours (white, surgical blue, black, grey),
 * from the nose bridge to under the chin and cheek to cheek along the jaw, shaded and pleated. The masked photographs
 * go through the service's own path again (detector, landmarks, then the analyzer), so a mask that hides the face
 * from the detector counts as lost, not as read.
 */
public class FaceMaskAnalyzerTest {

    static final List<String> SAMPLES = List.of("sample1", "sample2", "sample3", "sample4", "sample5", "sample6");
    static final Color[] MASKS = {new Color(236, 238, 240), new Color(120, 170, 205), new Color(30, 30, 34),
        new Color(140, 140, 145)};

    @Test
    void unmaskedAndDrawnMasksOnThePackagePhotographs() {
        int bare = 0;
        int bareCalledMasked = 0;
        int bareUnanswered = 0;
        int masked = 0;
        int maskedRead = 0;
        int maskedLost = 0;
        int maskedUnanswered = 0;
        try (FaceEngine engine = FaceEngine.load(320, 1)) {
            for (String sample : SAMPLES) {
                RgbImage img = RgbImage.readRaw(Path.of("target", "face-samples", sample + ".rgb"));
                List<AnalyzedFace> faces = engine.analyze(img, 0.5);
                for (AnalyzedFace f : faces) {
                    MaskReading r = FaceMaskAnalyzer.read(img, f.landmarks());
                    bare++;
                    if (r == null) {
                        bareUnanswered++;
                    } else if (r.masked()) {
                        bareCalledMasked++;
                        System.out.printf("  false mask: %s face at %.0f,%.0f skin share %.2f%n", sample, f.box().x(),
                                f.box().y(), r.skinShare());
                    }
                }
                for (Color colour : MASKS) {
                    BufferedImage drawn = img.toBufferedImage();
                    Graphics2D g = drawn.createGraphics();
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                    for (AnalyzedFace f : faces) {
                        drawMask(g, f.landmarks(), colour);
                    }
                    g.dispose();
                    RgbImage withMasks = RgbImage.of(drawn);
                    List<AnalyzedFace> found = engine.analyze(withMasks, 0.5);
                    for (AnalyzedFace f : faces) {
                        masked++;
                        AnalyzedFace again = found.stream().filter(h -> Math.hypot(centreX(h) - centreX(f),
                                centreY(h) - centreY(f)) < 0.3 * f.box().width()).findFirst().orElse(null);
                        if (again == null) {
                            maskedLost++;
                            continue;
                        }
                        MaskReading r = FaceMaskAnalyzer.read(withMasks, again.landmarks());
                        if (r == null) {
                            maskedUnanswered++;
                        } else if (r.masked()) {
                            maskedRead++;
                        } else {
                            System.out.printf("  missed mask %s: %s face at %.0f,%.0f skin share %.2f%n", colour,
                                    sample, f.box().x(), f.box().y(), r.skinShare());
                        }
                    }
                }
            }
        }
        System.out.printf("mask: %d bare faces, %d called masked, %d unanswered; %d drawn masks, %d read as masks, "
                + "%d faces lost by the detector, %d unanswered%n", bare, bareCalledMasked, bareUnanswered, masked,
                maskedRead, maskedLost, maskedUnanswered);
        assertThat(bare).isGreaterThanOrEqualTo(17);
        // measured when this was written (docs/video-analytics.md); the test keeps the figures from falling
        // (17 bare faces: none called masked, 4 unanswered; 68 drawn masks: 39 lost by the detector, 22 of the 23
        // answered read as masks, 6 unanswered)
        assertThat(bareCalledMasked).isLessThanOrEqualTo(MAX_FALSE_MASKS);
        assertThat(bareUnanswered).isLessThanOrEqualTo(4);
        assertThat(maskedRead).isGreaterThanOrEqualTo(MIN_MASKS_READ);
    }

    static final int MAX_FALSE_MASKS = 0;
    static final int MIN_MASKS_READ = 22;

    @Test
    void aLowerFaceOfTheSkinsOwnChromaIsNoMaskAndAnotherChromaIs() {
        // a synthetic face: skin everywhere, landmarks placed on it; then the lower face painted white
        BufferedImage face = new BufferedImage(200, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = face.createGraphics();
        g.setColor(new Color(214, 170, 140));
        g.fillRect(0, 0, 200, 240);
        Landmarks lm = syntheticLandmarks();
        g.dispose();
        MaskReading bare = FaceMaskAnalyzer.read(RgbImage.of(face), lm);
        assertThat(bare.masked()).isFalse();
        assertThat(bare.skinShare()).isGreaterThan(0.95);
        Graphics2D m = face.createGraphics();
        drawMask(m, lm, MASKS[0]);
        m.dispose();
        MaskReading masked = FaceMaskAnalyzer.read(RgbImage.of(face), lm);
        assertThat(masked.masked()).isTrue();
        assertThat(masked.skinShare()).isLessThan(0.1);
        // a grey-scale picture has no skin chroma to compare with: no answer
        BufferedImage grey = new BufferedImage(200, 240, BufferedImage.TYPE_INT_RGB);
        assertThat(FaceMaskAnalyzer.read(RgbImage.of(grey), lm)).isNull();
    }

    /** 68 points of a frontal face 160 px wide in a 200 × 240 picture (the iBUG layout, roughly). */
    static Landmarks syntheticLandmarks() {
        double[] xs = new double[68];
        double[] ys = new double[68];
        for (int i = 0; i <= 16; i++) { // jaw: a half ellipse from ear to ear
            double a = Math.PI * i / 16;
            xs[i] = 100 - 80 * Math.cos(a);
            ys[i] = 100 + 110 * Math.sin(a);
        }
        for (int i = 17; i <= 26; i++) { // eyebrows
            xs[i] = 40 + (i - 17) * 13.3;
            ys[i] = 70;
        }
        for (int i = 27; i <= 30; i++) { // nose bridge
            xs[i] = 100;
            ys[i] = 90 + (i - 27) * 14;
        }
        for (int i = 31; i <= 35; i++) { // nose bottom
            xs[i] = 85 + (i - 31) * 7.5;
            ys[i] = 140;
        }
        double[][] eyes = {{50, 95}, {75, 95}, {125, 95}, {150, 95}};
        for (int e = 0; e < 2; e++) {
            for (int i = 0; i < 6; i++) {
                int k = 36 + 6 * e + i;
                xs[k] = eyes[2 * e][0] + (eyes[2 * e + 1][0] - eyes[2 * e][0]) * (i <= 3 ? i / 3.0 : (6 - i) / 3.0);
                ys[k] = 95 + (i == 1 || i == 2 ? -5 : i == 4 || i == 5 ? 5 : 0);
            }
        }
        for (int i = 48; i <= 67; i++) { // mouth
            double a = 2 * Math.PI * (i - 48) / (i < 60 ? 12 : 8);
            xs[i] = 100 - 30 * Math.cos(a);
            ys[i] = 172 + 10 * Math.sin(a);
        }
        xs[54] = 130;
        ys[54] = 172;
        return new Landmarks(xs, ys, 200, 240);
    }

    private static double centreX(AnalyzedFace f) {
        return f.box().x() + f.box().width() / 2;
    }

    private static double centreY(AnalyzedFace f) {
        return f.box().y() + f.box().height() / 2;
    }

    /** A mask from the nose bridge (between landmarks 28 and 29) along the jaw (1–15), shaded and pleated. */
    public static void drawMask(Graphics2D g, Landmarks lm, Color colour) {
        double[] xs = lm.xs();
        double[] ys = lm.ys();
        double top = (ys[28] + ys[29]) / 2;
        Polygon p = new Polygon();
        p.addPoint((int) Math.round(xs[1]), (int) Math.round(top + 0.3 * (ys[1] - top)));
        p.addPoint((int) Math.round(xs[28]), (int) Math.round(top));
        p.addPoint((int) Math.round(xs[15]), (int) Math.round(top + 0.3 * (ys[15] - top)));
        for (int i = 15; i >= 1; i--) {
            p.addPoint((int) Math.round(xs[i]), (int) Math.round(ys[i] + (i >= 6 && i <= 10 ? 0.03 * (xs[16] - xs[0])
                    : 0)));
        }
        double bottom = ys[8];
        g.setPaint(new GradientPaint(0, (float) top, colour.brighter(), 0, (float) bottom, colour.darker()));
        g.fillPolygon(p);
        g.setColor(colour.darker());
        g.setStroke(new BasicStroke((float) Math.max(1, 0.01 * (xs[16] - xs[0]))));
        for (int k = 1; k <= 3; k++) { // pleats
            int y = (int) Math.round(top + k * (bottom - top) / 4.5);
            g.drawLine((int) Math.round(xs[2] + 0.05 * (xs[16] - xs[0])), y,
                    (int) Math.round(xs[14] - 0.05 * (xs[16] - xs[0])), y);
        }
    }
}
