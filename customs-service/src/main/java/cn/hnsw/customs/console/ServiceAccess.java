package cn.hnsw.customs.console;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 企业接入服务控制台 (FP 575–610): an enterprise enables (开通), changes, disables (关闭) and deletes its enterprise-facing services; the
 * open interfaces ask {@link #requireEnabled} before they answer and count the call. Officers read every enterprise's.
 */
@Service
public class ServiceAccess {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceAccess.class);

    public enum Status { ENABLED, DISABLED, NOT_ENABLED }

    /** One service as the console shows it: what it is, which interfaces it opens, and this enterprise's state. */
    public record ServiceView(EnterpriseService service, String nameZh, String nameEn, String descriptionZh,
                              String descriptionEn, List<String> interfaces, String enterpriseUscc, Status status,
                              String contact, String callbackUrl, String note, Instant enabledAt, Instant updatedAt,
                              String updatedBy, long calls, Instant lastCalledAt, int version) {
    }

    /** 开通/修改: the settings an enterprise keeps for a service. */
    public record Settings(String contact, String callbackUrl, String note) {
    }

    private final JdbcClient jdbc;
    private final OpenServiceManagement openServices;
    private final Clock clock = Clock.systemUTC();

    public ServiceAccess(JdbcClient jdbc, OpenServiceManagement openServices) {
        this.jdbc = jdbc;
        this.openServices = openServices;
    }

    /** 已接入服务查询 (FP 575–578): every service with the enterprise's state. */
    @Transactional(readOnly = true)
    public List<ServiceView> list(CurrentActor actor, String enterprise) {
        String uscc = EnterpriseScope.restrictionFor(actor).orElse(blank(enterprise));
        if (uscc == null) {
            return jdbc.sql("SELECT * FROM enterprise_service_access ORDER BY enterprise_uscc, service")
                    .query(this::map).list();
        }
        Map<EnterpriseService, ServiceView> held = jdbc.sql("SELECT * FROM enterprise_service_access WHERE enterprise_uscc = :e")
                .param("e", uscc).query(this::map).list().stream()
                .collect(Collectors.toMap(ServiceView::service, Function.identity()));
        List<ServiceView> views = new ArrayList<>();
        for (EnterpriseService s : EnterpriseService.values()) {
            views.add(held.getOrDefault(s, view(s, uscc, Status.NOT_ENABLED, null, null, null, null, null, null, 0, null, 0)));
        }
        return views;
    }

    /** 服务开通 / 服务修改: enables a service, or changes the settings of one (and enables it again when disabled). */
    @Transactional
    public ServiceView enable(CurrentActor actor, String service, Settings settings) {
        String uscc = enterpriseOf(actor);
        EnterpriseService s = parse(service);
        openServices.gate(uscc, s);
        Settings checked = check(settings == null ? new Settings(null, null, null) : settings);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO enterprise_service_access (enterprise_uscc, service, status, contact, callback_url, note,
                  enabled_at, updated_at, updated_by)
                VALUES (:e, :s, 'ENABLED', :contact, :url, :note, :now, :now, :by)
                ON CONFLICT (enterprise_uscc, service) DO UPDATE SET status = 'ENABLED', contact = :contact,
                  callback_url = :url, note = :note, updated_at = :now, updated_by = :by,
                  enabled_at = CASE WHEN enterprise_service_access.status = 'DISABLED' THEN :now ELSE enterprise_service_access.enabled_at END,
                  version = enterprise_service_access.version + 1""")
                .param("e", uscc).param("s", s.name()).param("contact", checked.contact())
                .param("url", checked.callbackUrl()).param("note", checked.note())
                .param("now", Timestamp.from(now)).param("by", actor.username()).update();
        LOG.info("enterprise service {} enabled/changed for {} by {}", s, uscc, actor.username());
        return find(uscc, s).orElseThrow();
    }

    /** 服务关闭. */
    @Transactional
    public ServiceView disable(CurrentActor actor, String service) {
        String uscc = enterpriseOf(actor);
        EnterpriseService s = parse(service);
        ServiceView current = find(uscc, s).orElseThrow(() -> new HnswException(ConsoleErrorCode.SERVICE_RECORD_MISSING, s.nameZh()));
        if (current.status() == Status.DISABLED) {
            throw new HnswException(ConsoleErrorCode.SERVICE_ALREADY_DISABLED, s.nameZh());
        }
        jdbc.sql("""
                UPDATE enterprise_service_access SET status = 'DISABLED', updated_at = :now, updated_by = :by, version = version + 1
                WHERE enterprise_uscc = :e AND service = :s""")
                .param("e", uscc).param("s", s.name()).param("now", Timestamp.from(clock.instant()))
                .param("by", actor.username()).update();
        LOG.info("enterprise service {} disabled for {} by {}", s, uscc, actor.username());
        return find(uscc, s).orElseThrow();
    }

    /** 服务删除: only a disabled service's record goes. */
    @Transactional
    public void delete(CurrentActor actor, String service) {
        String uscc = enterpriseOf(actor);
        EnterpriseService s = parse(service);
        ServiceView current = find(uscc, s).orElseThrow(() -> new HnswException(ConsoleErrorCode.SERVICE_RECORD_MISSING, s.nameZh()));
        if (current.status() == Status.ENABLED) {
            throw new HnswException(ConsoleErrorCode.SERVICE_STILL_ENABLED, s.nameZh());
        }
        jdbc.sql("DELETE FROM enterprise_service_access WHERE enterprise_uscc = :e AND service = :s")
                .param("e", uscc).param("s", s.name()).update();
        LOG.info("enterprise service {} deleted for {} by {}", s, uscc, actor.username());
    }

    /** The gate of an open interface: refused unless the caller's enterprise has the service enabled; counts the call. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void requireEnabled(CurrentActor actor, EnterpriseService service) {
        String uscc = enterpriseOf(actor);
        openServices.gate(uscc, service);
        int counted = jdbc.sql("""
                UPDATE enterprise_service_access SET calls = calls + 1, last_called_at = :now
                WHERE enterprise_uscc = :e AND service = :s AND status = 'ENABLED'""")
                .param("e", uscc).param("s", service.name()).param("now", Timestamp.from(clock.instant())).update();
        if (counted == 0) {
            throw new HnswException(ConsoleErrorCode.SERVICE_NOT_ENABLED, service.nameZh());
        }
    }

    private Optional<ServiceView> find(String uscc, EnterpriseService s) {
        return jdbc.sql("SELECT * FROM enterprise_service_access WHERE enterprise_uscc = :e AND service = :s")
                .param("e", uscc).param("s", s.name()).query(this::map).optional();
    }

    private ServiceView map(ResultSet rs, int n) throws SQLException {
        return view(EnterpriseService.valueOf(rs.getString("service")), rs.getString("enterprise_uscc"),
                Status.valueOf(rs.getString("status")), rs.getString("contact"), rs.getString("callback_url"),
                rs.getString("note"), instant(rs.getTimestamp("enabled_at")), instant(rs.getTimestamp("updated_at")),
                rs.getString("updated_by"), rs.getLong("calls"), instant(rs.getTimestamp("last_called_at")), rs.getInt("version"));
    }

    private static ServiceView view(EnterpriseService s, String uscc, Status status, String contact, String url, String note,
                                    Instant enabled, Instant updated, String by, long calls, Instant lastCalled, int version) {
        return new ServiceView(s, s.nameZh(), s.nameEn(), s.descriptionZh(), s.descriptionEn(), s.interfaces(), uscc,
                status, contact, url, note, enabled, updated, by, calls, lastCalled, version);
    }

    private static Settings check(Settings s) {
        if (s.contact() != null && s.contact().length() > 100) {
            throw new HnswException(ConsoleErrorCode.SERVICE_SETTINGS_INVALID, "contact");
        }
        if (s.note() != null && s.note().length() > 300) {
            throw new HnswException(ConsoleErrorCode.SERVICE_SETTINGS_INVALID, "note");
        }
        String url = blank(s.callbackUrl());
        if (url != null) {
            try {
                URI uri = URI.create(url);
                if (url.length() > 300 || uri.getHost() == null
                        || !List.of("https", "http").contains(String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException(url);
                }
            } catch (IllegalArgumentException e) {
                throw new HnswException(ConsoleErrorCode.SERVICE_SETTINGS_INVALID, "callbackUrl");
            }
        }
        return new Settings(blank(s.contact()), url, blank(s.note()));
    }

    static EnterpriseService parse(String service) {
        try {
            return EnterpriseService.valueOf(service.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new HnswException(ConsoleErrorCode.SERVICE_UNKNOWN, service);
        }
    }

    private static String enterpriseOf(CurrentActor actor) {
        return EnterpriseScope.restrictionFor(actor).orElseThrow(() -> new HnswException(ConsoleErrorCode.ENTERPRISE_ONLY));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
