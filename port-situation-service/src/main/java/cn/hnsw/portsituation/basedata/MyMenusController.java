package cn.hnsw.portsituation.basedata;

import cn.hnsw.common.security.Actors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * 我的菜单: what the signed-in officer may open in port situation — the enabled menus of the permissions that their
 * port roles and own grants give, and the port their organisation limits their data to (none: all ports).
 */
@RestController
@RequestMapping("${hnsw.api.base}/v1/my-menus")
@PreAuthorize("hasAnyRole('platform-admin','sw-operator','customs-officer','customs-reviewer','maritime-officer',"
        + "'border-officer')")
class MyMenusController {

    private final PortAdminService service;

    MyMenusController(PortAdminService service) {
        this.service = service;
    }

    @GetMapping
    PortAdmin.Mine mine() {
        return service.mine(Actors.current().username());
    }
}
