package cn.hnsw.video.recognition;

import cn.hnsw.video.face.FaceEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One face engine per service instance; ONNX Runtime sessions are safe to share between threads. */
@Configuration
public class FaceEngineConfiguration {

    @Bean(destroyMethod = "close")
    FaceEngine faceEngine(@Value("${hnsw.video.face.detector-input-size:320}") int inputSize,
            @Value("${hnsw.video.face.threads:1}") int threads) {
        return FaceEngine.load(inputSize, threads);
    }
}
