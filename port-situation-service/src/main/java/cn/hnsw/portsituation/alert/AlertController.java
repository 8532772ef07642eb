package cn.hnsw.portsituation.alert;

import cn.hnsw.common.events.Alert;
import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.portsituation.basedata.PortScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * 风险预警管理 — list, detail, acknowledge, handle, close, statistics and Excel export of alerts. An officer registered
 * as a port user sees the alerts of their organisation's port only and handles them only with {@code ALERT_HANDLE}
 * ({@link PortScope}).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/alerts")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province')")
class AlertController {

    private static final int EXPORT_LIMIT = 10_000;

    private final AlertService service;
    private final AlertRepository alerts;
    private final PortScope scopes;

    AlertController(AlertService service, AlertRepository alerts, PortScope scopes) {
        this.service = service;
        this.alerts = alerts;
        this.scopes = scopes;
    }

    /** The port the signed-in officer's organisation limits them to: asked for another port, refused. */
    private String scopedPort(String portCode) {
        String port = scopes.of(Actors.current().username()).port();
        if (port == null) {
            return portCode;
        }
        if (portCode != null && !portCode.isBlank() && !portCode.strip().equals(port)) {
            throw new HnswException(AlertErrorCode.ALERT_PORT_SCOPE, port);
        }
        return port;
    }

    private AlertRecord visible(AlertRecord record) {
        String port = scopes.of(Actors.current().username()).port();
        if (port != null && !port.equals(record.alert().portCode())) {
            throw new HnswException(AlertErrorCode.ALERT_PORT_SCOPE, port);
        }
        return record;
    }

    private void mayHandle(String alertId) {
        PortScope.Scope scope = scopes.of(Actors.current().username());
        if (!scope.mayHandleAlerts()) {
            throw new HnswException(AlertErrorCode.ALERT_HANDLE_DENIED);
        }
        visible(service.get(alertId, AlertAudience.of(Actors.current())));
    }

    record HandlingRequest(@NotBlank @Size(max = 200) String action, @NotBlank @Size(max = 4000) String record) {
    }

    record ClosingRequest(@Size(max = 1000) String remark) {
    }

    @GetMapping
    PageResponse<AlertView> list(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String organization,
                                 @RequestParam(required = false) Alert.Level level,
                                 @RequestParam(required = false) String type,
                                 @RequestParam(required = false) AlertStatus status,
                                 @RequestParam(required = false) String portCode,
                                 @RequestParam(required = false) String sourceService,
                                 @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        AlertFilter filter = filter(from, to, organization, level, type, status, scopedPort(portCode), sourceService);
        AlertAudience audience = AlertAudience.of(Actors.current());
        PageQuery query = PageQuery.of(page, size);
        List<AlertView> content = alerts.search(filter, audience, query).stream().map(AlertView::of).toList();
        return PageResponse.of(content, query, alerts.count(filter, audience));
    }

    @GetMapping("/statistics")
    Map<String, Object> statistics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String organization,
                                   @RequestParam(required = false) Alert.Level level,
                                   @RequestParam(required = false) String type,
                                   @RequestParam(required = false) String portCode) {
        AlertFilter filter = filter(from, to, organization, level, type, null, scopedPort(portCode), null);
        AlertAudience audience = AlertAudience.of(Actors.current());
        return Map.of("total", alerts.count(filter, audience),
                "byType", alerts.countBy("type", filter, audience),
                "byLevel", alerts.countBy("level", filter, audience),
                "byStatus", alerts.countBy("status", filter, audience),
                "byPort", alerts.countBy("port", filter, audience),
                "byDay", alerts.countBy("day", filter, audience));
    }

    @GetMapping("/export")
    void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                @RequestParam(required = false) String organization, @RequestParam(required = false) Alert.Level level,
                @RequestParam(required = false) String type, @RequestParam(required = false) AlertStatus status,
                @RequestParam(required = false) String portCode, HttpServletResponse response) throws IOException {
        AlertFilter filter = filter(from, to, organization, level, type, status, scopedPort(portCode), null);
        List<AlertRecord> records = alerts.search(filter, AlertAudience.of(Actors.current()), EXPORT_LIMIT, 0);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"alerts.xlsx\"");
        AlertExport.write(records, response.getOutputStream());
    }

    @GetMapping("/{alertId}")
    AlertView get(@PathVariable String alertId) {
        return AlertView.of(visible(service.get(alertId, AlertAudience.of(Actors.current()))));
    }

    @PostMapping("/{alertId}/acknowledgement")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer')")
    AlertView acknowledge(@PathVariable String alertId) {
        mayHandle(alertId);
        return AlertView.of(service.acknowledge(alertId, Actors.current()));
    }

    @PostMapping("/{alertId}/handling")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer')")
    AlertView handle(@PathVariable String alertId, @Valid @RequestBody HandlingRequest request) {
        mayHandle(alertId);
        return AlertView.of(service.handle(alertId, Actors.current(), request.action(), request.record()));
    }

    @PostMapping("/{alertId}/closure")
    @PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer')")
    AlertView close(@PathVariable String alertId, @Valid @RequestBody ClosingRequest request) {
        mayHandle(alertId);
        return AlertView.of(service.close(alertId, Actors.current(), request.remark()));
    }

    private static AlertFilter filter(String from, String to, String organization, Alert.Level level, String type,
                                      AlertStatus status, String portCode, String sourceService) {
        Instant f = instant(from, "from");
        Instant t = instant(to, "to");
        if (f != null && t != null && !f.isBefore(t)) {
            throw new HnswException(AlertErrorCode.ALERT_FILTER_INVALID, "from must be before to / 开始时间须早于结束时间");
        }
        return new AlertFilter(f, t, organization, level, type, status, portCode, sourceService);
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new HnswException(AlertErrorCode.ALERT_FILTER_INVALID, name + ": ISO-8601 instant / ISO-8601 时间");
        }
    }
}
