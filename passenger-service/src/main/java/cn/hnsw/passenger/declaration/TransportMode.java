package cn.hnsw.passenger.declaration;

/** 运输方式 — how the traveler leaves the island; the ticket number is a flight, ferry or train ticket. */
public enum TransportMode {
    AIR, WATERWAY, RAIL
}
