package cn.hnsw.video.plate;

import cn.hnsw.video.face.RgbImage;
import java.util.List;

/**
 * 车牌识别 — reads licence plates in a frame. {@link PaddleOcrPlateReader} runs PaddleOCR's text detector and
 * recogniser offline with ONNX Runtime; another recogniser (a camera's own plate reading, an operator-supplied model)
 * plugs in behind this interface.
 */
public interface PlateReader {

    /** One plate found: its normalised number, the lowest probability among its characters, and where it is. */
    record PlateRead(String plateNumber, double confidence, int x, int y, int width, int height, String rawText) {
    }

    /** The plates found in the frame, best first; empty when none is legible. */
    List<PlateRead> read(RgbImage frame);
}
