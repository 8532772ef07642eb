package cn.hnsw.customs.console;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.validation.UnifiedSocialCreditCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * 开放服务管理 (FP 688–705), the operators' side of the open interfaces: the service catalogue (服务清单), the
 * enterprises registered as service users (服务用户) and the grants of a service to a user (服务授权); each change
 * is checked, versioned and in the operation log (the service's audit of every change). {@link #gate} is what an
 * enterprise meets when it enables or calls a service: off the catalogue, suspended, or without a valid grant where
 * the service requires one, it is refused.
 */
@Service
public class OpenServiceManagement {

    private static final Logger LOG = LoggerFactory.getLogger(OpenServiceManagement.class);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    public record CatalogueEntry(String service, String nameZh, String nameEn, String descriptionZh, boolean grantRequired,
                                 int version, String updatedBy, Instant updatedAt) {
    }

    public record CatalogueChange(String service, String nameZh, String nameEn, String descriptionZh, boolean grantRequired,
                                  Integer version) {
    }

    public record ServiceUser(String enterpriseUscc, String name, String contact, String status, String note, int version,
                              String updatedBy, Instant updatedAt) {
    }

    public record UserChange(String enterpriseUscc, String name, String contact, String status, String note, Integer version) {
    }

    public record Grant(String enterpriseUscc, String service, LocalDate validUntil, String note, boolean valid, int version,
                        String updatedBy, Instant updatedAt) {
    }

    public record GrantChange(String enterpriseUscc, String service, LocalDate validUntil, String note, Integer version) {
    }

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public OpenServiceManagement(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------ 服务清单管理 (FP 688–693)

    @Transactional(readOnly = true)
    public List<CatalogueEntry> catalogue() {
        return jdbc.sql("SELECT * FROM open_service ORDER BY service").query(this::entryRow).list();
    }

    @Transactional
    public CatalogueEntry list(CatalogueChange c, String by) {
        EnterpriseService s = known(c.service());
        checkNames(c.nameZh(), c.nameEn());
        if (jdbc.sql("SELECT count(*) FROM open_service WHERE service = :s").param("s", s.name()).query(Long.class).single() > 0) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_EXISTS, s.name());
        }
        jdbc.sql("""
                INSERT INTO open_service (service, name_zh, name_en, description_zh, grant_required, updated_by, updated_at)
                VALUES (:s, :zh, :en, :d, :g, :by, :at)""")
                .param("s", s.name()).param("zh", c.nameZh().trim()).param("en", c.nameEn().trim()).param("d", c.descriptionZh())
                .param("g", c.grantRequired()).param("by", by).param("at", now()).update();
        LOG.info("event=open-service-listed service={} by={}", s, by);
        return entry(s.name());
    }

    @Transactional
    public CatalogueEntry change(String service, CatalogueChange c, String by) {
        EnterpriseService s = known(service);
        checkNames(c.nameZh(), c.nameEn());
        int updated = jdbc.sql("""
                UPDATE open_service SET name_zh = :zh, name_en = :en, description_zh = :d, grant_required = :g,
                  version = version + 1, updated_by = :by, updated_at = :at WHERE service = :s AND version = :v""")
                .param("s", s.name()).param("zh", c.nameZh().trim()).param("en", c.nameEn().trim()).param("d", c.descriptionZh())
                .param("g", c.grantRequired()).param("by", by).param("at", now()).param("v", version(c.version())).update();
        if (updated == 0) {
            entry(s.name());
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_VERSION_CONFLICT);
        }
        return entry(s.name());
    }

    @Transactional
    public void withdraw(String service, String by) {
        EnterpriseService s = known(service);
        if (jdbc.sql("DELETE FROM open_service WHERE service = :s").param("s", s.name()).update() == 0) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_NOT_LISTED, s.name());
        }
        LOG.info("event=open-service-withdrawn service={} by={}", s, by);
    }

    // ------------------------------------------------------------------ 服务用户管理 (FP 694–699)

    @Transactional(readOnly = true)
    public List<ServiceUser> users(String q) {
        String like = q == null || q.isBlank() ? null : "%" + q.trim() + "%";
        return jdbc.sql("SELECT * FROM open_service_user WHERE (CAST(:q AS text) IS NULL OR enterprise_uscc LIKE :q OR name LIKE :q) "
                        + "ORDER BY enterprise_uscc").param("q", like).query(this::userRow).list();
    }

    @Transactional
    public ServiceUser addUser(UserChange c, String by) {
        if (c.enterpriseUscc() == null || !UnifiedSocialCreditCode.valid(c.enterpriseUscc())) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "enterpriseUscc");
        }
        checkUser(c);
        if (jdbc.sql("SELECT count(*) FROM open_service_user WHERE enterprise_uscc = :e").param("e", c.enterpriseUscc())
                .query(Long.class).single() > 0) {
            throw new HnswException(OpenServiceErrorCode.SERVICE_USER_EXISTS, c.enterpriseUscc());
        }
        jdbc.sql("""
                INSERT INTO open_service_user (enterprise_uscc, name, contact, status, note, updated_by, updated_at)
                VALUES (:e, :n, :c, :st, :note, :by, :at)""")
                .param("e", c.enterpriseUscc()).param("n", c.name().trim()).param("c", c.contact()).param("st", c.status())
                .param("note", c.note()).param("by", by).param("at", now()).update();
        return user(c.enterpriseUscc());
    }

    @Transactional
    public ServiceUser changeUser(String uscc, UserChange c, String by) {
        checkUser(c);
        int updated = jdbc.sql("""
                UPDATE open_service_user SET name = :n, contact = :c, status = :st, note = :note, version = version + 1,
                  updated_by = :by, updated_at = :at WHERE enterprise_uscc = :e AND version = :v""")
                .param("e", uscc).param("n", c.name().trim()).param("c", c.contact()).param("st", c.status())
                .param("note", c.note()).param("by", by).param("at", now()).param("v", version(c.version())).update();
        if (updated == 0) {
            user(uscc);
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_VERSION_CONFLICT);
        }
        LOG.info("event=open-service-user-changed enterprise={} status={} by={}", uscc, c.status(), by);
        return user(uscc);
    }

    @Transactional
    public void removeUser(String uscc, String by) {
        if (jdbc.sql("DELETE FROM open_service_user WHERE enterprise_uscc = :e").param("e", uscc).update() == 0) {
            throw new HnswException(OpenServiceErrorCode.SERVICE_USER_NOT_FOUND, uscc);
        }
        LOG.info("event=open-service-user-removed enterprise={} by={}", uscc, by);
    }

    // ------------------------------------------------------------------ 服务授权管理 (FP 700–705)

    @Transactional(readOnly = true)
    public List<Grant> grants(String enterprise, String service) {
        return jdbc.sql("""
                SELECT * FROM open_service_grant WHERE (CAST(:e AS text) IS NULL OR enterprise_uscc = :e)
                  AND (CAST(:s AS text) IS NULL OR service = :s) ORDER BY enterprise_uscc, service""")
                .param("e", blank(enterprise)).param("s", blank(service)).query(this::grantRow).list();
    }

    @Transactional
    public Grant grant(GrantChange c, String by) {
        user(c.enterpriseUscc());
        EnterpriseService s = listed(c.service());
        checkGrant(c);
        if (jdbc.sql("SELECT count(*) FROM open_service_grant WHERE enterprise_uscc = :e AND service = :s")
                .param("e", c.enterpriseUscc()).param("s", s.name()).query(Long.class).single() > 0) {
            throw new HnswException(OpenServiceErrorCode.SERVICE_GRANT_EXISTS, c.enterpriseUscc(), s.nameZh());
        }
        jdbc.sql("""
                INSERT INTO open_service_grant (enterprise_uscc, service, valid_until, note, updated_by, updated_at)
                VALUES (:e, :s, :u, :note, :by, :at)""")
                .param("e", c.enterpriseUscc()).param("s", s.name()).param("u", Date.valueOf(c.validUntil()))
                .param("note", c.note()).param("by", by).param("at", now()).update();
        return grantOf(c.enterpriseUscc(), s);
    }

    @Transactional
    public Grant changeGrant(String uscc, String service, GrantChange c, String by) {
        EnterpriseService s = known(service);
        if (c.validUntil() == null) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "validUntil");
        }
        int updated = jdbc.sql("""
                UPDATE open_service_grant SET valid_until = :u, note = :note, version = version + 1, updated_by = :by,
                  updated_at = :at WHERE enterprise_uscc = :e AND service = :s AND version = :v""")
                .param("e", uscc).param("s", s.name()).param("u", Date.valueOf(c.validUntil())).param("note", c.note())
                .param("by", by).param("at", now()).param("v", version(c.version())).update();
        if (updated == 0) {
            grantOf(uscc, s);
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_VERSION_CONFLICT);
        }
        return grantOf(uscc, s);
    }

    @Transactional
    public void revoke(String uscc, String service, String by) {
        EnterpriseService s = known(service);
        if (jdbc.sql("DELETE FROM open_service_grant WHERE enterprise_uscc = :e AND service = :s")
                .param("e", uscc).param("s", s.name()).update() == 0) {
            throw new HnswException(OpenServiceErrorCode.SERVICE_GRANT_NOT_FOUND, uscc, s.nameZh());
        }
        LOG.info("event=open-service-grant-revoked enterprise={} service={} by={}", uscc, s, by);
    }

    // ------------------------------------------------------------------ the gate

    /** Refuses an enterprise a service that is off the catalogue, when it is suspended, or without a needed grant. */
    @Transactional(readOnly = true)
    public void gate(String uscc, EnterpriseService service) {
        List<Boolean> listed = jdbc.sql("SELECT grant_required FROM open_service WHERE service = :s")
                .param("s", service.name()).query(Boolean.class).list();
        if (listed.isEmpty()) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_WITHDRAWN, service.nameZh());
        }
        List<String> status = jdbc.sql("SELECT status FROM open_service_user WHERE enterprise_uscc = :e")
                .param("e", uscc).query(String.class).list();
        if (!status.isEmpty() && "SUSPENDED".equals(status.getFirst())) {
            throw new HnswException(OpenServiceErrorCode.SERVICE_USER_SUSPENDED);
        }
        if (listed.getFirst()) {
            long valid = jdbc.sql("""
                    SELECT count(*) FROM open_service_grant WHERE enterprise_uscc = :e AND service = :s AND valid_until >= :today""")
                    .param("e", uscc).param("s", service.name()).param("today", Date.valueOf(today())).query(Long.class).single();
            if (valid == 0) {
                throw new HnswException(OpenServiceErrorCode.SERVICE_NOT_GRANTED, service.nameZh());
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static EnterpriseService known(String service) {
        try {
            return EnterpriseService.valueOf(service == null ? "" : service.trim());
        } catch (IllegalArgumentException e) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_UNKNOWN, service);
        }
    }

    private EnterpriseService listed(String service) {
        EnterpriseService s = known(service);
        entry(s.name());
        return s;
    }

    private static void checkNames(String zh, String en) {
        if (zh == null || zh.isBlank() || zh.length() > 100) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "nameZh");
        }
        if (en == null || en.isBlank() || en.length() > 120) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "nameEn");
        }
    }

    private static void checkUser(UserChange c) {
        if (c.name() == null || c.name().isBlank() || c.name().length() > 200) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "name");
        }
        if (!"ACTIVE".equals(c.status()) && !"SUSPENDED".equals(c.status())) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "status");
        }
    }

    private void checkGrant(GrantChange c) {
        if (c.validUntil() == null || c.validUntil().isBefore(today())) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "validUntil");
        }
    }

    private static int version(Integer v) {
        if (v == null) {
            throw new HnswException(OpenServiceErrorCode.OPEN_SERVICE_INVALID, "version");
        }
        return v;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(BEIJING));
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private CatalogueEntry entry(String service) {
        return jdbc.sql("SELECT * FROM open_service WHERE service = :s").param("s", service).query(this::entryRow).optional()
                .orElseThrow(() -> new HnswException(OpenServiceErrorCode.OPEN_SERVICE_NOT_LISTED, service));
    }

    private ServiceUser user(String uscc) {
        return jdbc.sql("SELECT * FROM open_service_user WHERE enterprise_uscc = :e").param("e", uscc).query(this::userRow)
                .optional().orElseThrow(() -> new HnswException(OpenServiceErrorCode.SERVICE_USER_NOT_FOUND, uscc));
    }

    private Grant grantOf(String uscc, EnterpriseService s) {
        return jdbc.sql("SELECT * FROM open_service_grant WHERE enterprise_uscc = :e AND service = :s")
                .param("e", uscc).param("s", s.name()).query(this::grantRow).optional()
                .orElseThrow(() -> new HnswException(OpenServiceErrorCode.SERVICE_GRANT_NOT_FOUND, uscc, s.nameZh()));
    }

    private CatalogueEntry entryRow(ResultSet rs, int n) throws SQLException {
        return new CatalogueEntry(rs.getString("service"), rs.getString("name_zh"), rs.getString("name_en"),
                rs.getString("description_zh"), rs.getBoolean("grant_required"), rs.getInt("version"),
                rs.getString("updated_by"), rs.getTimestamp("updated_at").toInstant());
    }

    private ServiceUser userRow(ResultSet rs, int n) throws SQLException {
        return new ServiceUser(rs.getString("enterprise_uscc"), rs.getString("name"), rs.getString("contact"),
                rs.getString("status"), rs.getString("note"), rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private Grant grantRow(ResultSet rs, int n) throws SQLException {
        LocalDate until = rs.getDate("valid_until").toLocalDate();
        return new Grant(rs.getString("enterprise_uscc"), rs.getString("service"), until, rs.getString("note"),
                !until.isBefore(today()), rs.getInt("version"), rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
