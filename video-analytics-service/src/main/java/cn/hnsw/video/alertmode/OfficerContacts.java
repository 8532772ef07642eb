package cn.hnsw.video.alertmode;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.Roles;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.video.support.VideoErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * 警员联系方式 for alert delivery: an officer's phone number (SMS) and app-push device id. The platform's identity
 * directory (Keycloak through {@code IdentityDirectory}) keeps name, e-mail, roles and organisations only, so the
 * service keeps these two. An officer keeps their own; an administrator anyone's.
 */
@Component
public class OfficerContacts {

    public record Contact(String username, String phone, String pushDeviceId, String updatedBy, Instant updatedAt) {
    }

    private final JdbcTemplate jdbc;

    public OfficerContacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Contact> find(String username) {
        return jdbc.query("SELECT * FROM officer_contact WHERE username = ?", (rs, i) -> new Contact(
                rs.getString("username"), rs.getString("phone"), rs.getString("push_device_id"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()), username).stream().findFirst();
    }

    public List<Contact> all() {
        return jdbc.query("SELECT * FROM officer_contact ORDER BY username", (rs, i) -> new Contact(
                rs.getString("username"), rs.getString("phone"), rs.getString("push_device_id"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant()));
    }

    public Contact save(String username, String phone, String pushDeviceId) {
        CurrentActor actor = Actors.current();
        if (!actor.username().equals(username) && !actor.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new HnswException(VideoErrorCode.CONTACT_NOT_OWN, username);
        }
        String p = phone == null || phone.isBlank() ? null : phone.replaceAll("[\\s-]", "");
        if (p != null && !p.matches("\\+?[0-9]{6,20}")) {
            throw new HnswException(VideoErrorCode.CONTACT_INVALID, "phone=" + phone);
        }
        String d = pushDeviceId == null || pushDeviceId.isBlank() ? null : pushDeviceId.trim();
        if (d != null && !d.matches("[A-Za-z0-9._:-]{4,128}")) {
            throw new HnswException(VideoErrorCode.CONTACT_INVALID, "pushDeviceId=" + pushDeviceId);
        }
        jdbc.update("INSERT INTO officer_contact (username, phone, push_device_id, updated_by) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (username) DO UPDATE SET phone = EXCLUDED.phone, push_device_id = EXCLUDED.push_device_id, "
                + "updated_by = EXCLUDED.updated_by, updated_at = now()", username, p, d, actor.username());
        return find(username).orElseThrow();
    }
}
