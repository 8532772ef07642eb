package cn.hnsw.video.camera;

import cn.hnsw.video.face.RgbImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.springframework.stereotype.Component;

/** Writes frames as an MPEG-4 video in MP4 with FFmpeg (javacv): the clip kept with an alert. */
@Component
public class FfmpegClipEncoder {

    /**
     * The frames (all of the first frame's size; an odd side loses its last pixel row or column, as MPEG-4 needs
     * even sides) at {@code fps}, as MP4 bytes.
     */
    public byte[] encode(List<RgbImage> frames, double fps) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames");
        }
        int w = frames.get(0).width() & ~1;
        int h = frames.get(0).height() & ~1;
        Path tmp = null;
        try {
            tmp = Files.createTempFile("hnsw-clip-", ".mp4");
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(tmp.toFile(), w, h);
                    Java2DFrameConverter converter = new Java2DFrameConverter()) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(fps);
                recorder.setVideoQuality(3);
                recorder.setGopSize(Math.max(1, (int) Math.round(fps)));
                recorder.start();
                for (RgbImage f : frames) {
                    java.awt.image.BufferedImage img = f.toBufferedImage();
                    if (img.getWidth() != w || img.getHeight() != h) {
                        java.awt.image.BufferedImage fit = new java.awt.image.BufferedImage(w, h,
                                java.awt.image.BufferedImage.TYPE_3BYTE_BGR);
                        fit.createGraphics().drawImage(img, 0, 0, w, h, null);
                        img = fit;
                    }
                    recorder.record(converter.convert(img));
                }
                recorder.stop();
            }
            return Files.readAllBytes(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // temp file of the OS; nothing else refers to it
                }
            }
        }
    }
}
