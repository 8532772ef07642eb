package cn.hnsw.video.themes;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.themes.ThemeStoreRepository.DataService;
import cn.hnsw.video.themes.ThemeStoreRepository.Failure;
import cn.hnsw.video.themes.ThemeStoreRepository.Feed;
import cn.hnsw.video.themes.ThemeStoreRepository.Page;
import cn.hnsw.video.themes.ThemeStoreRepository.Store;
import cn.hnsw.video.themes.ThemeStoreRepository.Task;
import cn.hnsw.video.themes.ThemeStoreService.DatasetView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

/**
 * 数据主题库管理 and 数据应用管理: stores, feeds, processing tasks and pages are managed by platform administrators and
 * read by officers and reviewers; a data service's rows go to the roles the service names (checked in the service).
 */
@RestController
@RequestMapping("/api/video-analytics/v1")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class ThemeStoreController {

    private static final String ADMIN = "hasRole('platform-admin')";

    private final ThemeStoreService service;

    ThemeStoreController(ThemeStoreService service) {
        this.service = service;
    }

    record StoreRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String nameZh, @NotBlank @Size(max = 128) String nameEn,
            @NotBlank String category, @Size(max = 512) String description) {
    }

    record StoreUpdate(@NotBlank @Size(max = 128) String nameZh, @NotBlank @Size(max = 128) String nameEn,
            @NotBlank String category, @Size(max = 512) String description, Boolean enabled) {
    }

    /** A feed over a dataset with the fields kept, or over an access type (its items say the fields). */
    record FeedRequest(@NotBlank @Size(max = 128) String name, String dataset, List<String> fields,
            List<ThemeCondition> conditions, @Size(max = 64) String accessType) {
    }

    record FeedUpdate(@NotBlank @Size(max = 128) String name, List<String> fields, List<ThemeCondition> conditions,
            Boolean enabled) {
    }

    record TaskRequest(@NotBlank @Size(max = 128) String name, UUID feedId, Boolean enabled) {
    }

    record AnomalyRequest(@NotBlank @Pattern(regexp = "RETRY|CLOSE") String action, @Size(max = 1024) String note) {
    }

    record PageRequest(@NotBlank @Size(max = 128) String name, List<String> columns, List<ThemeCondition> conditions,
            String sortField, Boolean sortDesc) {
    }

    record ServiceRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String code,
            @NotBlank @Size(max = 128) String name, UUID storeId, UUID pageId, List<String> roles) {
    }

    record ServiceUpdate(@NotBlank @Size(max = 128) String name, UUID pageId, List<String> roles, Boolean enabled) {
    }

    @GetMapping("/theme-datasets")
    List<DatasetView> datasets() {
        return service.datasets();
    }

    @GetMapping("/theme-stores")
    PageResponse<Store> stores(@RequestParam(required = false) String category,
            @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.stores(category, q, PageQuery.of(page, size));
    }

    @GetMapping("/theme-stores/{id}")
    Store store(@PathVariable UUID id) {
        return service.store(id);
    }

    @PostMapping("/theme-stores")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    Store createStore(@Valid @RequestBody StoreRequest r) {
        return service.createStore(r.code(), r.nameZh(), r.nameEn(), r.category(), r.description());
    }

    @PutMapping("/theme-stores/{id}")
    @PreAuthorize(ADMIN)
    Store updateStore(@PathVariable UUID id, @Valid @RequestBody StoreUpdate r) {
        return service.updateStore(id, r.nameZh(), r.nameEn(), r.category(), r.description(), r.enabled());
    }

    @DeleteMapping("/theme-stores/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ADMIN)
    void deleteStore(@PathVariable UUID id) {
        service.deleteStore(id);
    }

    @GetMapping("/theme-stores/{id}/rows")
    PageResponse<Map<String, Object>> rows(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.rows(id, PageQuery.of(page, size));
    }

    @GetMapping("/theme-stores/{id}/feeds")
    List<Feed> feeds(@PathVariable UUID id) {
        return service.feeds(id);
    }

    @PostMapping("/theme-stores/{id}/feeds")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    Feed addFeed(@PathVariable UUID id, @Valid @RequestBody FeedRequest r) {
        if (r.accessType() != null && !r.accessType().isBlank()) {
            return service.addTypedFeed(id, r.name(), r.accessType(), r.conditions());
        }
        return service.addFeed(id, r.name(), r.dataset(), r.fields(), r.conditions());
    }

    @PutMapping("/theme-store-feeds/{id}")
    @PreAuthorize(ADMIN)
    Feed updateFeed(@PathVariable UUID id, @Valid @RequestBody FeedUpdate r) {
        return service.updateFeed(id, r.name(), r.fields(), r.conditions(), r.enabled());
    }

    @DeleteMapping("/theme-store-feeds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ADMIN)
    void deleteFeed(@PathVariable UUID id) {
        service.deleteFeed(id);
    }

    @GetMapping("/theme-store-tasks")
    List<Task> tasks(@RequestParam(required = false) UUID storeId) {
        return service.tasks(storeId);
    }

    @GetMapping("/theme-store-tasks/{id}")
    Task task(@PathVariable UUID id) {
        return service.task(id);
    }

    @GetMapping("/theme-store-tasks/{id}/failures")
    List<Failure> failures(@PathVariable UUID id) {
        return service.failures(id);
    }

    @PostMapping("/theme-stores/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    Task createTask(@PathVariable UUID id, @Valid @RequestBody TaskRequest r) {
        return service.createTask(id, r.name(), r.feedId());
    }

    @PutMapping("/theme-store-tasks/{id}")
    @PreAuthorize(ADMIN)
    Task updateTask(@PathVariable UUID id, @Valid @RequestBody TaskRequest r) {
        return service.updateTask(id, r.name(), r.feedId(), r.enabled());
    }

    @DeleteMapping("/theme-store-tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ADMIN)
    void deleteTask(@PathVariable UUID id) {
        service.deleteTask(id);
    }

    @PostMapping("/theme-store-tasks/{id}/runs")
    @PreAuthorize(ADMIN)
    Task run(@PathVariable UUID id) {
        return service.run(id);
    }

    @PostMapping("/theme-store-tasks/{id}/anomaly")
    @PreAuthorize(ADMIN)
    Task handleAnomaly(@PathVariable UUID id, @Valid @RequestBody AnomalyRequest r) {
        return service.handleAnomaly(id, r.action(), r.note());
    }

    @GetMapping("/theme-stores/{id}/pages")
    List<Page> pages(@PathVariable UUID id) {
        return service.pages(id);
    }

    @PostMapping("/theme-stores/{id}/pages")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    Page createPage(@PathVariable UUID id, @Valid @RequestBody PageRequest r) {
        return service.createPage(id, r.name(), r.columns(), r.conditions(), r.sortField(), r.sortDesc());
    }

    @PutMapping("/theme-store-pages/{id}")
    @PreAuthorize(ADMIN)
    Page updatePage(@PathVariable UUID id, @Valid @RequestBody PageRequest r) {
        return service.updatePage(id, r.name(), r.columns(), r.conditions(), r.sortField(), r.sortDesc());
    }

    @DeleteMapping("/theme-store-pages/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ADMIN)
    void deletePage(@PathVariable UUID id) {
        service.deletePage(id);
    }

    @GetMapping("/theme-store-pages/{id}/rows")
    PageResponse<Map<String, Object>> pageRows(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.pageRows(id, PageQuery.of(page, size));
    }

    @GetMapping("/theme-services")
    List<DataService> services(@RequestParam(required = false) UUID storeId) {
        return service.services(storeId);
    }

    @PostMapping("/theme-services")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ADMIN)
    DataService createService(@Valid @RequestBody ServiceRequest r) {
        return service.createService(r.code(), r.name(), r.storeId(), r.pageId(), r.roles());
    }

    @PutMapping("/theme-services/{id}")
    @PreAuthorize(ADMIN)
    DataService updateService(@PathVariable UUID id, @Valid @RequestBody ServiceUpdate r) {
        return service.updateService(id, r.name(), r.pageId(), r.roles(), r.enabled());
    }

    @DeleteMapping("/theme-services/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ADMIN)
    void deleteService(@PathVariable UUID id) {
        service.deleteService(id);
    }

    record PushRequest(@NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9-]+") String partnerId) {
    }

    /** 数据推送服务接口: the service's rows pushed to a partner platform. */
    @PostMapping("/theme-services/{id}/pushes")
    @PreAuthorize(ADMIN)
    ThemeStoreService.PushResult push(@PathVariable UUID id, @Valid @RequestBody PushRequest r) {
        return service.push(id, r.partnerId());
    }

    /** 主题库服务: open to any signed-in role here; the service itself admits only the roles it names. */
    @GetMapping("/theme-services/{code}/rows")
    @PreAuthorize("isAuthenticated()")
    PageResponse<Map<String, Object>> serve(@PathVariable String code, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.serve(code, PageQuery.of(page, size));
    }
}
