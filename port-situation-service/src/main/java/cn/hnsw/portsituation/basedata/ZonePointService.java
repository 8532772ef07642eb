package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
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

/** 区域点位信息维护 (FP 520–529): the points of the zones, each inside its zone; Excel import (all or none)/export. */
@Service
public class ZonePointService {

    static final String[] HEADERS = {"编号 Code", "名称 Name", "Name (English)", "区域 Zone", "类型 Kind",
            "纬度 Latitude", "经度 Longitude", "状态 Status"};
    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.POINT_INVALID;

    private final ZonePointRepository points;
    private final ZoneRepository zones;
    private final Clock clock;

    public ZonePointService(ZonePointRepository points, ZoneRepository zones, Clock clock) {
        this.points = points;
        this.zones = zones;
        this.clock = clock;
    }

    /** What an operator enters (or one row of an import). */
    public record Input(String code, String nameZh, String nameEn, String zoneCode, String kind, Double latitude,
                        Double longitude) {
    }

    @Transactional
    public ZonePoint create(Input in, String by) {
        ZonePoint p = check(in, UUID.randomUUID(), by);
        if (points.byCode(p.code()).isPresent()) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, p.code());
        }
        points.upsert(p);
        return points.byCode(p.code()).orElseThrow();
    }

    @Transactional
    public ZonePoint update(UUID id, Input in, String by) {
        ZonePoint existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        points.upsert(check(new Input(existing.code(), in.nameZh(), in.nameEn(), in.zoneCode(), in.kind(),
                in.latitude(), in.longitude()), id, by));
        return get(id);
    }

    public ZonePoint get(UUID id) {
        return points.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.POINT_NOT_FOUND, id));
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        points.delete(id);
    }

    @Transactional
    public ZonePoint confirm(UUID id, String by) {
        get(id);
        points.confirm(id, by, clock.instant());
        return get(id);
    }

    ZonePoint check(Input in, UUID id, String by) {
        String code = Checks.code(in.code(), INVALID);
        String nameZh = Checks.nameZh(in.nameZh(), INVALID);
        String nameEn = Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID);
        Zone zone = zones.byCode(in.zoneCode() == null ? "" : in.zoneCode().strip())
                .orElseThrow(() -> new HnswException(INVALID, "zone: one of the zones' codes / 区域不存在"));
        ZonePoint.Kind kind = Checks.oneOf(ZonePoint.Kind.class, in.kind(), "kind / 类型", INVALID);
        Checks.position(in.latitude(), in.longitude(), INVALID);
        if (!Polygons.covers(zone.polygon(), in.latitude(), in.longitude())) {
            throw new HnswException(INVALID, "the point lies outside zone " + zone.code() + " / 点位不在所属区域内");
        }
        return new ZonePoint(id, code, nameZh, nameEn, zone.code(), kind, in.latitude(), in.longitude(), "DRAFT",
                null, null, by, clock.instant());
    }

    /** The import's outcome: points added and updated. */
    public record ImportResult(int created, int updated) {
    }

    @Transactional
    public ImportResult importWorkbook(InputStream in, String by) {
        List<Sheets.Line> lines = Sheets.read(in, BaseDataErrorCode.IMPORT_INVALID);
        List<String> errors = new ArrayList<>();
        List<ZonePoint> checked = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Sheets.Line l : lines) {
            try {
                ZonePoint p = check(new Input(l.text(0), l.text(1), l.text(2), l.text(3), l.text(4), l.number(5),
                        l.number(6)), points.byCode(l.text(0)).map(ZonePoint::id).orElseGet(UUID::randomUUID), by);
                Integer before = seen.put(p.code(), l.rowNum());
                if (before != null) {
                    errors.add("row " + l.rowNum() + ": code " + p.code() + " also in row " + before + " / 编号重复");
                }
                checked.add(p);
            } catch (NumberFormatException e) {
                errors.add("row " + l.rowNum() + ": latitude/longitude are numbers / 坐标须为数字");
            } catch (HnswException e) {
                errors.add("row " + l.rowNum() + ": " + e.messageEn());
            }
        }
        if (!errors.isEmpty()) {
            throw new HnswException(BaseDataErrorCode.IMPORT_INVALID,
                    String.join("; ", errors.subList(0, Math.min(20, errors.size()))));
        }
        int created = 0;
        for (ZonePoint p : checked) {
            if (points.byCode(p.code()).isEmpty()) {
                created++;
            }
            points.upsert(p);
        }
        return new ImportResult(created, checked.size() - created);
    }

    public void export(List<ZonePoint> list, OutputStream out) throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (ZonePoint p : list) {
            rows.add(new Object[] {p.code(), p.nameZh(), p.nameEn(), p.zoneCode(), p.kind().name(), p.latitude(),
                    p.longitude(), p.status()});
        }
        Sheets.write(out, "区域点位 Zone points", HEADERS, rows);
    }
}
