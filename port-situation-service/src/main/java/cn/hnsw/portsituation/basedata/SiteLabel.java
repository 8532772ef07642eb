package cn.hnsw.portsituation.basedata;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 场所标签 — a label (重点监管, 查验场所, …) put on business data: ports, port areas, zones, points, cameras and gates.
 * The screens show the labels of what they show, and find the places that carry a label. A label of a port
 * ({@code portCode}) links only that port's records and is read and changed by the officers limited to it; a label
 * without a port is the command centre's.
 */
public record SiteLabel(UUID id, String code, String nameZh, String nameEn, String color, String description,
                        String portCode, List<Link> links, String updatedBy, Instant updatedAt) {

    /** What a label may be put on. */
    public enum TargetType { PORT, PORT_AREA, ZONE, POINT, CAMERA, GATE }

    /** One labelled thing, by its type and code. */
    public record Link(TargetType targetType, String targetCode) {
    }
}
