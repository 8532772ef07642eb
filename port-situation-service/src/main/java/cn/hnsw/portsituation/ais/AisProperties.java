package cn.hnsw.portsituation.ais;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code hnsw.ais.*}: where the NMEA receivers listen (port 0 picks a free one; -1 switches a receiver off), and the
 * thresholds of the AIS warnings.
 *
 * @param feeders            names of the feeders allowed, by remote address ({@code 127.0.0.1=ais-feeder}); others are
 *                           named by their address
 * @param aisOffAfter        a moving vessel silent this long counts as AIS switched off
 * @param aisOffScan         how often silence is looked for
 * @param loiteringWindow    how long a vessel must stay within {@code loiteringRadiusMetres} to be loitering
 * @param loiteringMaxKnots  a vessel faster than this on average is not loitering
 * @param positionQueue      position fixes waiting to be written; a full queue slows the receivers down (back-pressure)
 * @param lanes              threads that apply decoded messages (track, watch areas, rules), vessels spread over them
 *                           by MMSI; 0 applies them on the receiving thread
 * @param writers            writer threads (and database connections) the history is spread over by MMSI
 */
@ConfigurationProperties("hnsw.ais")
public record AisProperties(String bindAddress, int tcpPort, int udpPort, Duration aisOffAfter, Duration aisOffScan,
                            Duration loiteringWindow, double loiteringRadiusMetres, double loiteringMaxKnots,
                            Duration speedingCooldown, int positionQueue, int writeBatch, Duration livePushInterval,
                            java.util.Map<String, String> feeders, Integer lanes, Integer writers) {

    public AisProperties {
        bindAddress = bindAddress == null ? "0.0.0.0" : bindAddress;
        aisOffAfter = aisOffAfter == null ? Duration.ofMinutes(10) : aisOffAfter;
        aisOffScan = aisOffScan == null ? Duration.ofSeconds(30) : aisOffScan;
        loiteringWindow = loiteringWindow == null ? Duration.ofMinutes(30) : loiteringWindow;
        loiteringRadiusMetres = loiteringRadiusMetres <= 0 ? 500 : loiteringRadiusMetres;
        loiteringMaxKnots = loiteringMaxKnots <= 0 ? 2.0 : loiteringMaxKnots;
        speedingCooldown = speedingCooldown == null ? Duration.ofMinutes(10) : speedingCooldown;
        positionQueue = positionQueue <= 0 ? 100_000 : positionQueue;
        writeBatch = writeBatch <= 0 ? 2_000 : writeBatch;
        livePushInterval = livePushInterval == null ? Duration.ofSeconds(1) : livePushInterval;
        int cores = Runtime.getRuntime().availableProcessors();
        lanes = lanes == null ? Math.min(4, cores) : Math.max(0, lanes);
        writers = writers == null ? Math.max(1, Math.min(4, cores)) : Math.max(1, writers);
        feeders = feeders == null ? java.util.Map.of() : java.util.Map.copyOf(feeders);
    }
}
