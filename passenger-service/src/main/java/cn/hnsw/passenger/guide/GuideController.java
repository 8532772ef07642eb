package cn.hnsw.passenger.guide;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 相关指引: travelers read published guides and download attachments; customs officers edit them. */
@RestController
@RequestMapping("${hnsw.api.base}/v1/guides")
class GuideController {

    static final String EDITOR = "hasAnyRole('customs-officer','platform-admin')";
    static final String ANY = "hasAnyRole('traveler','customs-officer','customs-reviewer','customs-finance','sw-operator','platform-admin')";

    private final GuideService guides;

    GuideController(GuideService guides) {
        this.guides = guides;
    }

    record LinkRequest(List<String> categories) {
    }

    private static boolean editor() {
        CurrentActor a = Actors.current();
        return a.hasRole("customs-officer") || a.hasRole("platform-admin");
    }

    @GetMapping
    @PreAuthorize(ANY)
    List<Guide> list(@RequestParam(required = false) String category, @RequestParam(required = false) String keyword) {
        return guides.list(editor(), category, keyword);
    }

    @GetMapping("/{id}")
    @PreAuthorize(ANY)
    Guide get(@PathVariable UUID id) {
        return guides.get(id, editor());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITOR)
    Guide create(@RequestBody GuideRequest request) {
        return guides.create(request, Actors.current());
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITOR)
    Guide update(@PathVariable UUID id, @RequestBody GuideRequest request) {
        return guides.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(EDITOR)
    void delete(@PathVariable UUID id) {
        guides.delete(id);
    }

    @PutMapping("/{id}/categories")
    @PreAuthorize(EDITOR)
    Guide link(@PathVariable UUID id, @RequestBody LinkRequest request) {
        return guides.link(id, request.categories());
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITOR)
    Guide.Attachment attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file) throws IOException {
        return guides.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize(ANY)
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        GuideService.Download d = guides.download(id, attachmentId, editor());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(d.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(d.content());
    }

    @DeleteMapping("/{id}/attachments/{attachmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(EDITOR)
    void detach(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        guides.detach(id, attachmentId);
    }
}
