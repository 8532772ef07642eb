package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeSystemLog.Entry;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeSystemLog.Filter;
import cn.hnsw.tradewindow.support.Docx;
import cn.hnsw.tradewindow.support.Pdf;
import cn.hnsw.tradewindow.support.TradeWindowFont;
import cn.hnsw.tradewindow.support.Xlsx;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** S2 系统日志: list with conditions, detail, print (PDF inline) and the exports (Excel, Word, PDF). */
@RestController
@Validated
@RequestMapping("/api/trade-window/v1/low-altitude/system-logs")
class LowAltitudeSystemLogController {

    private static final String TITLE = "低慢小报送系统日志 Low-altitude reporting system log";
    private static final List<String> HEADERS = List.of("序号 Seq", "时间 Time", "级别 Level", "类别 Category",
            "事件 Event", "用户 User", "业务编号 Business id", "详情 Detail");
    private static final Function<Entry, Object[]> CELLS = e -> new Object[]{e.seq(), e.occurredAt(), e.level(),
            e.category(), e.event(), e.actorName(), e.businessId(), e.detail()};

    private final LowAltitudeSystemLog log;
    private final TradeWindowFont font;
    private final Clock clock;

    LowAltitudeSystemLogController(LowAltitudeSystemLog log, TradeWindowFont font, Clock clock) {
        this.log = log;
        this.font = font;
        this.clock = clock;
    }

    @GetMapping
    PageResponse<Entry> search(@RequestParam(required = false) @Pattern(regexp = "INFO|WARN|ERROR") String level,
                               @RequestParam(required = false) @Size(max = 20) String category,
                               @RequestParam(required = false) @Size(max = 200) String keyword,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return log.search(Actors.current(), new Filter(level, category, keyword, from, to), PageQuery.of(page, size));
    }

    @GetMapping("/{seq}")
    Entry detail(@PathVariable long seq) {
        return log.detail(Actors.current(), seq);
    }

    /**
     * 打印 and 导出: {@code format} xlsx (Excel), docx (Word) or pdf; {@code print=true} answers the PDF inline for
     * the browser's print preview. The same conditions as the list, newest first.
     */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") @Pattern(regexp = "xlsx|docx|pdf") String format,
                                  @RequestParam(defaultValue = "false") boolean print,
                                  @RequestParam(required = false) @Pattern(regexp = "INFO|WARN|ERROR") String level,
                                  @RequestParam(required = false) @Size(max = 20) String category,
                                  @RequestParam(required = false) @Size(max = 200) String keyword,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        List<Entry> rows = log.forExport(Actors.current(), new Filter(level, category, keyword, from, to));
        return LowAltitudeLogController.file("low-altitude-system-log", print ? "pdf" : format, print, switch (print ? "pdf" : format) {
            case "docx" -> Docx.write(TITLE, HEADERS, rows, CELLS);
            case "pdf" -> Pdf.table(font.font(), TITLE, HEADERS, rows, CELLS, clock.instant());
            default -> Xlsx.write("系统日志", HEADERS, rows, CELLS);
        });
    }
}
