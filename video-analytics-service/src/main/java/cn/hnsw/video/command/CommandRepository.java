package cn.hnsw.video.command;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Query templates, display templates and command tasks. */
@Repository
public class CommandRepository {

    /** 查询模板: a saved filter over the analysis findings. */
    public record QueryTemplate(UUID id, String name, String kind, String code, String status, boolean published,
            String createdBy, Instant updatedAt) {
    }

    /** 展示模板: a camera wall layout. */
    public record DisplayTemplate(UUID id, String name, int grid, List<UUID> cameraIds, boolean published,
            String createdBy, Instant updatedAt) {
    }

    /** 指挥任务. */
    public record CommandTask(UUID id, String title, String level, List<UUID> cameraIds, List<String> officers,
            String audioChannel, String status, String createdBy, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public CommandRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertQuery(QueryTemplate q) {
        jdbc.update("INSERT INTO query_template (id, name, kind, code, status, created_by) VALUES (?, ?, ?, ?, ?, ?)",
                q.id(), q.name(), q.kind(), q.code(), q.status(), q.createdBy());
    }

    public int updateQuery(UUID id, String name, String kind, String code, String status) {
        return jdbc.update("UPDATE query_template SET name = ?, kind = ?, code = ?, status = ?, published = false, "
                + "updated_at = now() WHERE id = ?", name, kind, code, status, id);
    }

    public int publishQuery(UUID id) {
        return jdbc.update("UPDATE query_template SET published = true, updated_at = now() WHERE id = ?", id);
    }

    public int deleteQuery(UUID id) {
        return jdbc.update("DELETE FROM query_template WHERE id = ?", id);
    }

    public Optional<QueryTemplate> query(UUID id) {
        return jdbc.query("SELECT * FROM query_template WHERE id = ?", this::queryRow, id).stream().findFirst();
    }

    public List<QueryTemplate> queries(boolean publishedOnly) {
        return jdbc.query("SELECT * FROM query_template WHERE (NOT ? OR published) ORDER BY name, id", this::queryRow,
                publishedOnly);
    }

    private QueryTemplate queryRow(ResultSet rs, int i) throws SQLException {
        return new QueryTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("kind"),
                rs.getString("code"), rs.getString("status"), rs.getBoolean("published"), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    public void insertDisplay(DisplayTemplate d) {
        jdbc.update("INSERT INTO display_template (id, name, grid, camera_ids, created_by) VALUES (?, ?, ?, ?, ?)", d.id(),
                d.name(), d.grid(), d.cameraIds().toArray(UUID[]::new), d.createdBy());
    }

    public int updateDisplay(UUID id, String name, int grid, List<UUID> cameraIds) {
        return jdbc.update("UPDATE display_template SET name = ?, grid = ?, camera_ids = ?, published = false, "
                + "updated_at = now() WHERE id = ?", name, grid, cameraIds.toArray(UUID[]::new), id);
    }

    public int publishDisplay(UUID id) {
        return jdbc.update("UPDATE display_template SET published = true, updated_at = now() WHERE id = ?", id);
    }

    public int deleteDisplay(UUID id) {
        return jdbc.update("DELETE FROM display_template WHERE id = ?", id);
    }

    public Optional<DisplayTemplate> display(UUID id) {
        return jdbc.query("SELECT * FROM display_template WHERE id = ?", this::displayRow, id).stream().findFirst();
    }

    public List<DisplayTemplate> displays(boolean publishedOnly) {
        return jdbc.query("SELECT * FROM display_template WHERE (NOT ? OR published) ORDER BY name, id", this::displayRow,
                publishedOnly);
    }

    private DisplayTemplate displayRow(ResultSet rs, int i) throws SQLException {
        return new DisplayTemplate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("grid"),
                Arrays.asList((UUID[]) rs.getArray("camera_ids").getArray()), rs.getBoolean("published"),
                rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant());
    }

    public void insertTask(CommandTask t) {
        jdbc.update("INSERT INTO command_task (id, title, level, camera_ids, officers, audio_channel, created_by) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?)", t.id(), t.title(), t.level(), t.cameraIds().toArray(UUID[]::new),
                t.officers().toArray(String[]::new), t.audioChannel(), t.createdBy());
    }

    public void updateTask(UUID id, String title, String level, List<UUID> cameraIds, List<String> officers,
            String audioChannel, String status) {
        jdbc.update("UPDATE command_task SET title = ?, level = ?, camera_ids = ?, officers = ?, audio_channel = ?, "
                + "status = ?, updated_at = now() WHERE id = ?", title, level, cameraIds.toArray(UUID[]::new),
                officers.toArray(String[]::new), audioChannel, status, id);
    }

    public int deleteTask(UUID id) {
        return jdbc.update("DELETE FROM command_task WHERE id = ?", id);
    }

    public Optional<CommandTask> task(UUID id) {
        return jdbc.query("SELECT * FROM command_task WHERE id = ?", this::taskRow, id).stream().findFirst();
    }

    public List<CommandTask> tasks() {
        return jdbc.query("SELECT * FROM command_task ORDER BY created_at DESC, id", this::taskRow);
    }

    private CommandTask taskRow(ResultSet rs, int i) throws SQLException {
        return new CommandTask(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("level"),
                Arrays.asList((UUID[]) rs.getArray("camera_ids").getArray()),
                Arrays.asList((String[]) rs.getArray("officers").getArray()), rs.getString("audio_channel"),
                rs.getString("status"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
