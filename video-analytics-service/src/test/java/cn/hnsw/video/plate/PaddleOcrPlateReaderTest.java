package cn.hnsw.video.plate;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.plate.PlateReader.PlateRead;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
