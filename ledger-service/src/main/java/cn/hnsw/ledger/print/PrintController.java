package cn.hnsw.ledger.print;

import cn.hnsw.common.security.Actors;
import cn.hnsw.ledger.document.DeclarableDocument;
import cn.hnsw.ledger.document.DocumentService;
import cn.hnsw.ledger.document.DocumentView;
import cn.hnsw.ledger.posting.Ledgers;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;

/** 打印: any declarable document as a PDF, for whoever may read it. */
@RestController
@RequestMapping("/api/ledger/v1")
class PrintController {

    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";

    private final DocumentService documents;
    private final Ledgers ledgers;
    private final DocumentPdf pdf;

    PrintController(DocumentService documents, Ledgers ledgers, DocumentPdf pdf) {
        this.documents = documents;
        this.ledgers = ledgers;
        this.pdf = pdf;
    }

    @GetMapping("/documents/{id}/print")
    @PreAuthorize(READERS)
    ResponseEntity<byte[]> print(@PathVariable long id) {
        DeclarableDocument d = documents.read(Actors.current(), id);
        DocumentView view = documents.view(d);
        String ledgerNo = view.ledgerId() == null ? null : ledgers.get(view.ledgerId()).ledgerNo();
        byte[] body = pdf.render(view, ledgerNo);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(view.documentNo() + ".pdf", StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
