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

/** 开放服务管理 (FP 688–705): the catalogue, its users and their grants; operators change, officers read. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/open-services")
class OpenServiceController {

    private static final String READERS = "hasAnyRole('customs-officer', 'customs-reviewer', 'sw-operator', 'platform-admin')";
    private static final String OPERATORS = "hasAnyRole('sw-operator', 'platform-admin')";

    private final OpenServiceManagement management;

    OpenServiceController(OpenServiceManagement management) {
        this.management = management;
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<OpenServiceManagement.CatalogueEntry> catalogue() {
        return management.catalogue();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OPERATORS)
    OpenServiceManagement.CatalogueEntry list(@RequestBody OpenServiceManagement.CatalogueChange change) {
        return management.list(change, Actors.current().username());
    }

    @PutMapping("/{service}")
    @PreAuthorize(OPERATORS)
    OpenServiceManagement.CatalogueEntry change(@PathVariable String service, @RequestBody OpenServiceManagement.CatalogueChange change) {
        return management.change(service, change, Actors.current().username());
    }

    @DeleteMapping("/{service}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(OPERATORS)
    void withdraw(@PathVariable String service) {
        management.withdraw(service, Actors.current().username());
    }

    @GetMapping("/users")
    @PreAuthorize(READERS)
    List<OpenServiceManagement.ServiceUser> users(@RequestParam(required = false) String q) {
        return management.users(q);
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OPERATORS)
    OpenServiceManagement.ServiceUser addUser(@RequestBody OpenServiceManagement.UserChange change) {
        return management.addUser(change, Actors.current().username());
    }

    @PutMapping("/users/{uscc}")
    @PreAuthorize(OPERATORS)
    OpenServiceManagement.ServiceUser changeUser(@PathVariable String uscc, @RequestBody OpenServiceManagement.UserChange change) {
        return management.changeUser(uscc, change, Actors.current().username());
    }

    @DeleteMapping("/users/{uscc}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(OPERATORS)
    void removeUser(@PathVariable String uscc) {
        management.removeUser(uscc, Actors.current().username());
    }

    @GetMapping("/grants")
    @PreAuthorize(READERS)
    List<OpenServiceManagement.Grant> grants(@RequestParam(required = false) String enterprise,
                                             @RequestParam(required = false) String service) {
        return management.grants(enterprise, service);
    }

    @PostMapping("/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(OPERATORS)
    OpenServiceManagement.Grant grant(@RequestBody OpenServiceManagement.GrantChange change) {
        return management.grant(change, Actors.current().username());
    }

    @PutMapping("/grants/{uscc}/{service}")
    @PreAuthorize(OPERATORS)
    OpenServiceManagement.Grant changeGrant(@PathVariable String uscc, @PathVariable String service,
                                            @RequestBody OpenServiceManagement.GrantChange change) {
        return management.changeGrant(uscc, service, change, Actors.current().username());
    }

    @DeleteMapping("/grants/{uscc}/{service}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(OPERATORS)
    void revoke(@PathVariable String uscc, @PathVariable String service) {
        management.revoke(uscc, service, Actors.current().username());
    }
}
