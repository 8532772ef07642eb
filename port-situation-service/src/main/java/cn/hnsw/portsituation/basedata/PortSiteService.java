package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.crypto.Sm3;
import cn.hnsw.common.storage.ObjectStorage;
import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * 口岸基础信息: a port's inspection-site statistics (二线口岸基础统计信息: passenger-vehicle and truck inspection-site and
 * departure-area sizes, S1 FP 57, 58, 96, 97, 154, 155), its annual design capacity (年设计通过能力, FP 206) and its
 * flow-line base images (口岸动线图片底图, FP 52, 91, 149: one per port and flow, the bytes in object storage). Each
 * change of the statistics is kept with the values before and after ({@code port_site_info_change}).
 */
@Service
public class PortSiteService {

    static final String BUCKET = "port-flow-images";
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final int MAX_IMAGE_SIDE = 10_000;
    static final BigDecimal MAX_AREA_M2 = new BigDecimal("100000000");
    static final long MAX_PER_YEAR = 10_000_000_000L;

    /** The three flows a port shows a flow-line image for. */
    public enum Flow {
        PASSENGER_VEHICLE, PASSENGER, TRUCK
    }

    /** What an administrator enters; every figure optional (a port may have no truck site), none negative. */
    public record Input(BigDecimal vehicleInspectionAreaM2, BigDecimal vehicleDepartureAreaM2,
                        BigDecimal truckInspectionAreaM2, BigDecimal truckDepartureAreaM2, Long designVehiclesPerYear,
                        Long designPassengersPerYear, Long designCargoTonnesPerYear, String remark) {
    }

    public record SiteInfo(String portCode, String portNameZh, String portNameEn, String portKind,
                           BigDecimal vehicleInspectionAreaM2, BigDecimal vehicleDepartureAreaM2,
                           BigDecimal truckInspectionAreaM2, BigDecimal truckDepartureAreaM2, Long designVehiclesPerYear,
                           Long designPassengersPerYear, Long designCargoTonnesPerYear, String remark, Integer version,
                           String updatedBy, Instant updatedAt, List<FlowImage> flowImages) {
    }

    public record FlowImage(String portCode, Flow flow, String contentType, long sizeBytes, int width, int height,
                            String sm3, String uploadedBy, Instant uploadedAt) {
    }

    public record Change(long id, String portCode, int version, Map<String, Object> before, Map<String, Object> after,
                         String changedBy, Instant changedAt) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<ObjectStorage> storage;
    private final ObjectMapper json;
    private final Clock clock;

    PortSiteService(JdbcTemplate jdbc, ObjectProvider<ObjectStorage> storage, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.storage = storage;
        this.json = json;
        this.clock = clock;
    }

    private static final String SELECT = """
            SELECT p.code, p.name_zh, p.name_en, p.kind, s.vehicle_inspection_area_m2, s.vehicle_departure_area_m2,
                   s.truck_inspection_area_m2, s.truck_departure_area_m2, s.design_vehicles_per_year,
                   s.design_passengers_per_year, s.design_cargo_tonnes_per_year, s.remark, s.version, s.updated_by,
                   s.updated_at
            FROM port p LEFT JOIN port_site_info s ON s.port_code = p.code
            """;

    /** Every port (of {@code port} only when given), with its statistics and images, in the ports' order. */
    public List<SiteInfo> list(String port) {
        Map<String, List<FlowImage>> images = new LinkedHashMap<>();
        for (FlowImage i : images(port)) {
            images.computeIfAbsent(i.portCode(), k -> new ArrayList<>()).add(i);
        }
        return jdbc.query(SELECT + " WHERE (?::text IS NULL OR p.code = ?) ORDER BY p.sort_order",
                (rs, n) -> site(rs, images.getOrDefault(rs.getString("code"), List.of())), port, port);
    }

