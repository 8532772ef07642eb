package cn.hnsw.video.mobile;

import cn.hnsw.common.security.Actors;
import cn.hnsw.video.mobile.MobileFeedRepository.MobileFeed;
import cn.hnsw.video.mobile.MobileFeedService.Item;
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

/** 移动单兵应用: an officer manages their own feeds and reads what each channel delivers. */
@RestController
@RequestMapping("/api/video-analytics/v1/mobile")
@PreAuthorize("hasAnyRole('customs-officer', 'customs-reviewer', 'platform-admin')")
class MobileFeedController {

    private final MobileFeedService service;

    MobileFeedController(MobileFeedService service) {
        this.service = service;
    }

    record FeedRequest(@NotNull MobileChannel channel, @NotBlank @Size(max = 128) String name, List<UUID> cameraIds) {
    }

    record FeedUpdate(@Size(max = 128) String name, List<UUID> cameraIds, @NotNull Boolean enabled) {
    }

    @PostMapping("/feeds")
    @ResponseStatus(HttpStatus.CREATED)
    MobileFeed create(@Valid @RequestBody FeedRequest r) {
        return service.create(Actors.current(), r.channel(), r.name(), r.cameraIds());
    }

    @PutMapping("/feeds/{id}")
    MobileFeed update(@PathVariable UUID id, @Valid @RequestBody FeedUpdate r) {
        return service.update(Actors.current(), id, r.name(), r.cameraIds(), r.enabled());
    }

    @DeleteMapping("/feeds/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        service.delete(Actors.current(), id);
    }

    @GetMapping("/feeds")
    List<MobileFeed> feeds(@RequestParam(required = false) MobileChannel channel) {
        return service.feeds(Actors.current(), channel);
    }

    @GetMapping("/feeds/{id}")
    MobileFeed feed(@PathVariable UUID id) {
        return service.feed(Actors.current(), id);
    }

    @GetMapping("/notifications")
    List<Item> notifications(@RequestParam MobileChannel channel) {
        return service.deliver(Actors.current(), channel);
    }
}
