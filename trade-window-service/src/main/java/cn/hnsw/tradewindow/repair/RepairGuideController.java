package cn.hnsw.tradewindow.repair;

import cn.hnsw.common.security.Actors;
import cn.hnsw.tradewindow.repair.RepairGuideAndAttachments.Content;
import cn.hnsw.tradewindow.repair.RepairGuideAndAttachments.Guide;
import cn.hnsw.tradewindow.repair.RepairGuideAndAttachments.ReviewAttachment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
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
import java.util.UUID;

/** S3 办事指南, 会审附件 and 预览 (documents and attachments shown inline). */
@RestController
@Validated
@RequestMapping("/api/trade-window/v1/repair-preferences")
class RepairGuideController {

    private final RepairGuideAndAttachments service;

    RepairGuideController(RepairGuideAndAttachments service) {
        this.service = service;
    }

    record GuideRequest(@NotBlank @Size(max = 200) String titleZh, @NotBlank @Size(max = 300) String titleEn,
                        @NotBlank @Size(max = 20000) String bodyZh, @NotBlank @Size(max = 20000) String bodyEn) {
    }

    @GetMapping("/guides")
    List<Guide> guides() {
        return service.guides();
    }

    @PutMapping("/guides/{kind}")
    Guide saveGuide(@PathVariable @Pattern(regexp = "AVIATION|SHIPPING") String kind, @Valid @RequestBody GuideRequest r) {
        return service.saveGuide(Actors.current(), kind, r.titleZh(), r.titleEn(), r.bodyZh(), r.bodyEn());
    }

    @PostMapping(path = "/{id}/review-attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ReviewAttachment attach(@PathVariable UUID id, @RequestParam("file") MultipartFile file,
                            @RequestParam(value = "note", required = false) @Size(max = 1000) String note)
            throws IOException {
        return service.attach(Actors.current(), id, file.getOriginalFilename(), file.getBytes(), note);
    }

    @GetMapping("/{id}/review-attachments")
    List<ReviewAttachment> attachments(@PathVariable UUID id) {
        return service.attachments(Actors.current(), id);
    }

    @PostMapping("/{id}/review-attachments/{attachmentId}/revocation")
    ReviewAttachment revoke(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return service.revoke(Actors.current(), id, attachmentId);
    }

    @GetMapping("/{id}/review-attachments/{attachmentId}/content")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        return inline(service.attachmentContent(Actors.current(), id, attachmentId));
    }

    @GetMapping("/{id}/documents/{documentId}/content")
    ResponseEntity<byte[]> document(@PathVariable UUID id, @PathVariable UUID documentId) {
        return inline(service.document(Actors.current(), id, documentId));
    }

    private static ResponseEntity<byte[]> inline(Content c) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename(c.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(c.contentType())).body(c.bytes());
    }
}
