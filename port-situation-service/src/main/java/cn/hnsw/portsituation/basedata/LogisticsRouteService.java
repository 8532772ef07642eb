package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.web.HnswException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * 物流线路维护 (FP 550–575): domestic and foreign trade routes of the seaports and airports: add, edit, delete,
 * enable/disable, query. A sea route is served from a seaport, an air route from an airport.
 */
@Service
public class LogisticsRouteService {

    private static final BaseDataErrorCode INVALID = BaseDataErrorCode.ROUTE_INVALID;

    private final LogisticsRouteRepository routes;
    private final Clock clock;

    public LogisticsRouteService(LogisticsRouteRepository routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    /** What an operator enters. */
    public record Input(String code, String nameZh, String nameEn, String trade, String mode, String portCode,
                        String origin, String destination, String description, Boolean enabled) {
    }

    @Transactional
    public LogisticsRoute create(Input in, String by) {
        LogisticsRoute r = check(in, UUID.randomUUID(), in.enabled() == null || in.enabled(), by);
        if (routes.codeTaken(r.code())) {
            throw new HnswException(BaseDataErrorCode.CODE_TAKEN, r.code());
        }
        routes.save(r);
        return get(r.id());
    }

    @Transactional
    public LogisticsRoute update(UUID id, Input in, String by) {
        LogisticsRoute existing = get(id);
        if (in.code() != null && !in.code().strip().equals(existing.code())) {
            throw new HnswException(INVALID, "the code cannot change / 编号不可修改");
        }
        routes.save(check(new Input(existing.code(), in.nameZh(), in.nameEn(), in.trade(), in.mode(), in.portCode(),
                in.origin(), in.destination(), in.description(), null), id, existing.enabled(), by));
        return get(id);
    }

    public LogisticsRoute get(UUID id) {
        return routes.find(id).orElseThrow(() -> new HnswException(BaseDataErrorCode.ROUTE_NOT_FOUND, id));
    }

    @Transactional
    public LogisticsRoute enable(UUID id, boolean enabled, String by) {
        get(id);
        routes.enable(id, enabled, by, clock.instant());
        return get(id);
    }

    @Transactional
    public void delete(UUID id) {
        get(id);
        routes.delete(id);
    }

    private LogisticsRoute check(Input in, UUID id, boolean enabled, String by) {
        String code = Checks.code(in.code(), INVALID);
        String nameZh = Checks.nameZh(in.nameZh(), INVALID);
        String nameEn = Checks.optional(in.nameEn(), 100, "English name / 英文名称", INVALID);
        LogisticsRoute.Trade trade = Checks.oneOf(LogisticsRoute.Trade.class, in.trade(), "trade / 贸易类型", INVALID);
        LogisticsRoute.Mode mode = Checks.oneOf(LogisticsRoute.Mode.class, in.mode(), "mode / 运输方式", INVALID);
        String port = in.portCode() == null ? "" : in.portCode().strip();
        String kind = routes.portKind(port);
        if (kind == null) {
            throw new HnswException(INVALID, "port: one of the ports' codes / 口岸编码不存在");
        }
        if (!(mode == LogisticsRoute.Mode.SEA ? "SEAPORT" : "AIRPORT").equals(kind)) {
            throw new HnswException(INVALID, "a sea route starts at a seaport, an air route at an airport"
                    + " / 海港线路须属海港口岸，空港线路须属空港口岸");
        }
        String origin = Checks.required(in.origin(), 100, "origin / 起点", INVALID);
        String destination = Checks.required(in.destination(), 100, "destination / 终点", INVALID);
        if (origin.equals(destination)) {
            throw new HnswException(INVALID, "origin and destination differ / 起点与终点不能相同");
        }
        String description = Checks.optional(in.description(), 1000, "description / 说明", INVALID);
        return new LogisticsRoute(id, code, nameZh, nameEn, trade, mode, port, origin, destination, description,
                enabled, by, clock.instant());
    }
}
