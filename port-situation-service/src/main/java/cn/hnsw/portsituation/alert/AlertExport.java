package cn.hnsw.portsituation.alert;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** 预警导出 — alerts as an Excel workbook, bilingual headers, times in Asia/Shanghai. */
public final class AlertExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Shanghai"));
    private static final String[] HEADERS = {"预警编号 Alert id", "来源 Source", "类型 Type", "级别 Level", "口岸 Port",
            "机构 Organisation", "标题 Title", "Title (English)", "发生时间 Occurred", "状态 Status", "确认人 Acknowledged by",
            "确认时间 Acknowledged", "处置人 Handled by", "处置措施 Action", "处置记录 Handling record", "处置时间 Handled",
            "关闭人 Closed by", "关闭时间 Closed"};

    private AlertExport() {
    }

    public static void write(List<AlertRecord> records, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "hnsw-port-situation", "1.0");
        Worksheet sheet = workbook.newWorksheet("预警 Alerts");
        for (int c = 0; c < HEADERS.length; c++) {
            sheet.value(0, c, HEADERS[c]);
            sheet.style(0, c).bold().set();
        }
        int r = 1;
        for (AlertRecord record : records) {
            var a = record.alert();
            Object[] values = {a.alertId(), a.sourceService(), a.type(), a.level().name(), a.portCode(), a.organization(),
                    a.titleZh(), a.titleEn(), time(a.occurredAt()), record.status().name(), record.acknowledgedBy(),
                    time(record.acknowledgedAt()), record.handledBy(), record.handlingAction(), record.handlingRecord(),
                    time(record.handledAt()), record.closedBy(), time(record.closedAt())};
            for (int c = 0; c < values.length; c++) {
                if (values[c] != null) {
                    sheet.value(r, c, values[c].toString());
                }
            }
            r++;
        }
        workbook.finish();
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }
}
