package cn.hnsw.ledger.document;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.ledger.valueadded.ValueAddedCalculation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
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
import java.util.Map;

/** The declarable-document engine's API: every document type through the same endpoints. */
@RestController
@RequestMapping("/api/ledger/v1")
class DocumentController {

    static final String ENTERPRISE = "hasAnyRole('enterprise-declarant','enterprise-admin')";
    static final String READERS = "hasAnyRole('enterprise-declarant','enterprise-admin','customs-officer','customs-reviewer',"
            + "'gov-province','gov-provincial-dept','gov-county','gov-county-unit','sw-operator','platform-admin')";

    private final DocumentService service;
    private final DocumentRepository documents;
    private final DocumentAccess access;
    private final CommodityLibrary commodities;

    DocumentController(DocumentService service, DocumentRepository documents, DocumentAccess access,
                       CommodityLibrary commodities) {
        this.service = service;
        this.documents = documents;
        this.access = access;
        this.commodities = commodities;
    }

    record CreateRequest(@NotBlank String type, Long ledgerId, Long sourceDocumentId, String title,
                         String enterpriseName, Map<String, Object> header, String actingFor) {
    }

    record HeaderRequest(int version, String title, Map<String, Object> header) {
    }

    record LineIds(@NotEmpty List<Long> lineIds) {
    }

    record ConsolidationRequest(@NotBlank String type, @NotEmpty List<Long> outOfWarehouseIds, String title,
                                String actingFor) {
    }

    record TypeView(String code, String nameZh, String nameEn, LedgerType ledgerType, List<LineSpec> lines,
                    StockEffect stockEffect, boolean customsDraft, boolean vehicleInfo, boolean changeAfterApproval,
                    boolean voidAfterApproval, BusinessScope scope, List<String> sourceDocumentTypes) {
    }

    @GetMapping("/document-types")
    List<TypeView> types() {
        return DocumentTypes.all().stream().map(t -> new TypeView(t.code(), t.nameZh(), t.nameEn(), t.ledgerType(),
                t.lines(), t.stockEffect(), t.customsDraft(), t.vehicleInfo(), t.changeAfterApproval(),
                t.voidAfterApproval(), t.scope(), t.sourceDocumentTypes())).toList();
    }

