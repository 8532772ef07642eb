package cn.hnsw.portsituation.gate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** The {@code gate} table (seeded from the tender's gate list). */
@Repository
public class GateRepository {

    static final RowMapper<Gate> ROW = (rs, i) -> new Gate(rs.getString("code"), rs.getString("port_code"),
            rs.getString("group_zh"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("gate_type"),
            rs.getString("flow"), CaptureKind.valueOf(rs.getString("capture_kind")), rs.getBoolean("reports"),
            rs.getBoolean("guides"), rs.getInt("sequence"), rs.getInt("first_fp"), rs.getInt("lanes"),
            rs.getString("status"));

    private final JdbcTemplate jdbc;

    public GateRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Gate> findAll() {
        return jdbc.query("SELECT * FROM gate ORDER BY port_code, group_zh, sequence", ROW);
    }

    public Optional<Gate> find(String code) {
        return jdbc.query("SELECT * FROM gate WHERE code = ?", ROW, code).stream().findFirst();
    }
}
