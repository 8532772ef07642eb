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
}