    @PostMapping("/documents")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ENTERPRISE)
    DocumentView create(@Valid @RequestBody CreateRequest body) {
        DeclarableDocument d = service.create(Actors.current(), new DocumentService.NewDocument(body.type(),
                body.ledgerId(), body.sourceDocumentId(), body.title(), body.enterpriseName(), body.header(), body.actingFor()));
        return detail(d);
    }

    @GetMapping("/documents")
    @PreAuthorize(READERS)
    PageResponse<DocumentView> list(@RequestParam(required = false) List<String> type,
                                    @RequestParam(required = false) String status,
                                    @RequestParam(required = false) Long ledgerId,
                                    @RequestParam(required = false) String documentNo,
                                    @RequestParam(required = false) String enterprise,
                                    @RequestParam(required = false) String actingFor,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size) {
        PageQuery q = PageQuery.of(page, size);
        CurrentActor actor = Actors.current();
        String restriction = access.listRestriction(actor, actingFor);
        DocumentRepository.ListFilter filter = new DocumentRepository.ListFilter(
                restriction != null ? restriction : enterprise, type, status, ledgerId, documentNo);
        return PageResponse.of(documents.list(filter, q.size(), q.offset()).stream().map(DocumentView::summary).toList(),
                q, documents.count(filter));
    }

    /** 批量导出: the list as it is filtered, as an Excel file (enterprise: own documents; officers: all). */
    @GetMapping("/documents/export")
    @PreAuthorize(READERS)
    org.springframework.http.ResponseEntity<byte[]> export(@RequestParam(required = false) List<String> type,
                                                           @RequestParam(required = false) String status,
                                                           @RequestParam(required = false) String enterprise,
                                                           @RequestParam(required = false) String actingFor) throws java.io.IOException {
        String restriction = access.listRestriction(Actors.current(), actingFor);
        DocumentRepository.ListFilter filter = new DocumentRepository.ListFilter(
                restriction != null ? restriction : enterprise, type, status, null, null);
        List<DeclarableDocument> rows = documents.list(filter, 10_000, 0);
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("单证 Documents");
            String[] headers = {"单证编号 No.", "类型 Type", "企业 Enterprise", "状态 Status", "标题 Title", "申报时间 Declared", "通过时间 Approved"};
            var head = sheet.createRow(0);
            for (int i = 0; i < headers.length; i++) {
                head.createCell(i).setCellValue(headers[i]);
            }
            int r = 1;
            for (DeclarableDocument d : rows) {
                var row = sheet.createRow(r++);
                row.createCell(0).setCellValue(d.documentNo());
                row.createCell(1).setCellValue(d.type().nameZh());
                row.createCell(2).setCellValue(d.enterprise());
                row.createCell(3).setCellValue(d.status().nameZh());
                row.createCell(4).setCellValue(d.title() == null ? "" : d.title());
                row.createCell(5).setCellValue(d.declaredAt() == null ? "" : d.declaredAt().toString());
                row.createCell(6).setCellValue(d.approvedAt() == null ? "" : d.approvedAt().toString());
            }
            wb.write(out);
            return org.springframework.http.ResponseEntity.ok()
                    .contentType(org.springframework.http.MediaType.parseMediaType(
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header("Content-Disposition", "attachment; filename=documents.xlsx")
                    .body(out.toByteArray());
        }
    }

    @GetMapping("/documents/{id}")
    @PreAuthorize(READERS)
    DocumentView get(@PathVariable long id) {
        return detail(service.read(Actors.current(), id));
    }

    /** 登记/备案数量核扣: per line, the documents drawing on it and the quantity left. */
    @GetMapping("/documents/{id}/draws")
    @PreAuthorize(READERS)
    List<DocumentService.LineDraws> draws(@PathVariable long id) {
        return service.draws(Actors.current(), id);
    }

    @PutMapping("/documents/{id}")
    @PreAuthorize(ENTERPRISE)
    DocumentView editHeader(@PathVariable long id, @RequestBody HeaderRequest body) {
        return detail(service.editHeader(Actors.current(), id, body.version(), body.title(), body.header()));
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/documents/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(ENTERPRISE)
    void deleteDraft(@PathVariable long id) {
        service.deleteDraft(Actors.current(), id);
    }

    @PostMapping("/documents/{id}/lines")
    @PreAuthorize(ENTERPRISE)
    List<DocumentLine> addLines(@PathVariable long id, @RequestBody @NotEmpty List<DocumentService.LineInput> lines) {
        return service.addLines(Actors.current(), id, lines);
    }

    @PutMapping("/documents/{id}/lines/{lineId}")
    @PreAuthorize(ENTERPRISE)
    List<DocumentLine> updateLine(@PathVariable long id, @PathVariable long lineId,
                                  @RequestBody DocumentService.LineInput line) {
        return service.updateLine(Actors.current(), id, lineId, line);
    }

    @PostMapping("/documents/{id}/lines/deletion")
    @PreAuthorize(ENTERPRISE)
    List<DocumentLine> deleteLines(@PathVariable long id, @Valid @RequestBody LineIds body) {
        return service.deleteLines(Actors.current(), id, body.lineIds());
    }

    @PostMapping("/documents/{id}/lines/copies")
    @PreAuthorize(ENTERPRISE)
    List<DocumentLine> copyLines(@PathVariable long id, @Valid @RequestBody LineIds body) {
        return service.copyLines(Actors.current(), id, body.lineIds());
    }

    @PostMapping("/documents/{id}/copies")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ENTERPRISE)
    DocumentView copy(@PathVariable long id) {
        return detail(service.copy(Actors.current(), id));
    }

    @PostMapping("/documents/{id}/customs-draft")
    @PreAuthorize(ENTERPRISE)
    Map<String, Object> customsDraft(@PathVariable long id) {
        return service.generateCustomsDraft(Actors.current(), id);
    }

    @GetMapping("/documents/{id}/logic-check")
    @PreAuthorize(READERS)
    Map<String, Object> logicCheck(@PathVariable long id) {
        DeclarableDocument d = service.read(Actors.current(), id);
        List<String> problems = service.logicProblems(d, documents.lines(id));
        return Map.of("passed", problems.isEmpty(), "problems", problems);
    }

    @GetMapping("/documents/{id}/value-added")
    @PreAuthorize(READERS)
    ValueAddedCalculation valueAdded(@PathVariable long id) {
        DeclarableDocument d = service.read(Actors.current(), id);
        return service.valueAdded(d, documents.lines(id));
    }

    @PostMapping("/documents/{id}/declaration")
    @PreAuthorize(ENTERPRISE)
    DocumentView declare(@PathVariable long id) {
        return detail(service.declare(Actors.current(), id));
    }

    @PostMapping("/documents/{id}/change")
    @PreAuthorize(ENTERPRISE)
    DocumentView change(@PathVariable long id) {
        return detail(service.startChange(Actors.current(), id));
    }

    @PostMapping("/documents/{id}/void")
    @PreAuthorize(ENTERPRISE)
    DocumentView voidDocument(@PathVariable long id) {
        return detail(service.voidDocument(Actors.current(), id));
    }

    @PutMapping("/documents/{id}/vehicle")
    @PreAuthorize(ENTERPRISE)
    DocumentView vehicle(@PathVariable long id, @RequestBody @NotNull Map<String, Object> vehicle) {
        return detail(service.changeVehicle(Actors.current(), id, vehicle));
    }

    @PostMapping("/consolidations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(ENTERPRISE)
    DocumentView consolidate(@Valid @RequestBody ConsolidationRequest body) {
        return detail(service.consolidate(Actors.current(), body.type(), body.outOfWarehouseIds(), body.title(), body.actingFor()));
    }

    @GetMapping("/commodities")
    @PreAuthorize(ENTERPRISE)
    List<Commodity> commodities(@RequestParam(required = false) String kind, @RequestParam(required = false) String actingFor) {
        return commodities.list(access.listRestriction(Actors.current(), actingFor), kind);
    }

    /** 本企业料件成品备案数据详情: one filed item of the enterprise's own library with the filing customs approved. */
    record CommodityDetail(Commodity commodity, DocumentView filing) {
    }

    @GetMapping("/commodities/{id}")
    @PreAuthorize(ENTERPRISE)
    CommodityDetail commodity(@PathVariable long id, @RequestParam(required = false) String actingFor) {
        String enterprise = access.listRestriction(Actors.current(), actingFor);
        Commodity c = commodities.list(enterprise, null).stream()
                .filter(x -> x.id() == id && enterprise != null && enterprise.equals(x.enterprise())).findFirst()
                .orElseThrow(() -> new cn.hnsw.common.web.HnswException(cn.hnsw.ledger.errors.LedgerErrorCode.COMMODITY_NOT_FOUND, id));
        return new CommodityDetail(c, detail(documents.get(c.filingDocumentId())));
    }

    private DocumentView detail(DeclarableDocument d) {
        return service.view(d);
    }
}
