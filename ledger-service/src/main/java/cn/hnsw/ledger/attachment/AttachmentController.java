package cn.hnsw.ledger.attachment;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** 随附单证: local import, detail view (download), delete. */
@RestController
@RequestMapping("/api/ledger/v1/documents/{documentId}/attachments")
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    AttachmentService.Attachment upload(@PathVariable long documentId, @RequestParam("file") MultipartFile file) throws IOException {
        return attachments.upload(Actors.current(), documentId, file.getOriginalFilename(), file.getContentType(), file.getBytes());
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@PathVariable long documentId, @PathVariable long id) {
        Map.Entry<AttachmentService.Attachment, byte[]> file = attachments.download(Actors.current(), documentId, id);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.getKey().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getKey().fileName(), StandardCharsets.UTF_8).build().toString())
                .body(file.getValue());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('enterprise-declarant','enterprise-admin')")
    void delete(@PathVariable long documentId, @PathVariable long id) {
        attachments.delete(Actors.current(), documentId, id);
    }
}
