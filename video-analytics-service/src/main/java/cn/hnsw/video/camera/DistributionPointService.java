package cn.hnsw.video.camera;

import cn.hnsw.common.web.HnswException;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 视频信号分发点新增、修改、删除 — distribution points kept by hand beside those the camera platform's catalogue brings
 * (a later synchronisation updates a point of the same code). A point that still serves cameras is not deleted.
 */
@Service
public class DistributionPointService {

    private final JdbcTemplate jdbc;

    public DistributionPointService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Object> add(String code, String nameZh, String nameEn, String portCode, Integer capacity) {
        if (count("SELECT count(*) FROM distribution_point WHERE code = ?", code) > 0) {
            throw new HnswException(DistributionPointErrorCode.POINT_CODE_TAKEN, code);
        }
        jdbc.update("INSERT INTO distribution_point (code, name_zh, name_en, port_code, capacity) VALUES (?, ?, ?, ?, ?)",
                code, nameZh.trim(), nameEn, portCode, capacity);
        return get(code);
    }

    @Transactional
    public Map<String, Object> change(String code, String nameZh, String nameEn, String portCode, Integer capacity) {
        if (jdbc.update("UPDATE distribution_point SET name_zh = ?, name_en = ?, port_code = ?, capacity = ? "
                + "WHERE code = ?", nameZh.trim(), nameEn, portCode, capacity, code) == 0) {
            throw new HnswException(DistributionPointErrorCode.POINT_NOT_FOUND, code);
        }
        return get(code);
    }

    @Transactional
    public void delete(String code) {
        get(code);
        long cameras = count("SELECT count(*) FROM camera WHERE distribution_point_code = ?", code);
        if (cameras > 0) {
            throw new HnswException(DistributionPointErrorCode.POINT_IN_USE, code, cameras);
        }
        long signals = count("SELECT count(*) FROM signal_distribution WHERE point_code = ? AND status = 'ACTIVE'",
                code);
        if (signals > 0) {
            throw new HnswException(DistributionPointErrorCode.POINT_DISTRIBUTING, code, signals);
        }
        jdbc.update("DELETE FROM distribution_point WHERE code = ?", code);
    }

    public Map<String, Object> get(String code) {
        return jdbc.queryForList("SELECT code, name_zh, name_en, port_code, capacity, status FROM distribution_point "
                + "WHERE code = ?", code).stream().findFirst()
                .orElseThrow(() -> new HnswException(DistributionPointErrorCode.POINT_NOT_FOUND, code));
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
