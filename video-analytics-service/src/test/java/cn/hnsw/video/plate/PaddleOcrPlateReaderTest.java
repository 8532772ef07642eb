package cn.hnsw.video.plate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.plate.PlateReader.PlateRead;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PaddleOCR's detector and recogniser on the scenes of {@link PlateScenes}: a car with a blue plate rendered in a CJK
 * font reads as its number, a second plate as its own, and a road without a plate reads nothing.
 */
class PaddleOcrPlateReaderTest {

    static PaddleOcrPlateReader reader;

    @BeforeAll
    static void load() {
        reader = PaddleOcrPlateReader.load(1, 960, 0.5);
    }

    @AfterAll
    static void close() throws Exception {
        reader.close();
    }

    static RgbImage scene(String name) throws IOException {
        try (InputStream in = PaddleOcrPlateReaderTest.class.getResourceAsStream("/plates/" + name)) {
            return RgbImage.decode(in.readAllBytes());
        }
    }

    @Test
    void readsTheHainanPlateOnTheCarWhereItIs() throws IOException {
        List<PlateRead> plates = reader.read(scene("qiong-a12345.jpg"));
        assertThat(plates).hasSize(1);
        PlateRead p = plates.get(0);
        assertThat(p.plateNumber()).isEqualTo("琼A12345");
        assertThat(p.confidence()).isGreaterThan(0.5);
        // the plate was drawn at (330, 320), 300 × 96: the text line found lies inside it
        assertThat(p.x()).isBetween(320, 400);
        assertThat(p.y()).isBetween(320, 380);
        assertThat(p.x() + p.width()).isBetween(560, 640);
    }

    @Test
    void readsAnotherPlateAsItsOwnNumber() throws IOException {
        assertThat(reader.read(scene("qiong-b6d789.jpg"))).extracting(PlateRead::plateNumber)
                .containsExactly("琼B6D789");
    }

    @Test
    void aRoadWithoutAPlateReadsNothing() throws IOException {
        assertThat(reader.read(scene("quiet-road.jpg"))).isEmpty();
    }

    /**
     * A banner across the sky is a text line the detector finds, but far wider than a plate: it is not sent to the
     * recogniser (each recognised line costs a run of the recogniser), and the plate is still read.
     */
    @Test
    void onlyPlateShapedLinesGoToTheRecogniserABannerDoesNot() throws IOException {
        BufferedImage img;
        try (InputStream in = PaddleOcrPlateReaderTest.class.getResourceAsStream("/plates/qiong-a12345.jpg")) {
            img = javax.imageio.ImageIO.read(new ByteArrayInputStream(in.readAllBytes()));
        }
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(20, 20, 30));
        g.setFont(new Font("Noto Sans CJK SC", Font.BOLD, 30));
        g.drawString("秀英港欢迎您 WELCOME TO XIUYING PORT", 60, 70);
        g.dispose();
        RgbImage frame = RgbImage.of(img);
        List<PaddleOcrPlateReader.Box> lines = PaddleOcrPlateReader.joinRows(reader.detect(frame));
        List<PaddleOcrPlateReader.Box> candidates = reader.candidates(frame);
        assertThat(lines).anyMatch(b -> b.y() < 120 && (double) b.width() / b.height() > PaddleOcrPlateReader.MAX_ASPECT);
        assertThat(candidates).allMatch(PaddleOcrPlateReader::plateShaped).noneMatch(b -> b.y() < 120);
        assertThat(candidates.size()).isLessThan(lines.size());
        assertThat(reader.read(frame)).extracting(PlateRead::plateNumber).containsExactly("琼A12345");
    }

    /** The detector at a smaller input (fewer pixels, less time; see docs/video-analytics.md) reads the same. */
    @ParameterizedTest
    @ValueSource(ints = {640, 480})
    void aSmallerDetectorInputReadsTheSamePlates(int maxSide) throws Exception {
        try (PaddleOcrPlateReader small = PaddleOcrPlateReader.load(1, maxSide, 0.5)) {
            assertThat(small.read(scene("qiong-a12345.jpg"))).extracting(PlateRead::plateNumber)
                    .containsExactly("琼A12345");
            assertThat(small.read(scene("qiong-b6d789.jpg"))).extracting(PlateRead::plateNumber)
                    .containsExactly("琼B6D789");
            assertThat(small.read(scene("quiet-road.jpg"))).isEmpty();
        }
    }

    @Test
    void plateNumbersAreNormalisedAndCheckedAgainstTheNationalPattern() {
        assertThat(PlateNumbers.normalise("琼A·12345")).contains("琼A12345");
        assertThat(PlateNumbers.normalise(" 琼b 6d789 ")).contains("琼B6D789");
        // plates carry no O or I after the authority letter: read as digits
        assertThat(PlateNumbers.normalise("琼AO23I5")).contains("琼A02315");
        assertThat(PlateNumbers.normalise("粤B·D12345")).contains("粤BD12345");
        assertThat(PlateNumbers.normalise("琼A1234")).isEmpty();
        assertThat(PlateNumbers.normalise("出口 EXIT")).isEmpty();
        assertThat(PlateNumbers.normalise("凉A12345")).isEmpty();
        assertThat(PlateNumbers.isValid("琼A12345")).isTrue();
        assertThat(PlateNumbers.isValid("琼I12345")).isFalse();
    }
}
