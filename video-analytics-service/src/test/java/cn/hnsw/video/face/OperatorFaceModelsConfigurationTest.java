package cn.hnsw.video.face;

import static org.assertj.core.api.Assertions.assertThat;

import cn.hnsw.video.recognition.OperatorFaceModelsConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The configured path as the service starts it: no setting, no operator models; both files set, the models are a
 * bean; a missing file stops the start with the setting and the path in the message.
 */
class OperatorFaceModelsConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(OperatorFaceModelsConfiguration.class);

    @Test
    void withoutTheSettingThereAreNoOperatorModels() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx).doesNotHaveBean(OperatorFaceModels.class);
        });
    }

    @Test
    void bothFilesSetLoadTheModels(@TempDir Path dir) throws Exception {
        Path yunet = Files.write(dir.resolve("yunet.onnx"), OperatorFaceModelsTest.yunetShaped());
        Path sface = Files.write(dir.resolve("sface.onnx"), OperatorFaceModelsTest.sfaceShaped());
        runner.withPropertyValues("hnsw.video.face.operator.detector-model=" + yunet,
                "hnsw.video.face.operator.recognizer-model=" + sface).run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx).hasSingleBean(OperatorFaceModels.class);
                    assertThat(ctx.getBean(OperatorFaceModels.class).detect(OperatorFaceModelsTest.squares(1), 0.9))
                            .hasSize(1);
                });
    }

    @Test
    void aMissingFileStopsTheStartNamingTheSettingAndPath(@TempDir Path dir) throws Exception {
        Path sface = Files.write(dir.resolve("sface.onnx"), OperatorFaceModelsTest.sfaceShaped());
        Path missing = dir.resolve("face_detection_yunet_2023mar.onnx");
        runner.withPropertyValues("hnsw.video.face.operator.detector-model=" + missing,
                "hnsw.video.face.operator.recognizer-model=" + sface).run(ctx -> {
                    assertThat(ctx).hasFailed();
                    Throwable cause = ctx.getStartupFailure();
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(IllegalStateException.class)
                            .hasMessageContaining("hnsw.video.face.operator.detector-model = " + missing)
                            .hasMessageContaining("no readable file there");
                });
        // a detector without a recogniser is refused too
        Path yunet = Files.write(dir.resolve("yunet.onnx"), OperatorFaceModelsTest.yunetShaped());
        runner.withPropertyValues("hnsw.video.face.operator.detector-model=" + yunet).run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause()
                    .hasMessageContaining("hnsw.video.face.operator.recognizer-model is not set");
        });
    }
}
