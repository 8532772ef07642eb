package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** 业务单位配置 — approving regions, lead units, 加签 and 会签 units (S1 FP 230–265), kept as data. */
@Repository
public class RoutingRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final JdbcClient jdbc;

    public RoutingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Region(String code, String nameZh, String nameEn, String countyGovOrg, String leadUnitOrg,
                         boolean enabled) {
    }

    public record RoutingUnit(long id, String kind, String regionCode, String unitOrg, String nameZh, String nameEn) {
    }

    public List<Region> regions() {
        return jdbc.sql("SELECT * FROM pilot_region ORDER BY code").query((rs, i) -> new Region(rs.getString("code"),
                rs.getString("name_zh"), rs.getString("name_en"), rs.getString("county_gov_org"),
                rs.getString("lead_unit_org"), rs.getBoolean("enabled"))).list();
    }

    public Optional<Region> region(String code) {
        return regions().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    public void saveRegion(Region r) {
        jdbc.sql("""
                INSERT INTO pilot_region (code, name_zh, name_en, county_gov_org, lead_unit_org, enabled)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO UPDATE SET name_zh = EXCLUDED.name_zh,
                  name_en = EXCLUDED.name_en, county_gov_org = EXCLUDED.county_gov_org,
                  lead_unit_org = EXCLUDED.lead_unit_org, enabled = EXCLUDED.enabled""")
                .params(r.code(), r.nameZh(), r.nameEn(), r.countyGovOrg(), r.leadUnitOrg(), r.enabled()).update();
    }

    public List<RoutingUnit> units() {
        return jdbc.sql("SELECT * FROM pilot_routing_unit ORDER BY kind, region_code, id")
                .query((rs, i) -> new RoutingUnit(rs.getLong("id"), rs.getString("kind"), rs.getString("region_code"),
                        rs.getString("unit_org"), rs.getString("name_zh"), rs.getString("name_en"))).list();
    }

    public long addUnit(String kind, String regionCode, String unitOrg, String nameZh, String nameEn) {
        return jdbc.sql("""
                INSERT INTO pilot_routing_unit (kind, region_code, unit_org, name_zh, name_en) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, region_code, unit_org) DO UPDATE SET name_zh = EXCLUDED.name_zh RETURNING id""")
                .params(kind, regionCode, unitOrg, nameZh, nameEn).query(Long.class).single();
    }

    /** 修改 a configured unit: its organisation and names; false when there is no such unit. */
    public boolean updateUnit(long id, String unitOrg, String nameZh, String nameEn) {
        return jdbc.sql("UPDATE pilot_routing_unit SET unit_org = ?, name_zh = ?, name_en = ? WHERE id = ?")
                .params(unitOrg, nameZh, nameEn, id).update() == 1;
    }

    public Optional<RoutingUnit> unit(long id) {
        return units().stream().filter(u -> u.id() == id).findFirst();
    }

    /** Whether any pilot application names the region (its routing history must stay readable). */
    public boolean regionInUse(String code) {
        return jdbc.sql("SELECT count(*) FROM pilot_application WHERE region_code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    /** Deletes a region and the extra approvers configured for it; false when there is no such region. */
    public boolean deleteRegion(String code) {
        jdbc.sql("DELETE FROM pilot_routing_unit WHERE region_code = ?").param(code).update();
        return jdbc.sql("DELETE FROM pilot_region WHERE code = ?").param(code).update() == 1;
    }

    public boolean deleteUnit(long id) {
        return jdbc.sql("DELETE FROM pilot_routing_unit WHERE id = ?").param(id).update() == 1;
    }

    /**
     * Whether {@code org} is a unit that may be asked to approve (加签 at run time) or be copied: a configured unit, or
     * any government organisation (Keycloak group under {@code /government/}).
     */
    public boolean isKnownUnit(String org) {
        if (org != null && org.matches("/government(/[a-z0-9][a-z0-9-]{0,62}){1,4}")) {
            return true;
        }
        return jdbc.sql("""
                SELECT count(*) FROM (SELECT lead_unit_org o FROM pilot_region UNION SELECT county_gov_org FROM pilot_region
                  UNION SELECT unit_org FROM pilot_routing_unit) u WHERE o = ?""")
                .param(org).query(Long.class).single() > 0;
    }

    /** Resolves who approves in {@code regionCode}, now. */
    public PilotRouting resolve(String regionCode) {
        Region region = region(regionCode).filter(Region::enabled)
                .orElseThrow(() -> new HnswException(PilotErrorCode.REGION_NOT_APPROVING, regionCode));
        List<String> city = new ArrayList<>();
        city.add(region.leadUnitOrg());
        List<String> provincial = new ArrayList<>();
        for (RoutingUnit u : units()) {
            switch (u.kind()) {
                case "CITY_EXTRA" -> {
                    if (regionCode.equals(u.regionCode()) && !city.contains(u.unitOrg())) {
                        city.add(u.unitOrg());
                    }
                }
                case "PROVINCIAL_COUNTERSIGN", "PROVINCIAL_EXTRA" -> {
                    if (!provincial.contains(u.unitOrg())) {
                        provincial.add(u.unitOrg());
                    }
                }
                default -> throw new IllegalStateException("unknown routing kind " + u.kind());
            }
        }
        if (provincial.isEmpty()) {
            throw new HnswException(PilotErrorCode.REGION_NOT_APPROVING, "provincial countersign units");
        }
        return new PilotRouting(regionCode, List.copyOf(city), region.countyGovOrg(), List.copyOf(provincial),
                PilotRouting.PROVINCE_ORG);
    }

    /**
     * The one process variable {@code route} the BPMN reads its approvers from ({@code route.cityUnits}, the units a step is offered to,
     * {@code route.countyGov} …): a JSON object, stored by Flowable as text in the variable row itself (no separate
     * byte-array rows, as serialised Java lists would need). {@code enterpriseGroup} may be null (termination).
     */
    public static ObjectNode asVariable(PilotRouting r, String enterpriseGroup) {
        ObjectNode route = JSON.createObjectNode();
        ArrayNode city = route.putArray("cityUnits");
        r.cityUnits().forEach(city::add);
        route.put("countyGov", r.countyGov());
        ArrayNode provincial = route.putArray("provincialUnits");
        r.provincialUnits().forEach(provincial::add);
        route.put("provinceOrg", r.provinceOrg());
        if (enterpriseGroup != null) {
            route.put("enterpriseGroup", enterpriseGroup);
        }
        return route;
    }

    /** The {@code route} JSON key holding the units of a multi-unit step. */
    public static String unitsKey(ApprovalStep step) {
        return step == ApprovalStep.cityUnitReview ? "cityUnits" : "provincialUnits";
    }
}
