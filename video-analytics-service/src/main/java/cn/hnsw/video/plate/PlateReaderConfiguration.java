package cn.hnsw.video.plate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plate reader of this instance: PaddleOCR's nets on ONNX Runtime, shared between threads (reads are serial). */
@Configuration
public class PlateReaderConfiguration {

    @Bean(destroyMethod = "close")
    PaddleOcrPlateReader plateReader(@Value("${hnsw.video.plate.threads:1}") int threads,
            @Value("${hnsw.video.plate.detector-max-side:640}") int maxSide,
            @Value("${hnsw.video.plate.min-confidence:0.5}") double minConfidence) {
        return PaddleOcrPlateReader.load(threads, maxSide, minConfidence);
    }
}
