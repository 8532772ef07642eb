package cn.hnsw.portsituation.cargo;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The yard as the container positions leave it: each container whose latest report puts it in the yard with a slot
 * (block, bay, row, tier), and the goods its documents declare.
 */
@Repository
class ContainerYardRepository {

    /** A container standing in the yard. */
    record Slot(String containerNo, String portCode, String block, int bay, int row, int tier, String trade,
                String direction, boolean laden, java.time.Instant since) {
    }

    private static final String LATEST = """
            SELECT DISTINCT ON (container_no) container_no, port_code, stage, trade, direction, laden, yard_block,
                   yard_bay, yard_row, yard_tier, occurred_at
            FROM container_position
            %s
            ORDER BY container_no, occurred_at DESC, event_id DESC
            """;

    private final JdbcTemplate jdbc;

    ContainerYardRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The containers in the yard (latest report IN_YARD with a slot), of one port or all, narrowed by block, tier, trade
     * and direction when given; ordered by block, tier, bay, row.
     */
    List<Slot> yard(String portCode, String block, Integer tier, String trade, String direction) {
        List<Object> args = new ArrayList<>();
        String where = "";
        if (portCode != null) {
            where = "WHERE port_code = ?";
            args.add(portCode);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM (" + LATEST.formatted(where) + ") l "
                + "WHERE l.stage = 'IN_YARD' AND l.yard_block IS NOT NULL");
        if (block != null) {
            sql.append(" AND l.yard_block = ?");
            args.add(block);
        }
        if (tier != null) {
            sql.append(" AND l.yard_tier = ?");
            args.add(tier);
        }
        if (trade != null) {
            sql.append(" AND l.trade = ?");
            args.add(trade);
        }
        if (direction != null) {
            sql.append(" AND l.direction = ?");
            args.add(direction);
        }
        sql.append(" ORDER BY l.port_code, l.yard_block, l.yard_tier, l.yard_bay, l.yard_row, l.container_no");
        return jdbc.query(sql.toString(), (rs, i) -> new Slot(rs.getString("container_no"), rs.getString("port_code"),
                rs.getString("yard_block"), rs.getInt("yard_bay"), rs.getInt("yard_row"), rs.getInt("yard_tier"),
                rs.getString("trade"), rs.getString("direction"), rs.getBoolean("laden"),
                rs.getTimestamp("occurred_at").toInstant()), args.toArray());
    }

    /** The container's latest report, with its slot and direction, if it was ever reported. */
    List<Map<String, Object>> latest(String containerNo) {
        return jdbc.queryForList("""
                SELECT container_no AS "containerNo", port_code AS "portCode", stage AS "stage", place AS "place",
                       trade AS "trade", direction AS "direction", laden AS "laden", latitude AS "latitude",
                       longitude AS "longitude", yard_block AS "block", yard_bay AS "bay", yard_row AS "row",
                       yard_tier AS "tier", occurred_at AS "occurredAt"
                FROM container_position WHERE container_no = ? ORDER BY occurred_at DESC, event_id DESC LIMIT 1
                """, containerNo);
    }

    /** The documents naming the container at its port, with the goods each declares. */
    List<Map<String, Object>> documents(String containerNo, String portCode) {
        return jdbc.queryForList("""
                SELECT document_no AS "documentNo", kind AS "kind", goods_name_zh AS "goodsNameZh",
                       goods_name_en AS "goodsNameEn", hs_code AS "hsCode", packages AS "packages",
                       gross_kg AS "grossKg", occurred_at AS "occurredAt"
                FROM document_flow WHERE container_no = ? AND port_code = ?
                ORDER BY occurred_at, CASE kind WHEN 'MANIFEST' THEN 1 WHEN 'DECLARATION' THEN 2 ELSE 3 END, document_no
                """, containerNo, portCode);
    }
}
