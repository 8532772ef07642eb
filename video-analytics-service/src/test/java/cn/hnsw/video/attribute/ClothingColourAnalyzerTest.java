package cn.hnsw.video.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.attribute.ClothingColourAnalyzer.ColourName;
import cn.hnsw.video.attribute.ClothingColourAnalyzer.RegionColour;
import cn.hnsw.video.face.FaceEngine;
import cn.hnsw.video.face.FaceEngine.FaceBox;
import cn.hnsw.video.face.RgbImage;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Upper-clothing colour by region colour analysis: pixel naming, a drawn person, and the score on the package
 * photographs labelled by eye ({@code attributes/upper-clothing-labels.csv}).
 */
class ClothingColourAnalyzerTest {

    @Test
    void namesPlainColours() {
        assertThat(ClothingColourAnalyzer.name(0, 0, 0.05)).isEqualTo(ColourName.BLACK);
        assertThat(ClothingColourAnalyzer.name(0, 0.05, 0.95)).isEqualTo(ColourName.WHITE);
        assertThat(ClothingColourAnalyzer.name(0, 0.05, 0.55)).isEqualTo(ColourName.GREY);
        assertThat(ClothingColourAnalyzer.name(2, 0.9, 0.8)).isEqualTo(ColourName.RED);
        assertThat(ClothingColourAnalyzer.name(120, 0.7, 0.6)).isEqualTo(ColourName.GREEN);
        assertThat(ClothingColourAnalyzer.name(225, 0.8, 0.7)).isEqualTo(ColourName.BLUE);
        assertThat(ClothingColourAnalyzer.name(55, 0.8, 0.9)).isEqualTo(ColourName.YELLOW);
        assertThat(ClothingColourAnalyzer.name(270, 0.6, 0.5)).isEqualTo(ColourName.PURPLE);
        assertThat(ClothingColourAnalyzer.name(25, 0.8, 0.4)).isEqualTo(ColourName.BROWN);
    }

    @Test
    void aBlueJacketUnderAFaceIsBlueAndATorsoOutOfThePictureHasNoAnswer() {
        BufferedImage frame = new BufferedImage(640, 480, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(200, 200, 190));
        g.fillRect(0, 0, 640, 480);
        g.setColor(new Color(30, 60, 170));
        g.fillRect(230, 170, 180, 310);
        g.dispose();
        RgbImage img = RgbImage.of(frame);
        RegionColour c = ClothingColourAnalyzer.upperClothing(img, new FaceBox(280, 60, 80, 90, 0.9));
        assertThat(c).isNotNull();
        assertThat(c.colour()).isEqualTo(ColourName.BLUE);
        assertThat(c.share()).isGreaterThan(0.9);
        assertThat(ClothingColourAnalyzer.upperClothing(img, new FaceBox(280, 400, 80, 75, 0.9))).isNull();
    }

