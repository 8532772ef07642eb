package cn.hnsw.portsituation.livevideo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The cameras' video access (platform and device code) and what they watch ({@code camera_watch}, V23). */
@Repository
class LiveVideoRepository {

    /** A camera as the live video needs it. */
    record LinkedCamera(String code, String nameZh, String nameEn, String kind, String portCode, String status,
                        String platformCode, String deviceCode) {

        /** The device code the platform knows the camera by: its own, or the camera code when not given. */
        String device() {
            return deviceCode == null || deviceCode.isBlank() ? code : deviceCode;
        }
    }

    /** One camera on one wall, with the gate or zone it watches. */
    record WallEntry(String cameraCode, String nameZh, String nameEn, String kind, String portCode, String wall,
                     String role, String targetCode, String targetNameZh, String targetNameEn, String platformCode,
                     String deviceCode, double latitude, double longitude) {
    }

    record Watch(String wall, String role, String targetCode) {
    }

    private static final RowMapper<LinkedCamera> CAMERA = (rs, i) -> new LinkedCamera(rs.getString("code"),
            rs.getString("name_zh"), rs.getString("name_en"), rs.getString("kind"), rs.getString("port_code"),
            rs.getString("status"), rs.getString("platform_code"), rs.getString("platform_device_code"));

    private final JdbcTemplate jdbc;

    LiveVideoRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LinkedCamera> camera(String code) {
        return jdbc.query("SELECT * FROM camera WHERE code = ?", CAMERA, code).stream().findFirst();
    }

    void link(String code, String platformCode, String deviceCode) {
        jdbc.update("UPDATE camera SET platform_code = ?, platform_device_code = ? WHERE code = ?", platformCode,
                deviceCode, code);
    }

    void replaceWatches(String code, List<Watch> watches) {
        jdbc.update("DELETE FROM camera_watch WHERE camera_code = ?", code);
        int order = 0;
        for (Watch w : watches) {
            jdbc.update("""
                    INSERT INTO camera_watch (camera_code, wall, role, target_code, sort_order) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, code, w.wall(), w.role(), w.targetCode(), order++);
        }
    }

    List<Watch> watches(String code) {
        return jdbc.query("SELECT wall, role, target_code FROM camera_watch WHERE camera_code = ? ORDER BY sort_order",
                (rs, i) -> new Watch(rs.getString("wall"), rs.getString("role"), rs.getString("target_code")), code);
    }

    /** The port of a gate, if it exists. */
    Optional<String> gatePort(String gateCode) {
        return jdbc.queryForList("SELECT port_code FROM gate WHERE code = ?", String.class, gateCode).stream()
                .findFirst();
    }

    /** The port of a zone (empty text for a zone of no port), if the zone exists. */
    Optional<String> zonePort(String zoneCode) {
        return jdbc.query("SELECT coalesce(port_code, '') AS p FROM zone WHERE code = ?",
                (rs, i) -> rs.getString("p"), zoneCode).stream().findFirst();
    }

    Optional<String> platformPort(String platformCode) {
        return jdbc.query("SELECT coalesce(port_code, '') AS p FROM video_platform WHERE code = ?",
                (rs, i) -> rs.getString("p"), platformCode).stream().findFirst();
    }

    /** The cameras of a wall, narrowed to a port and a gate or zone when given, in the order they were put there. */
    List<WallEntry> wall(Wall wall, String portCode, String targetCode) {
        List<Object> args = new ArrayList<>();
        args.add(wall.name());
        StringBuilder sql = new StringBuilder("""
                SELECT c.code, c.name_zh, c.name_en, c.kind, c.port_code, w.wall, w.role, w.target_code,
                       coalesce(g.name_zh, z.name_zh) AS target_name_zh, coalesce(g.name_en, z.name_en) AS target_name_en,
                       c.platform_code, c.platform_device_code, c.latitude, c.longitude
                FROM camera_watch w
                JOIN camera c ON c.code = w.camera_code
                LEFT JOIN gate g ON w.wall = 'GATE' AND g.code = w.target_code
                LEFT JOIN zone z ON w.wall <> 'GATE' AND z.code = w.target_code
                WHERE w.wall = ?""");
        if (portCode != null) {
            sql.append(" AND c.port_code = ?");
            args.add(portCode);
        }
        if (targetCode != null) {
            sql.append(" AND w.target_code = ?");
            args.add(targetCode);
        }
        sql.append(" ORDER BY c.port_code, w.target_code, w.role, w.sort_order, c.code");
        return jdbc.query(sql.toString(), (rs, i) -> new WallEntry(rs.getString("code"), rs.getString("name_zh"),
                rs.getString("name_en"), rs.getString("kind"), rs.getString("port_code"), rs.getString("wall"),
                rs.getString("role"), rs.getString("target_code"), rs.getString("target_name_zh"),
                rs.getString("target_name_en"), rs.getString("platform_code"), rs.getString("platform_device_code"),
                rs.getDouble("latitude"), rs.getDouble("longitude")), args.toArray());
    }
}
