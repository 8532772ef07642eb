package cn.hnsw.portsituation.basedata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The networked video platforms (联网平台) as partners: what their sub-level streams are, how their transcoding runs,
 * which cameras they give access to and with what parameters, their recordings (query, playback, download) and their
 * time-sync (授时) tasks. One query, one answer; the platform is named by its code.
 */
public interface VideoPlatformGateway {

    /** The kinds of query a video platform answers. */
    enum Query { STREAMS, TRANSCODING, CAMERAS, CAMERA, RECORDINGS, PLAYBACK, DOWNLOAD, TIME_SYNC, LIVE }

    /**
     * @throws VideoPlatformException when the platform cannot be reached or refuses
     */
    JsonNode query(VideoPlatform platform, Query query, Map<String, Object> parameters);

    /** A platform that could not be reached ({@code unavailable}) or refused the query. */
    final class VideoPlatformException extends RuntimeException {
        private final boolean unavailable;

        public VideoPlatformException(boolean unavailable, String message) {
            super(message);
            this.unavailable = unavailable;
        }

        public boolean unavailable() {
            return unavailable;
        }
    }
}
