package cn.hnsw.video.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * An uploaded video written to a temporary file for FFmpeg, which reads files and streams, not byte arrays; the file is
 * deleted when the work on it ends, however it ends.
 */
public final class TempVideoFile {

    private TempVideoFile() {
    }

    /** Writes {@code video} to a temporary file named with {@code prefix}, gives its path to {@code work}, deletes it. */
    public static <T> T with(byte[] video, String prefix, Function<String, T> work) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile(prefix, ".video");
            Files.write(tmp, video);
            return work.apply(tmp.toString());
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
