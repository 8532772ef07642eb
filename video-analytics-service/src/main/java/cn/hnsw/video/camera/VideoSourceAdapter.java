package cn.hnsw.video.camera;

import cn.hnsw.video.face.RgbImage;
import java.util.function.Predicate;

/** Access to a camera's or a file's pictures: national-standard and non-standard access sit behind this interface. */
public interface VideoSourceAdapter {

    /** One decoded frame and its time from the start of the source. */
    record Frame(RgbImage image, long timestampMs) {
    }

    boolean supports(DeviceProtocol protocol);

    /**
     * Decodes {@code url} and hands every sampled frame to {@code consumer} until it returns false, the source ends
     * or {@code maxDurationMs} of media time have passed.
     *
     * @param sampleFps frames per second handed on (the rest are decoded and dropped)
     * @return frames handed on
     */
    int read(String url, double sampleFps, long maxDurationMs, Predicate<Frame> consumer);

    /** The media length of a file in milliseconds, or -1 where the source has none (a live stream) or cannot say. */
    default long durationMs(String url) {
        return -1;
    }
}
