package cn.hnsw.portsituation.livevideo;

import java.util.Set;

/**
 * The video walls a camera can be put on, with the roles (what the camera watches) each allows: a gate's wall (卡口视频监控:
 * entry, diversion, release, inspection lane; for freight pre-judgement and release control), the clearance-efficiency
 * page's walls (登船口, 查验区, 人工安检区, 围网, 离港车道) and the key-area walls of the seaport and airport panoramic maps.
 */
public enum Wall {
    GATE(Set.of("ENTRY", "DIVERSION", "RELEASE", "INSPECTION_LANE", "PRE_JUDGEMENT", "RELEASE_CONTROL")),
    EFFICIENCY(Set.of("BOARDING_GATE", "INSPECTION_AREA", "MANUAL_SECURITY", "FENCE", "DEPARTURE_LANE")),
    KEY_AREA(Set.of("KEY_AREA"));

    private final Set<String> roles;

    Wall(Set<String> roles) {
        this.roles = roles;
    }

    public boolean allows(String role) {
        return roles.contains(role);
    }
}
