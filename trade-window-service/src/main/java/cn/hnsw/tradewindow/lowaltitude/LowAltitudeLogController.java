package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.Actors;
import cn.hnsw.common.web.PageQuery;
import cn.hnsw.common.web.PageResponse;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeOperationLog.Entry;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeOperationLog.Filter;
import cn.hnsw.tradewindow.support.Docx;
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
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** S2 操作日志: list with conditions, detail, and the exports (Excel, Word) of the low-altitude operations. */
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

    private final LowAltitudeOperationLog log;

    LowAltitudeLogController(LowAltitudeOperationLog log) {
        this.log = log;
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

    /** 导出: {@code format} xlsx (Excel) or docx (Word), the same conditions as the list, newest first. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(@RequestParam(defaultValue = "xlsx") @Pattern(regexp = "xlsx|docx") String format,
                                  @RequestParam(required = false) @Size(max = 200) String actor,
                                  @RequestParam(required = false) @Size(max = 200) String action,
                                  @RequestParam(required = false) @Pattern(regexp = "SUCCESS|FAILURE") String result,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        List<Entry> rows = log.forExport(Actors.current(), new Filter(actor, action, result, from, to));
        boolean word = "docx".equals(format);
        byte[] body = word ? Docx.write("低慢小报送操作日志 Low-altitude reporting operation log", HEADERS, rows, CELLS)
                : Xlsx.write("操作日志", HEADERS, rows, CELLS);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("low-altitude-operation-log." + format, StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(word ? Docx.CONTENT_TYPE : Xlsx.CONTENT_TYPE))
                .body(body);
    }
}
