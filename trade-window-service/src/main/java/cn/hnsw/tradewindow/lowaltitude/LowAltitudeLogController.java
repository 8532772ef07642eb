package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeOperationLog.Entry;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeOperationLog.Filter;
import cn.hnsw.tradewindow.support.Docx;
import cn.hnsw.tradewindow.support.Pdf;
import cn.hnsw.tradewindow.support.TradeWindowFont;
import cn.hnsw.tradewindow.support.Xlsx;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** S2 操作日志: list with conditions, detail, print and the exports (Excel, Word, PDF) of the low-altitude operations. */
@RestController
@Validated
@RequestMapping("/api/trade-window/v1/low-altitude/operation-logs")
class LowAltitudeLogController {

    private static final List<String> HEADERS = List.of("序号 Seq", "时间 Time", "操作人 User", "角色 Roles",
            "机构 Organisation", "企业 Enterprise", "操作 Action", "业务编号 Business id", "结果 Result",
            "详情 Detail", "来源地址 Client IP");
    private static final Function<Entry, Object[]> CELLS = e -> new Object[]{e.seq(), e.occurredAt(), e.actorName(),
            e.roles(), e.organization(), e.enterprise(), e.action(), e.businessId(), e.result(), e.detail(),
            e.clientIp()};

    /** The printed list leaves out the client address and folds roles into the user, to fit an A4 landscape page. */
    private static final List<String> PDF_HEADERS = List.of("序号 Seq", "时间 Time", "操作人 User", "机构 Organisation",
            "企业 Enterprise", "操作 Action", "业务编号 Business id", "结果 Result", "详情 Detail");
    private static final Function<Entry, Object[]> PDF_CELLS = e -> new Object[]{e.seq(), e.occurredAt(),
            e.actorName() + (e.roles() == null ? "" : "（" + e.roles() + "）"), e.organization(), e.enterprise(),
            e.action(), e.businessId(), e.result(), e.detail()};
    private static final String TITLE = "低慢小报送操作日志 Low-altitude reporting operation log";

    private final LowAltitudeOperationLog log;
    private final TradeWindowFont font;
    private final Clock clock;

    LowAltitudeLogController(LowAltitudeOperationLog log, TradeWindowFont font, Clock clock) {
        this.log = log;
        this.font = font;
        this.clock = clock;
    }

    @GetMapping
    PageResponse<Entry> search(@RequestParam(required = false) @Size(max = 200) String actor,
                               @RequestParam(required = false) @Size(max = 200) String action,
                               @RequestParam(required = false) @Pattern(regexp = "SUCCESS|FAILURE") String result,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return log.search(Actors.current(), new Filter(actor, action, result, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/{seq}")
    Entry detail(@PathVariable long seq) {
        return log.detail(Actors.current(), seq);
    }

    /**
     * 打印 and 导出: {@code format} xlsx (Excel), docx (Word) or pdf; {@code print=true} answers the PDF inline for the
     * browser's print preview. The same conditions as the list, newest first.
     */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") @Pattern(regexp = "xlsx|docx|pdf") String format,
                                  @RequestParam(defaultValue = "false") boolean print,
                                  @RequestParam(required = false) @Size(max = 200) String actor,
                                  @RequestParam(required = false) @Size(max = 200) String action,
                                  @RequestParam(required = false) @Pattern(regexp = "SUCCESS|FAILURE") String result,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        List<Entry> rows = log.forExport(Actors.current(), new Filter(actor, action, result, from, to));
        String f = print ? "pdf" : format;
        return file("low-altitude-operation-log", f, print, switch (f) {
            case "docx" -> Docx.write(TITLE, HEADERS, rows, CELLS);
            case "pdf" -> Pdf.table(font.font(), TITLE, PDF_HEADERS, rows, PDF_CELLS, clock.instant());
            default -> Xlsx.write("操作日志", HEADERS, rows, CELLS);
        });
    }

    /**
     * The answer of an export or a print, shared by the low-altitude controllers: the file name, its type, and
     * attachment (download) or inline (the browser's print preview).
     */
    static ResponseEntity<byte[]> file(String baseName, String format, boolean inline, byte[] body) {
        String type = switch (format) {
            case "docx" -> Docx.CONTENT_TYPE;
            case "pdf" -> Pdf.CONTENT_TYPE;
            default -> Xlsx.CONTENT_TYPE;
        };
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(baseName + "." + format, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .contentType(MediaType.parseMediaType(type)).body(body);
    }
}
