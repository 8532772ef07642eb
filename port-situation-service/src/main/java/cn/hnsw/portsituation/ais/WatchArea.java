package cn.hnsw.portsituation.ais;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 监控水域 — a watch area on the water: a restricted area (entering it raises an alert), a channel with a speed limit,
 * or an anchorage (where lying still is normal). The polygon is data: [longitude, latitude] pairs, WGS-84.
 */
public final class WatchArea {

    /** What a vessel in the area is watched for. */
    public enum Kind { RESTRICTED, CHANNEL, ANCHORAGE }

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private final UUID id;
    private final String code;
    private final String nameZh;
    private final String nameEn;
    private final Kind kind;
    private final String portCode;
    private final List<double[]> polygon;
    private final Float speedLimitKnots;
    private final Alert.Level level;
    private final boolean active;
    private final Instant updatedAt;
    private final PreparedGeometry shape;
    private final double minLon;
    private final double maxLon;
    private final double minLat;
    private final double maxLat;

    public WatchArea(UUID id, String code, String nameZh, String nameEn, Kind kind, String portCode,
                     List<double[]> polygon, Float speedLimitKnots, Alert.Level level, boolean active, Instant updatedAt) {
        this.id = id;
        this.code = code;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.kind = kind;
        this.portCode = portCode;
        this.polygon = List.copyOf(polygon);
        this.speedLimitKnots = speedLimitKnots;
        this.level = level;
        this.active = active;
        this.updatedAt = updatedAt;
        if (kind == Kind.CHANNEL && (speedLimitKnots == null || speedLimitKnots <= 0)) {
            throw new HnswException(AisErrorCode.WATCH_AREA_SPEED_LIMIT_REQUIRED);
        }
        Polygon ring = toPolygon(polygon);
        this.shape = PreparedGeometryFactory.prepare(ring);
        var envelope = ring.getEnvelopeInternal();
        this.minLon = envelope.getMinX();
        this.maxLon = envelope.getMaxX();
        this.minLat = envelope.getMinY();
        this.maxLat = envelope.getMaxY();
    }

    /** Builds the JTS polygon and refuses anything that is not a simple, closed ring on the globe. */
    static Polygon toPolygon(List<double[]> points) {
        if (points == null || points.size() < 3) {
            throw new HnswException(AisErrorCode.WATCH_AREA_POLYGON_INVALID, "at least 3 points / 至少 3 个点");
        }
        List<Coordinate> ring = new ArrayList<>();
        for (double[] p : points) {
            if (p == null || p.length != 2 || !(p[0] >= -180 && p[0] <= 180) || !(p[1] >= -90 && p[1] <= 90)) {
                throw new HnswException(AisErrorCode.WATCH_AREA_POLYGON_INVALID,
                        "each point is [longitude, latitude] / 每个点为 [经度, 纬度]");
            }
            ring.add(new Coordinate(p[0], p[1]));
        }
        if (!ring.getFirst().equals2D(ring.getLast())) {
            ring.add(ring.getFirst());
        }
        if (ring.size() < 4) {
            throw new HnswException(AisErrorCode.WATCH_AREA_POLYGON_INVALID, "at least 3 distinct points / 至少 3 个不同的点");
        }
        Polygon polygon = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
        IsValidOp valid = new IsValidOp(polygon);
        if (!valid.isValid()) {
            throw new HnswException(AisErrorCode.WATCH_AREA_POLYGON_INVALID, valid.getValidationError().getMessage());
        }
        return polygon;
    }

    public boolean contains(double latitude, double longitude) {
        // Most fixes are far from most areas: the bounding box answers them without building a point.
        if (latitude < minLat || latitude > maxLat || longitude < minLon || longitude > maxLon) {
            return false;
        }
        return shape.contains(GEOMETRY.createPoint(new Coordinate(longitude, latitude)));
    }

    public UUID id() { return id; }
    public String code() { return code; }
    public String nameZh() { return nameZh; }
    public String nameEn() { return nameEn; }
    public Kind kind() { return kind; }
    public String portCode() { return portCode; }
    public List<double[]> polygon() { return polygon; }
    public Float speedLimitKnots() { return speedLimitKnots; }
    public Alert.Level level() { return level; }
    public boolean active() { return active; }
    public Instant updatedAt() { return updatedAt; }
}
