package cn.hnsw.portsituation.ais;

import java.time.Instant;

/** AIS 静态数据 (AisStatic): what a vessel says about itself (message 5, 19 or 24). Null fields were not sent. */
public record AisStatic(int mmsi, Instant receivedAt, String shipName, String callsign, Integer imo, String shipType,
                        Integer lengthMetres, Integer beamMetres, String destination, Float draughtMetres) {
}
