package cn.hnsw.portsituation.cargo;

import java.time.Instant;

/**
 * Event {@code hnsw.platform.container-position}: where a container was seen (terminal systems, gate captures, the
 * GPS of the truck carrying it).
 *
 * @param stage     ON_ROAD, ARRIVED, IN_YARD, ON_QUAY, LOADED, GATE_OUT
 * @param trade     DOMESTIC or FOREIGN
 * @param yardBlock the yard slot of a container in the yard (箱区 block, 贝 bay, 排 row, 层 tier); null elsewhere or
 *                  when the terminal does not say
 * @param direction IMPORT (进) or EXPORT (出); null when not said
 */
public record ContainerPositionReported(String containerNo, String portCode, double latitude, double longitude,
                                        String place, String stage, String trade, boolean laden, Instant occurredAt,
                                        String source, String yardBlock, Integer yardBay, Integer yardRow,
                                        Integer yardTier, String direction) {

    public static final String TOPIC = "hnsw.platform.container-position";

    /** A report with no yard slot and no direction. */
    public ContainerPositionReported(String containerNo, String portCode, double latitude, double longitude,
                                     String place, String stage, String trade, boolean laden, Instant occurredAt,
                                     String source) {
        this(containerNo, portCode, latitude, longitude, place, stage, trade, laden, occurredAt, source, null, null,
                null, null, null);
    }
}
