package cn.hnsw.video.camera;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.face.RgbImage;
import cn.hnsw.video.support.VideoErrorCode;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;

import org.bytedeco.javacv.Java2DFrameConverter;
import org.springframework.stereotype.Component;

/** Streams (RTSP, HTTP-FLV, HLS) and files decoded by FFmpeg through javacv. */
@Component
public class FfmpegVideoSourceAdapter implements VideoSourceAdapter {

    private static final Set<DeviceProtocol> SUPPORTED = EnumSet.of(DeviceProtocol.GB28181,
            DeviceProtocol.NON_STANDARD, DeviceProtocol.RTSP, DeviceProtocol.HTTP_FLV, DeviceProtocol.HLS,
            DeviceProtocol.FILE);

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    @Override
    public boolean supports(DeviceProtocol protocol) {
        return SUPPORTED.contains(protocol);
    }

    @Override
    public int read(String url, double sampleFps, long maxDurationMs, Predicate<VideoSourceAdapter.Frame> consumer) {
        int handed = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            if (url.startsWith("rtsp:")) {
                grabber.setOption("rtsp_transport", "tcp");
            }
            grabber.setOption("rw_timeout", "10000000");
            grabber.start();
            double interval = 1000.0 / sampleFps;
            double next = 0;
            org.bytedeco.javacv.Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                long ts = grabber.getTimestamp() / 1000;
                if (ts > maxDurationMs) {
                    break;
                }
                if (ts + 1e-6 < next) {
                    continue;
                }
                next = Math.max(next + interval, ts);
                RgbImage img = RgbImage.of(converter.getBufferedImage(frame));
                handed++;
                if (!consumer.test(new VideoSourceAdapter.Frame(img, ts))) {
                    break;
                }
            }
            grabber.stop();
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            throw new HnswException(VideoErrorCode.VIDEO_UNREADABLE, e.getMessage());
        }
        return handed;
    }

    @Override
    public long durationMs(String url) {
        if (url.contains("://")) {
            return -1;
        }
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(url)) {
            grabber.start();
            long micros = grabber.getLengthInTime();
            grabber.stop();
            return micros > 0 ? micros / 1000 : -1;
        } catch (org.bytedeco.javacv.FrameGrabber.Exception e) {
            return -1;
        }
    }
}