    public SiteInfo get(String portCode) {
        List<SiteInfo> one = list(portCode);
        if (one.isEmpty()) {
            throw new HnswException(BaseDataErrorCode.PORT_NOT_FOUND, portCode);
        }
        return one.getFirst();
    }

    @Transactional
    public SiteInfo update(String portCode, Input in, String by) {
        SiteInfo before = get(portCode);
        if (in == null) {
            throw new HnswException(BaseDataErrorCode.PORT_SITE_INVALID, "empty body / 内容为空");
        }
        area(in.vehicleInspectionAreaM2(), "vehicle inspection site area / 客车查验场地面积");
        area(in.vehicleDepartureAreaM2(), "vehicle departure area / 客车出港区域面积");
        area(in.truckInspectionAreaM2(), "truck inspection site area / 货车查验场地面积");
        area(in.truckDepartureAreaM2(), "truck departure area / 货车出港区域面积");
        perYear(in.designVehiclesPerYear(), "design vehicles per year / 年设计车辆通过能力");
        perYear(in.designPassengersPerYear(), "design passengers per year / 年设计旅客通过能力");
        perYear(in.designCargoTonnesPerYear(), "design cargo tonnes per year / 年设计货物通过能力");
        String remark = Checks.optional(in.remark(), 500, "remark / 备注", BaseDataErrorCode.PORT_SITE_INVALID);
        Instant now = clock.instant();
        int version = before.version() == null ? 1 : before.version() + 1;
        jdbc.update("""
                INSERT INTO port_site_info (port_code, vehicle_inspection_area_m2, vehicle_departure_area_m2,
                    truck_inspection_area_m2, truck_departure_area_m2, design_vehicles_per_year,
                    design_passengers_per_year, design_cargo_tonnes_per_year, remark, version, updated_by, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (port_code) DO UPDATE SET
                    vehicle_inspection_area_m2 = EXCLUDED.vehicle_inspection_area_m2,
                    vehicle_departure_area_m2 = EXCLUDED.vehicle_departure_area_m2,
                    truck_inspection_area_m2 = EXCLUDED.truck_inspection_area_m2,
                    truck_departure_area_m2 = EXCLUDED.truck_departure_area_m2,
                    design_vehicles_per_year = EXCLUDED.design_vehicles_per_year,
                    design_passengers_per_year = EXCLUDED.design_passengers_per_year,
                    design_cargo_tonnes_per_year = EXCLUDED.design_cargo_tonnes_per_year,
                    remark = EXCLUDED.remark, version = EXCLUDED.version, updated_by = EXCLUDED.updated_by,
                    updated_at = EXCLUDED.updated_at
                """, before.portCode(), in.vehicleInspectionAreaM2(), in.vehicleDepartureAreaM2(),
                in.truckInspectionAreaM2(), in.truckDepartureAreaM2(), in.designVehiclesPerYear(),
                in.designPassengersPerYear(), in.designCargoTonnesPerYear(), remark, version, by, Timestamp.from(now));
        SiteInfo after = get(portCode);
        jdbc.update("""
                INSERT INTO port_site_info_change (port_code, version, before, after, changed_by, changed_at)
                VALUES (?, ?, ?::jsonb, ?::jsonb, ?, ?)
                """, portCode, version, before.version() == null ? null : write(figures(before)), write(figures(after)),
                by, Timestamp.from(now));
        return after;
    }

    /** The changes of one port's statistics, newest first. */
    public List<Change> changes(String portCode, int limit) {
        get(portCode);
        return jdbc.query("""
                SELECT id, port_code, version, before::text AS before, after::text AS after, changed_by, changed_at
                FROM port_site_info_change WHERE port_code = ? ORDER BY id DESC LIMIT ?
                """, (rs, n) -> new Change(rs.getLong("id"), rs.getString("port_code"), rs.getInt("version"),
                read(rs.getString("before")), read(rs.getString("after")), rs.getString("changed_by"),
                rs.getTimestamp("changed_at").toInstant()), portCode, limit);
    }

    // ---- flow-line base images

