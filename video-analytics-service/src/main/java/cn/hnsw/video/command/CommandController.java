package cn.hnsw.video.command;

import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.video.analysistask.AnalysisTaskRepository.Finding;
import cn.hnsw.video.camera.CameraRepository.Camera;
import cn.hnsw.video.command.CommandRepository.CommandTask;
import cn.hnsw.video.command.CommandRepository.DisplayTemplate;
import cn.hnsw.video.command.CommandRepository.QueryTemplate;
import cn.hnsw.video.command.CommandService.CommandView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
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

/** 现场集中监控指挥: officers and administrators manage; reviewers read what is published. */
@RestController
@RequestMapping("/api/video-analytics/v1/command-centre")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class CommandController {

    private static final String MANAGE = "hasAnyRole('customs-officer', 'platform-admin')";
    private final CommandService service;

    CommandController(CommandService service) {
        this.service = service;
    }

    record QueryRequest(@NotBlank @Size(max = 128) String name, String kind, @Size(max = 32) String code,
            String status) {
    }

    record DisplayRequest(@NotBlank @Size(max = 128) String name, @NotNull Integer grid, List<UUID> cameraIds) {
    }

    record DisplayUpdate(@Size(max = 128) String name, Integer grid, List<UUID> cameraIds) {
    }

    record TaskRequest(@NotBlank @Size(max = 128) String title, @NotBlank String level, List<UUID> cameraIds,
            List<String> officers, @Size(max = 64) String audioChannel) {
    }

    record TaskUpdate(@Size(max = 128) String title, String level, List<String> officers, String status) {
    }

    record Cameras(@NotNull List<UUID> cameraIds) {
    }

    record Audio(@NotBlank @Size(max = 64) String channel) {
    }

    @PostMapping("/query-templates")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    QueryTemplate createQuery(@Valid @RequestBody QueryRequest r) {
        return service.createQuery(r.name(), r.kind(), r.code(), r.status());
    }

    @PutMapping("/query-templates/{id}")
    @PreAuthorize(MANAGE)
    QueryTemplate updateQuery(@PathVariable UUID id, @Valid @RequestBody QueryRequest r) {
        return service.updateQuery(id, r.name(), r.kind(), r.code(), r.status());
    }

    @PostMapping("/query-templates/{id}/publication")
    @PreAuthorize(MANAGE)
    QueryTemplate publishQuery(@PathVariable UUID id) {
        return service.publishQuery(id);
    }

    @DeleteMapping("/query-templates/{id}")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteQuery(@PathVariable UUID id) {
        service.deleteQuery(id);
    }

    @GetMapping("/query-templates")
    List<QueryTemplate> queries(@RequestParam(defaultValue = "false") boolean published) {
        return service.queries(published);
    }

    @GetMapping("/query-templates/{id}/results")
    PageResponse<Finding> run(@PathVariable UUID id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return service.run(id, PageQuery.of(page, size));
    }

    @PostMapping("/display-templates")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    DisplayTemplate createDisplay(@Valid @RequestBody DisplayRequest r) {
        return service.createDisplay(r.name(), r.grid(), r.cameraIds());
    }

    @PutMapping("/display-templates/{id}")
    @PreAuthorize(MANAGE)
    DisplayTemplate updateDisplay(@PathVariable UUID id, @Valid @RequestBody DisplayUpdate r) {
        return service.updateDisplay(id, r.name(), r.grid(), r.cameraIds());
    }

    @PostMapping("/display-templates/{id}/publication")
    @PreAuthorize(MANAGE)
    DisplayTemplate publishDisplay(@PathVariable UUID id) {
        return service.publishDisplay(id);
    }

    @DeleteMapping("/display-templates/{id}")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteDisplay(@PathVariable UUID id) {
        service.deleteDisplay(id);
    }

    @GetMapping("/display-templates")
    List<DisplayTemplate> displays(@RequestParam(defaultValue = "false") boolean published) {
        return service.displays(published);
    }

    @GetMapping("/display-templates/{id}/cameras")
    List<Camera> show(@PathVariable UUID id) {
        return service.show(id);
    }

    @PostMapping("/tasks")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.CREATED)
    CommandTask createTask(@Valid @RequestBody TaskRequest r) {
        return service.createTask(r.title(), r.level(), r.cameraIds(), r.officers(), r.audioChannel());
    }

    @PutMapping("/tasks/{id}")
    @PreAuthorize(MANAGE)
    CommandTask updateTask(@PathVariable UUID id, @Valid @RequestBody TaskUpdate r) {
        return service.updateTask(id, r.title(), r.level(), r.officers(), r.status());
    }

    @DeleteMapping("/tasks/{id}")
    @PreAuthorize(MANAGE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTask(@PathVariable UUID id) {
        service.deleteTask(id);
    }

    @GetMapping("/tasks")
    List<CommandTask> tasks() {
        return service.tasks();
    }

    @GetMapping("/tasks/{id}")
    CommandView view(@PathVariable UUID id) {
        return service.view(id);
    }

    @PostMapping("/tasks/{id}/cameras/{cameraId}")
    @PreAuthorize(MANAGE)
    CommandTask addCamera(@PathVariable UUID id, @PathVariable UUID cameraId) {
        return service.addCamera(id, cameraId);
    }

    @DeleteMapping("/tasks/{id}/cameras/{cameraId}")
    @PreAuthorize(MANAGE)
    CommandTask removeCamera(@PathVariable UUID id, @PathVariable UUID cameraId) {
        return service.removeCamera(id, cameraId);
    }

    @PutMapping("/tasks/{id}/cameras")
    @PreAuthorize(MANAGE)
    CommandTask replaceCameras(@PathVariable UUID id, @Valid @RequestBody Cameras r) {
        return service.replaceCameras(id, r.cameraIds());
    }

    @PutMapping("/tasks/{id}/audio")
    @PreAuthorize(MANAGE)
    CommandTask audio(@PathVariable UUID id, @Valid @RequestBody Audio r) {
        return service.configureAudio(id, r.channel());
    }
}
