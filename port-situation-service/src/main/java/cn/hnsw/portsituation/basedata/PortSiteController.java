package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.security.Actors;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * 口岸基础信息 — a port's inspection-site statistics and annual design capacity (S1 FP 57, 58, 96, 97, 154, 155, 206)
 * and its flow-line base images (FP 52, 91, 149). Officers read them on the port's situation and efficiency pages;
 * platform administrators and single-window operators maintain them. An officer registered as a port user sees and
 * (as an operator) keeps their own port's only ({@link PortScope}, 403 {@code PORT_SCOPE}). Every change is in the
 * operation log (common-lib audit) and the statistics keep their own before/after history.
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/base-data/port-sites")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer','border-officer','gov-province','gov-provincial-dept')")
class PortSiteController {

    private static final String CHANGE = "hasAnyRole('platform-admin','sw-operator')";

    private final PortSiteService service;
    private final PortScope scope;

    PortSiteController(PortSiteService service, PortScope scope) {
        this.service = service;
        this.scope = scope;
    }

    @GetMapping
    List<PortSiteService.SiteInfo> list(@RequestParam(required = false) String portCode) {
        return service.list(scope.limit(portCode));
    }

    @GetMapping("/{portCode}")
    PortSiteService.SiteInfo get(@PathVariable String portCode) {
        scope.check(portCode);
        return service.get(portCode);
    }

    @PutMapping("/{portCode}")
    @PreAuthorize(CHANGE)
    PortSiteService.SiteInfo update(@PathVariable String portCode, @RequestBody(required = false) PortSiteService.Input input) {
        scope.check(portCode);
        return service.update(portCode, input, Actors.current().username());
    }

    @GetMapping("/{portCode}/changes")
    List<PortSiteService.Change> changes(@PathVariable String portCode,
                                         @RequestParam(required = false, defaultValue = "50") int limit) {
        scope.check(portCode);
        return service.changes(portCode, Math.clamp(limit, 1, 500));
    }

    /** Uploads (or replaces) the flow's base image: the request body is the PNG or JPEG itself. */
    @PostMapping(value = "/{portCode}/flow-images/{flow}", consumes = MediaType.ALL_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(CHANGE)
    PortSiteService.FlowImage upload(@PathVariable String portCode, @PathVariable String flow,
                                     @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                                     @RequestBody(required = false) byte[] content) {
        scope.check(portCode);
        return service.upload(portCode, flow, contentType, content, Actors.current().username());
    }

    @GetMapping("/{portCode}/flow-images/{flow}")
    ResponseEntity<byte[]> image(@PathVariable String portCode, @PathVariable String flow) {
        scope.check(portCode);
        Map.Entry<PortSiteService.FlowImage, byte[]> image = service.download(portCode, flow);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.getKey().contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .eTag("\"" + image.getKey().sm3() + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(image.getValue());
    }

    @DeleteMapping("/{portCode}/flow-images/{flow}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(CHANGE)
    void deleteImage(@PathVariable String portCode, @PathVariable String flow) {
        scope.check(portCode);
        service.deleteImage(portCode, flow);
    }
}