    /**
     * Keeps (or replaces) the port's base image of one flow: PNG or JPEG (the bytes must be what the type says), at
     * most 5 MiB and 10,000 pixels a side, read by the JDK's image readers before anything is stored.
     */
    @Transactional
    public FlowImage upload(String portCode, String flow, String contentType, byte[] content, String by) {
        get(portCode);
        Flow f = flow(flow);
        if (content == null || content.length == 0 || content.length > MAX_IMAGE_BYTES) {
            throw new HnswException(BaseDataErrorCode.FLOW_IMAGE_INVALID, "size 1 B – 5 MiB / 大小须在 1 字节至 5 MiB 之间");
        }
        String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
        String format = switch (type) {
            case "image/png" -> "png";
            case "image/jpeg" -> "jpeg";
            default -> throw new HnswException(BaseDataErrorCode.FLOW_IMAGE_INVALID,
                    "type " + type + ": PNG or JPEG only / 仅支持 PNG 或 JPEG");
        };
        int[] size = dimensions(content, format);
        ObjectStorage store = store();
        Optional<String> previous = objectKey(portCode, f);
        String key = portCode + "/" + f.name() + "/" + UUID.randomUUID() + "." + ("png".equals(format) ? "png" : "jpg");
        String digest = HexFormat.of().formatHex(Sm3.digest(content));
        store.put(BUCKET, key, content, type);
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO port_flow_image (port_code, flow, bucket, object_key, content_type, size_bytes, width, height,
                    sm3_digest, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (port_code, flow) DO UPDATE SET bucket = EXCLUDED.bucket, object_key = EXCLUDED.object_key,
                    content_type = EXCLUDED.content_type, size_bytes = EXCLUDED.size_bytes, width = EXCLUDED.width,
                    height = EXCLUDED.height, sm3_digest = EXCLUDED.sm3_digest, uploaded_by = EXCLUDED.uploaded_by,
                    uploaded_at = EXCLUDED.uploaded_at
                """, portCode, f.name(), BUCKET, key, type, content.length, size[0], size[1], digest, by,
                Timestamp.from(now));
        // the replaced image's bytes go once the new one is recorded
        previous.ifPresent(k -> store.delete(BUCKET, k));
        return image(portCode, f).orElseThrow();
    }

    /** The image's description and bytes. */
    public Map.Entry<FlowImage, byte[]> download(String portCode, String flow) {
        Flow f = flow(flow);
        FlowImage image = image(portCode, f)
                .orElseThrow(() -> new HnswException(BaseDataErrorCode.FLOW_IMAGE_NOT_FOUND, portCode, f.name()));
        String key = objectKey(portCode, f).orElseThrow();
        return Map.entry(image, store().get(BUCKET, key));
    }

    @Transactional
    public void deleteImage(String portCode, String flow) {
        Flow f = flow(flow);
        String key = objectKey(portCode, f)
                .orElseThrow(() -> new HnswException(BaseDataErrorCode.FLOW_IMAGE_NOT_FOUND, portCode, f.name()));
        jdbc.update("DELETE FROM port_flow_image WHERE port_code = ? AND flow = ?", portCode, f.name());
        store().delete(BUCKET, key);
    }

    private Optional<FlowImage> image(String portCode, Flow f) {
        return images(portCode).stream().filter(i -> i.flow() == f).findFirst();
    }

    private Optional<String> objectKey(String portCode, Flow f) {
        return jdbc.queryForList("SELECT object_key FROM port_flow_image WHERE port_code = ? AND flow = ?",
                String.class, portCode, f.name()).stream().findFirst();
    }

    private List<FlowImage> images(String port) {
        return jdbc.query("""
                SELECT port_code, flow, content_type, size_bytes, width, height, sm3_digest, uploaded_by, uploaded_at
                FROM port_flow_image WHERE (?::text IS NULL OR port_code = ?) ORDER BY port_code, flow
                """, (rs, n) -> new FlowImage(rs.getString("port_code"), Flow.valueOf(rs.getString("flow")),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getInt("width"), rs.getInt("height"),
                rs.getString("sm3_digest"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()),
                port, port);
    }

    static Flow flow(String flow) {
        return Checks.oneOf(Flow.class, flow, "flow / 业务流", BaseDataErrorCode.FLOW_IMAGE_INVALID);
    }

    /** Width and height from the image's header, read by the reader of the declared format only. */
    static int[] dimensions(byte[] content, String format) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            while (readers.hasNext()) {
                ImageReader reader = readers.next();
                try {
                    if (!reader.getFormatName().equalsIgnoreCase(format)
                            && !reader.getOriginatingProvider().getFormatNames()[0].equalsIgnoreCase(format)) {
                        continue;
                    }
                    reader.setInput(in, true, true);
                    int w = reader.getWidth(0);
                    int h = reader.getHeight(0);
                    if (w <= 0 || h <= 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE) {
                        throw new HnswException(BaseDataErrorCode.FLOW_IMAGE_INVALID,
                                w + "×" + h + " px: at most 10,000 a side / 每边至多 10,000 像素");
                    }
                    return new int[] {w, h};
                } finally {
                    reader.dispose();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof HnswException h) {
                throw h;
            }
        }
        throw new HnswException(BaseDataErrorCode.FLOW_IMAGE_INVALID,
                "the content is not a readable " + format.toUpperCase() + " image / 内容不是可读的图片");
    }

    private ObjectStorage store() {
        ObjectStorage s = storage.getIfAvailable();
        if (s == null) {
            throw new HnswException(BaseDataErrorCode.STORAGE_UNAVAILABLE);
        }
        return s;
    }

    private static void area(BigDecimal v, String what) {
        if (v != null && (v.signum() < 0 || v.compareTo(MAX_AREA_M2) > 0 || v.scale() > 2)) {
            throw new HnswException(BaseDataErrorCode.PORT_SITE_INVALID,
                    what + ": 0–100,000,000 m², two decimals at most / 0–1 亿平方米，至多两位小数");
        }
    }

    private static void perYear(Long v, String what) {
        if (v != null && (v < 0 || v > MAX_PER_YEAR)) {
            throw new HnswException(BaseDataErrorCode.PORT_SITE_INVALID, what + ": 0–10,000,000,000 / 0–100 亿");
        }
    }

    private static SiteInfo site(ResultSet rs, List<FlowImage> images) throws SQLException {
        Timestamp at = rs.getTimestamp("updated_at");
        return new SiteInfo(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("kind"),
                rs.getBigDecimal("vehicle_inspection_area_m2"), rs.getBigDecimal("vehicle_departure_area_m2"),
                rs.getBigDecimal("truck_inspection_area_m2"), rs.getBigDecimal("truck_departure_area_m2"),
                (Long) rs.getObject("design_vehicles_per_year"), (Long) rs.getObject("design_passengers_per_year"),
                (Long) rs.getObject("design_cargo_tonnes_per_year"), rs.getString("remark"),
                (Integer) rs.getObject("version"), rs.getString("updated_by"), at == null ? null : at.toInstant(), images);
    }

    private static Map<String, Object> figures(SiteInfo s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vehicleInspectionAreaM2", s.vehicleInspectionAreaM2());
        m.put("vehicleDepartureAreaM2", s.vehicleDepartureAreaM2());
        m.put("truckInspectionAreaM2", s.truckInspectionAreaM2());
        m.put("truckDepartureAreaM2", s.truckDepartureAreaM2());
        m.put("designVehiclesPerYear", s.designVehiclesPerYear());
        m.put("designPassengersPerYear", s.designPassengersPerYear());
        m.put("designCargoTonnesPerYear", s.designCargoTonnesPerYear());
        m.put("remark", s.remark());
        return m;
    }

    private String write(Map<String, Object> m) {
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> read(String text) {
        try {
            return text == null ? null : json.readValue(text, Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
