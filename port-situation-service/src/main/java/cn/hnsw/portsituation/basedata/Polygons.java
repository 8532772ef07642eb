package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.ErrorCode;
import cn.hnsw.common.web.HnswException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;

import java.util.ArrayList;
import java.util.List;

/** Zone polygons: checked with JTS (a simple closed ring), written and read as text in the Excel files. */
final class Polygons {

    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    private Polygons() {
    }

    static Polygon check(List<double[]> points, ErrorCode invalid) {
        if (points == null || points.size() < 3 || points.size() > 500) {
            throw new HnswException(invalid, "polygon: 3–500 points / 多边形须有 3–500 个点");
        }
        List<Coordinate> ring = new ArrayList<>();
        for (double[] p : points) {
            if (p == null || p.length != 2 || !(p[0] >= 105 && p[0] <= 120) || !(p[1] >= 3 && p[1] <= 25)) {
                throw new HnswException(invalid,
                        "polygon: each point is [longitude 105–120, latitude 3–25] / 每个点为 [经度, 纬度] 且在海南管辖范围内");
            }
            ring.add(new Coordinate(p[0], p[1]));
        }
        if (!ring.getFirst().equals2D(ring.getLast())) {
            ring.add(ring.getFirst());
        }
        if (ring.size() < 4) {
            throw new HnswException(invalid, "polygon: at least 3 distinct points / 至少 3 个不同的点");
        }
        Polygon polygon = GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new));
        IsValidOp valid = new IsValidOp(polygon);
        if (!valid.isValid()) {
            throw new HnswException(invalid, "polygon: " + valid.getValidationError().getMessage()
                    + " / 多边形自相交或无效");
        }
        return polygon;
    }

    static boolean covers(List<double[]> points, double latitude, double longitude) {
        List<Coordinate> ring = new ArrayList<>();
        for (double[] p : points) {
            ring.add(new Coordinate(p[0], p[1]));
        }
        if (!ring.getFirst().equals2D(ring.getLast())) {
            ring.add(ring.getFirst());
        }
        return GEOMETRY.createPolygon(ring.toArray(Coordinate[]::new))
                .covers(GEOMETRY.createPoint(new Coordinate(longitude, latitude)));
    }

    /** "lon lat; lon lat; …" as the Excel files hold it. */
    static String text(List<double[]> points) {
        StringBuilder sb = new StringBuilder();
        for (double[] p : points) {
            sb.append(sb.isEmpty() ? "" : "; ").append(p[0]).append(' ').append(p[1]);
        }
        return sb.toString();
    }

    static List<double[]> parse(String text) {
        List<double[]> points = new ArrayList<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] xy = pair.strip().split("[\\s,]+");
            if (xy.length != 2) {
                throw new NumberFormatException(pair);
            }
            points.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return points;
    }
}
