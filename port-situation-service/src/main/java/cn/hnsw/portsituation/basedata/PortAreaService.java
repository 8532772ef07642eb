package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** 港区信息维护 (FP 502–509): add, edit, delete, search, confirm and view the port areas. */
@Service
public class PortAreaService {

    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.PORT_AREA_INVALID;

    private final PortAreaRepository areas;
    private final Clock clock;

    public PortAreaService(PortAreaRepository areas, Clock clock) {
        this.areas = areas;
        this.clock = clock;
    }

    /** What an operator enters. */
    public record Input(String code, String nameZh, String nameEn, String portCode, Double latitude, Double longitude,
                        String description) {
    }

    @Transactional
    public PortArea create(Input in, String by) {
        PortArea a = check(in, UUID.randomUUID(), by);
        if (areas.byCode(a.code()).isPresent()) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, a.code());
        }
        areas.upsert(a);
        return areas.byCode(a.code()).orElseThrow();
    }

    @Transactional
    public PortArea update(UUID id, Input in, String by) {
        PortArea existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        areas.upsert(check(new Input(existing.code(), in.nameZh(), in.nameEn(), in.portCode(), in.latitude(),
                in.longitude(), in.description()), id, by));
        return get(id);
    }

    public PortArea get(UUID id) {
        return areas.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.PORT_AREA_NOT_FOUND, id));
    }

    @Transactional
    public void delete(UUID id) {
        PortArea a = get(id);
        int zones = areas.zonesOf(a.code());
        if (zones > 0) {
            throw new HnswException(BaseDataErrorCode.IN_USE, a.code(), zones + " zones / 个区域");
        }
        areas.delete(id);
    }

    @Transactional
    public PortArea confirm(UUID id, String by) {
        get(id);
        areas.confirm(id, by, clock.instant());
        return get(id);
    }

    private PortArea check(Input in, UUID id, String by) {
        String code = Checks.code(in.code(), INVALID);
        String nameZh = Checks.nameZh(in.nameZh(), INVALID);
        String nameEn = Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID);
        if (in.portCode() == null || !areas.portExists(in.portCode().strip())) {
            throw new HnswException(INVALID, "port: one of the ports' codes / 口岸编码不存在");
        }
        Checks.position(in.latitude(), in.longitude(), INVALID);
        String description = Checks.optional(in.description(), 1000, "description / 说明", INVALID);
        return new PortArea(id, code, nameZh, nameEn, in.portCode().strip(), in.latitude(), in.longitude(), description,
                "DRAFT", null, null, by, clock.instant());
    }
}
