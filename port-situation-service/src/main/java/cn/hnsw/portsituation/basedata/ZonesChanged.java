package cn.hnsw.portsituation.basedata;

/** Published after a change to the zones, so that the AIS warnings take the confirmed water zones again. */
public record ZonesChanged() {
}
