package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.web.HnswException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 区域信息维护 (FP 510–519): zones of the port areas with their polygons, and Excel import/export (all rows or none).
 * Zones on the water are what the AIS warnings watch once confirmed: each change is published as {@link ZonesChanged}.
 */
@Service
public class ZoneService {

    static final String[] HEADERS = {"编号 Code", "名称 Name", "Name (English)", "类型 Kind", "港区 Port area",
            "多边形 Polygon (lon lat; …)", "限速(节) Speed limit (kn)", "级别 Level", "启用 Active", "状态 Status"};
    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.ZONE_INVALID;

    private final ZoneRepository zones;
    private final PortAreaRepository portAreas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ZoneService(ZoneRepository zones, PortAreaRepository portAreas, ApplicationEventPublisher events,
                       Clock clock) {
        this.zones = zones;
        this.portAreas = portAreas;
        this.events = events;
        this.clock = clock;
    }

    /** What an operator enters (or one row of an import). */
    public record Input(String code, String nameZh, String nameEn, String kind, String portAreaCode,
                        List<double[]> polygon, Float speedLimitKnots, String level, Boolean active) {
    }

    @Transactional
    public Zone create(Input in, String by) {
        Zone z = check(in, UUID.randomUUID(), by);
        if (zones.byCode(z.code()).isPresent()) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, z.code());
        }
        zones.upsert(z);
        events.publishEvent(new ZonesChanged());
        return zones.byCode(z.code()).orElseThrow();
    }

    @Transactional
    public Zone update(UUID id, Input in, String by) {
        Zone existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        zones.upsert(check(new Input(existing.code(), in.nameZh(), in.nameEn(), in.kind(), in.portAreaCode(),
                in.polygon(), in.speedLimitKnots(), in.level(), in.active()), id, by));
        events.publishEvent(new ZonesChanged());
        return get(id);
    }

    public Zone get(UUID id) {
        return zones.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.ZONE_NOT_FOUND, id));
    }

    @Transactional
    public void delete(UUID id) {
        Zone z = get(id);
        int points = zones.pointsOf(z.code());
        if (points > 0) {
            throw new HnswException(BaseDataErrorCode.IN_USE, z.code(), points + " points / 个点位");
        }
        zones.delete(id);
        events.publishEvent(new ZonesChanged());
    }

    @Transactional
    public Zone confirm(UUID id, String by) {
        get(id);
        zones.confirm(id, by, clock.instant());
        events.publishEvent(new ZonesChanged());
        return get(id);
    }

    Zone check(Input in, UUID id, String by) {
        String code = Checks.code(in.code(), INVALID);
        String nameZh = Checks.nameZh(in.nameZh(), INVALID);
        String nameEn = Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID);
        Zone.Kind kind = Checks.oneOf(Zone.Kind.class, in.kind(), "kind / 类型", INVALID);
        String areaCode = in.portAreaCode() == null ? "" : in.portAreaCode().strip();
        PortArea area = portAreas.byCode(areaCode)
                .orElseThrow(() -> new HnswException(INVALID, "port area: one of the port areas' codes / 港区不存在"));
        Polygons.check(in.polygon(), INVALID);
        Float limit = in.speedLimitKnots();
        if (kind == Zone.Kind.CHANNEL && (limit == null || !(limit > 0 && limit <= 60))) {
            throw new HnswException(INVALID, "a channel has a speed limit of 0–60 knots / 航道须设 0–60 节限速");
        }
        if (kind != Zone.Kind.CHANNEL && limit != null) {
            throw new HnswException(INVALID, "only a channel has a speed limit / 仅航道可设限速");
        }
        Alert.Level level = in.level() == null || in.level().isBlank() ? Alert.Level.MEDIUM
                : Checks.oneOf(Alert.Level.class, in.level(), "level / 级别", INVALID);
        return new Zone(id, code, nameZh, nameEn, kind, area.portCode(), area.code(), in.polygon(), limit,
                level.name(), in.active() == null || in.active(), "DRAFT", null, null, by, clock.instant());
    }

    /** The import's outcome: zones added and updated (all of them drafts until confirmed). */
    public record ImportResult(int created, int updated) {
    }

    @Transactional
    public ImportResult importWorkbook(InputStream in, String by) {
        List<Sheets.Line> lines = Sheets.read(in, BaseDataErrorCode.IMPORT_INVALID);
        List<String> errors = new ArrayList<>();
        List<Zone> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Sheets.Line l : lines) {
            try {
                Double limit = l.number(6);
                String active = l.text(8);
                Input input = new Input(l.text(0), l.text(1), l.text(2), l.text(3), l.text(4),
                        Polygons.parse(l.text(5)), limit == null ? null : limit.floatValue(), l.text(7),
                        active.isEmpty() || active.equalsIgnoreCase("true") || active.equals("是"));
                Zone z = check(input, zones.byCode(l.text(0)).map(Zone::id).orElseGet(UUID::randomUUID), by);
                Integer before = seen.put(z.code(), l.rowNum());
                if (before != null) {
                    errors.add("row " + l.rowNum() + ": code " + z.code() + " also in row " + before + " / 编号重复");
                }
                checked.add(z);
            } catch (NumberFormatException e) {
                errors.add("row " + l.rowNum() + ": polygon and speed limit are numbers / 多边形与限速须为数字");
            } catch (HnswException e) {
                errors.add("row " + l.rowNum() + ": " + e.messageEn());
            }
        }
        if (!errors.isEmpty()) {
            throw new HnswException(BaseDataErrorCode.IMPORT_INVALID,
                    String.join("; ", errors.subList(0, Math.min(20, errors.size()))));
        }
        int created = 0;
        for (Zone z : checked) {
            if (zones.byCode(z.code()).isEmpty()) {
                created++;
            }
            zones.upsert(z);
        }
        events.publishEvent(new ZonesChanged());
        return new ImportResult(created, checked.size() - created);
    }

    public void export(List<Zone> list, OutputStream out) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (Zone z : list) {
            rows.add(new Object[] {z.code(), z.nameZh(), z.nameEn(), z.kind().name(), z.portAreaCode(),
                    Polygons.text(z.polygon()), z.speedLimitKnots(), z.level(), z.active(), z.status()});
        }
        Sheets.write(out, "区域 Zones", HEADERS, rows);
    }
}