    @Test
    void labelledPhotographs() throws Exception {
        List<String[]> labels;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                getClass().getResourceAsStream("/attributes/upper-clothing-labels.csv"), StandardCharsets.UTF_8))) {
            labels = in.lines().filter(l -> !l.startsWith("#") && !l.startsWith("image,")).map(l -> l.split(","))
                    .toList();
        }
        int scored = 0;
        int right = 0;
        int abstainedRightly = 0;
        try (FaceEngine engine = FaceEngine.load(320, 1)) {
            for (String[] row : labels) {
                RgbImage img = RgbImage.readRaw(Path.of("target", "face-samples", row[0] + ".rgb"));
                int fx = Integer.parseInt(row[1]);
                int fy = Integer.parseInt(row[2]);
                FaceBox face = engine.detect(img, 0.5).stream()
                        .filter(f -> Math.abs(f.x() - fx) < 3 && Math.abs(f.y() - fy) < 3).findFirst().orElseThrow();
                RegionColour c = ClothingColourAnalyzer.upperClothing(img, face);
                switch (row[3]) {
                    case "MIXED" -> { }
                    case "OUT" -> abstainedRightly += c == null ? 1 : 0;
                    default -> {
                        scored++;
                        right += c != null && c.colour().name().equals(row[3]) ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("upper clothing colour: %d of %d labelled garments right, %d of 1 out-of-picture torsos "
                + "left unanswered%n", right, scored, abstainedRightly);
        assertThat(scored).isEqualTo(13);
        // measured when this was written: 9 of 13 (dark red and navy read as black); the test keeps it from falling
        assertThat(right).isGreaterThanOrEqualTo(9);
        assertThat(abstainedRightly).isEqualTo(1);
    }

    /** Garment colours as a labeller names them, two shades each. */
    static final Object[][] PALETTE = {
        {ColourName.BLACK, new int[] {25, 25, 28}, new int[] {45, 40, 50}},
        {ColourName.WHITE, new int[] {238, 238, 232}, new int[] {220, 224, 230}},
        {ColourName.GREY, new int[] {128, 128, 132}, new int[] {155, 152, 150}},
        {ColourName.RED, new int[] {190, 25, 30}, new int[] {225, 45, 45}},
        {ColourName.YELLOW, new int[] {232, 200, 40}, new int[] {245, 222, 70}},
        {ColourName.GREEN, new int[] {40, 140, 60}, new int[] {80, 165, 70}},
        {ColourName.BLUE, new int[] {30, 60, 170}, new int[] {55, 95, 205}},
        {ColourName.PURPLE, new int[] {110, 50, 150}, new int[] {85, 40, 125}},
        {ColourName.BROWN, new int[] {110, 70, 40}, new int[] {90, 58, 32}},
        {ColourName.ORANGE, new int[] {240, 130, 30}, new int[] {235, 110, 20}},
    };

    /**
     * A standing person, head to thigh, in a 480 × 640 frame: the face box is (200, 80, 80 × 96), a torso in the upper
     * garment's colour with bare forearms, two legs in the lower garment's colour; light from 0.75 to 1.1 of full,
     * sensor noise.
     */
    static RgbImage figure(int[] upper, int[] lower, double light, long seed) {
        BufferedImage f = new BufferedImage(480, 640, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = f.createGraphics();
        java.util.Random r = new java.util.Random(seed);
        g.setColor(new Color(150 + r.nextInt(60), 140 + r.nextInt(60), 120 + r.nextInt(60)));
        g.fillRect(0, 0, 480, 640);
        Color skin = new Color(224, 172, 140);
        g.setColor(skin);
        g.fillOval(200, 80, 80, 96);
        g.fillRect(228, 170, 24, 20);
        g.setColor(new Color(upper[0], upper[1], upper[2]));
        g.fillRoundRect(170, 186, 140, 270, 30, 30);
        g.fillRect(140, 196, 32, 150);
        g.fillRect(308, 196, 32, 150);
        g.setColor(skin);
        g.fillRect(140, 346, 30, 90);
        g.fillRect(310, 346, 30, 90);
        g.setColor(new Color(lower[0], lower[1], lower[2]));
        g.fillRect(176, 450, 62, 190);
        g.fillRect(242, 450, 62, 190);
        g.dispose();
        for (int y = 0; y < 640; y++) {
            for (int x = 0; x < 480; x++) {
                int rgb = f.getRGB(x, y);
                int n = (int) Math.round(r.nextGaussian() * 8);
                int rr = Math.max(0, Math.min(255, (int) (((rgb >> 16) & 0xff) * light) + n));
                int gg = Math.max(0, Math.min(255, (int) (((rgb >> 8) & 0xff) * light) + n));
                int bb = Math.max(0, Math.min(255, (int) ((rgb & 0xff) * light) + n));
                f.setRGB(x, y, (rr << 16) | (gg << 8) | bb);
            }
        }
        return RgbImage.of(f);
    }

    @Test
    void labelledFiguresUpperAndLowerClothing() {
        FaceBox face = new FaceBox(200, 80, 80, 96, 0.9);
        int figures = 40;
        int upperRight = 0;
        int lowerRight = 0;
        java.util.Map<ColourName, Integer> lowerMisses = new java.util.EnumMap<>(ColourName.class);
        for (int i = 0; i < figures; i++) {
            Object[] up = PALETTE[(i * 7) % PALETTE.length];
            Object[] low = PALETTE[(i * 3 + 1) % PALETTE.length];
            double light = 0.75 + 0.35 * ((i * 37) % 11) / 10.0;
            RgbImage img = figure((int[]) up[1 + i % 2], (int[]) low[1 + (i / 2) % 2], light, i);
            RegionColour u = ClothingColourAnalyzer.upperClothing(img, face);
            RegionColour l = ClothingColourAnalyzer.lowerClothing(img, face);
            upperRight += u != null && u.colour() == up[0] ? 1 : 0;
            if (l != null && l.colour() == low[0]) {
                lowerRight++;
            } else {
                lowerMisses.merge((ColourName) low[0], 1, Integer::sum);
            }
        }
        System.out.printf("labelled figures: upper clothing %d of %d right, lower clothing %d of %d right; lower misses %s%n",
                upperRight, figures, lowerRight, figures, lowerMisses);
        // measured when this was written (see docs/video-analytics.md); the test keeps them from falling
        assertThat(upperRight).isGreaterThanOrEqualTo(MIN_UPPER);
        assertThat(lowerRight).isGreaterThanOrEqualTo(MIN_LOWER);

        // a head-and-shoulders frame has no thighs in it: no lower-clothing answer
        RgbImage portrait = figure((int[]) PALETTE[6][1], (int[]) PALETTE[0][1], 1.0, 99);
        RgbImage cropped = new RgbImage(480, 400, java.util.Arrays.copyOf(portrait.rgb(), 480 * 400 * 3));
        assertThat(ClothingColourAnalyzer.lowerClothing(cropped, face)).isNull();
        assertThat(ClothingColourAnalyzer.upperClothing(cropped, face).colour()).isEqualTo(ColourName.BLUE);
    }

    static final int MIN_UPPER = 35;
    static final int MIN_LOWER = 36;
}
