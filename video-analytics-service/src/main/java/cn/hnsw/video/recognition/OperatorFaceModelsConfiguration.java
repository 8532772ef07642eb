package cn.hnsw.video.recognition;

import cn.hnsw.video.face.OperatorFaceModels;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The operator's own face models (YuNet + SFace ONNX files), loaded only when
 * {@code hnsw.video.face.operator.detector-model} is set; a missing or wrong file stops the start with a message that
 * names the setting and the path. Without them the face-api nets do all the work.
 */
@Configuration
public class OperatorFaceModelsConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(prefix = "hnsw.video.face.operator", name = "detector-model")
    OperatorFaceModels operatorFaceModels(@Value("${hnsw.video.face.operator.detector-model}") String detector,
            @Value("${hnsw.video.face.operator.recognizer-model:}") String recognizer,
            @Value("${hnsw.video.face.operator.detector-max-side:640}") int maxSide,
            @Value("${hnsw.video.face.threads:1}") int threads) {
        return OperatorFaceModels.load(path(detector), path(recognizer), maxSide, threads);
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }
}
