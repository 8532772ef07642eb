package cn.hnsw.portsituation.cargo;

import java.time.Instant;

/**
 * Event {@code hnsw.platform.container-position}: where a container was seen (terminal systems, gate captures, the
 * GPS of the truck carrying it).
 *
 * @param stage ON_ROAD, ARRIVED, IN_YARD, ON_QUAY, LOADED, GATE_OUT
 * @param trade DOMESTIC or FOREIGN
 */
public record ContainerPositionReported(String containerNo, String portCode, double latitude, double longitude,
                                        String place, String stage, String trade, boolean laden, Instant occurredAt,
                                        String source) {

    public static final String TOPIC = "hnsw.platform.container-position";
}
