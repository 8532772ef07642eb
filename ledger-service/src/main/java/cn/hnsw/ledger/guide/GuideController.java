package cn.hnsw.ledger.guide;

import cn.hnsw.common.security.Actors;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** 业务指引 API: every ledger user reads; the single-window operator (and platform admin) maintains. */
@RestController
@RequestMapping("/api/ledger/v1/guides")
class GuideController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";
    static final String EDITORS = "hasAnyRole('sw-operator','platform-admin')";

    private final GuideService guides;
    private final GuideFiles files;

    GuideController(GuideService guides, GuideFiles files) {
        this.guides = guides;
        this.files = files;
    }

    /** 模版下载 of a topic's guides. */
    @GetMapping("/topics/{topic}/template")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> template(@PathVariable String topic) {
        GuideService.Topic t = guides.topic(topic);
        return file(files.template(t.nameZh(), t.nameEn()), MediaType.parseMediaType(XLSX), topic.toLowerCase() + "-template.xlsx");
    }

    /** 导入 into a topic: every guide of the file or none. */
    @PostMapping(path = "/topics/{topic}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    List<GuideService.Guide> importGuides(@PathVariable String topic, @RequestParam("file") MultipartFile file) throws IOException {
        guides.topic(topic);
        return guides.importGuides(Actors.current(), topic, files.read(file.getBytes()));
    }

    /** 导出 of a topic's guides, in the template's columns. */
    @GetMapping("/topics/{topic}/export")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> export(@PathVariable String topic) {
        guides.topic(topic);
        return file(files.export(guides.list(topic)), MediaType.parseMediaType(XLSX), topic.toLowerCase() + "-guides.xlsx");
    }

    /** 打印 of one guide. */
    @GetMapping("/{id}/print")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> print(@PathVariable long id) {
        GuideService.Guide g = guides.get(id);
        GuideService.Topic t = guides.topic(g.topic());
        return file(files.print(g, t.nameZh(), t.nameEn()), MediaType.APPLICATION_PDF, "guide-" + id + ".pdf");
    }

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    @GetMapping("/topics")
    @PreAuthorize(READERS)
    List<GuideService.Topic> topics() {
        return guides.topics();
    }

    @GetMapping
    @PreAuthorize(READERS)
    List<GuideService.Guide> list(@RequestParam(required = false) String topic) {
        return guides.list(topic);
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    GuideService.Guide get(@PathVariable long id) {
        return guides.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    GuideService.Guide create(@RequestBody GuideService.GuideInput body) {
        return guides.create(Actors.current(), body);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    GuideService.Guide update(@PathVariable long id, @RequestBody GuideService.GuideInput body) {
        return guides.update(Actors.current(), id, body);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(EDITORS)
    void delete(@PathVariable long id) {
        guides.delete(id);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(EDITORS)
    GuideService.Attachment attach(@PathVariable long id, @RequestParam("file") MultipartFile file) throws IOException {
        return guides.attach(Actors.current(), id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long attachmentId) {
        Map.Entry<GuideService.Attachment, byte[]> file = guides.download(id, attachmentId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getKey().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.getValue());
    }
}
