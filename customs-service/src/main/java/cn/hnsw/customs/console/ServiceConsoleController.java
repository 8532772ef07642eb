package cn.hnsw.customs.console;

import cn.hnsw.common.security.Actors;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 企业接入服务控制台 (FP 575–610): enterprises keep their services; officers and operators read them. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/service-console/services")
class ServiceConsoleController {

    private static final String ENTERPRISE = "hasAnyRole('enterprise-declarant', 'enterprise-admin')";

    private final ServiceAccess access;

    ServiceConsoleController(ServiceAccess access) {
        this.access = access;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('enterprise-declarant', 'enterprise-admin', 'customs-officer', 'sw-operator', 'platform-admin')")
    List<ServiceAccess.ServiceView> list(@RequestParam(required = false) String enterprise) {
        return access.list(Actors.current(), enterprise);
    }

    /** 开通 or 修改. */
    @PutMapping("/{service}")
    @PreAuthorize(ENTERPRISE)
    ServiceAccess.ServiceView enable(@PathVariable String service, @RequestBody(required = false) ServiceAccess.Settings settings) {
        return access.enable(Actors.current(), service, settings);
    }

    /** 关闭. */
    @PostMapping("/{service}/disablement")
    @PreAuthorize(ENTERPRISE)
    ServiceAccess.ServiceView disable(@PathVariable String service) {
        return access.disable(Actors.current(), service);
    }

    /** 删除. */
    @DeleteMapping("/{service}")
    @PreAuthorize(ENTERPRISE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String service) {
        access.delete(Actors.current(), service);
    }
}
