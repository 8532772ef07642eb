package cn.hnsw.tradewindow.lowaltitude;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeCreditService.CreditReport;
import cn.hnsw.tradewindow.lowaltitude.LowAltitudeRepository.Report;
import cn.hnsw.tradewindow.support.Pdf;
import cn.hnsw.tradewindow.support.TradeWindowFont;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * S2 prints (PDF): one activity report with its content (goods, shipper, documents, persons, articles as tables),
 * the report list, and a subject's credit report with its deductions. Access is the reading rule of each record.
 */
@Component
public class LowAltitudePrints {

    static final List<String> REPORT_HEADERS = List.of("报送单号 Report no.", "活动 Activity", "单据 Form",
            "机场 Airport", "航空器 Aircraft", "飞行日期 Flight date", "状态 Status", "审核结果 Review result",
            "审核意见 Opinion", "有效 Effective");

    private final LowAltitudeReportingService reporting;
    private final LowAltitudeCreditService credit;
    private final TradeWindowFont font;
    private final ObjectMapper json;
    private final Clock clock;

    public LowAltitudePrints(LowAltitudeReportingService reporting, LowAltitudeCreditService credit,
                             TradeWindowFont font, ObjectMapper json, Clock clock) {
        this.reporting = reporting;
        this.credit = credit;
        this.font = font;
        this.json = json;
        this.clock = clock;
    }

    static Object[] reportCells(Report r) {
        return new Object[]{r.reportNo(), r.activity(), r.form(), r.airport(), r.aircraftReg(), r.flightDate(),
                r.status(), r.reviewResult(), r.reviewOpinion(), r.effective() ? "是 Yes" : "否 No"};
    }

    public byte[] reportList(List<Report> reports) {
        return Pdf.table(font.font(), "低慢小航空器活动报送信息 Low-altitude activity reports", REPORT_HEADERS, reports,
                LowAltitudePrints::reportCells, clock.instant());
    }

    public byte[] report(CurrentActor actor, UUID id) {
        Report r = reporting.report(actor, id);
        Pdf.Form pdf = new Pdf.Form(font.font(), ("CARGO".equals(r.activity()) ? "货运" : "载客")
                + "活动信息报送单 Activity report " + r.reportNo(), false);
        pdf.note("打印时间 Printed at " + Pdf.time(clock.instant()) + "　打印人 Printed by " + actor.username());
        pdf.section("基本信息 Report");
        pdf.fields("报送单号 Report no.", r.reportNo(), "单据 Form", r.form(), "机场 Airport", nz(r.airport()),
                "航空器 Aircraft", nz(r.aircraftReg()), "飞行日期 Flight date", String.valueOf(r.flightDate()),
                "状态 Status", r.status().name(), "申报时间 Declared", Pdf.time(r.declaredAt()),
                "逻辑检控 Logic check", r.logicCheckPassed() == null ? "" : r.logicCheckPassed() ? "通过 Passed" : "未通过 Failed",
                "审核结果 Review result", nz(r.reviewResult()), "审核意见 Opinion", nz(r.reviewOpinion()),
                "回执发送次数 Receipts sent", String.valueOf(r.receiptSentCount()),
                "有效 Effective", r.effective() ? "是 Yes" : "否 No");
        if (r.logicCheckErrors() != null && !r.logicCheckErrors().isBlank()) {
            pdf.section("逻辑检控 Logic check").note(r.logicCheckErrors());
        }
        JsonNode content = read(r.content());
        List<String> scalars = new ArrayList<>();
        content.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isValueNode()) {
                scalars.add(e.getKey());
                scalars.add(v.asText());
            } else if (v.isObject()) {
                List<String> pairs = new ArrayList<>();
                v.fields().forEachRemaining(f -> {
                    pairs.add(e.getKey() + "." + f.getKey());
                    pairs.add(f.getValue().isValueNode() ? f.getValue().asText() : f.getValue().toString());
                });
                pdf.section(e.getKey()).fields(pairs.toArray(String[]::new));
            } else if (v.isArray() && !v.isEmpty()) {
                Set<String> keys = new LinkedHashSet<>();
                v.forEach(item -> item.fieldNames().forEachRemaining(keys::add));
                List<String> headers = keys.isEmpty() ? List.of("值 Value") : List.copyOf(keys);
                List<JsonNode> items = new ArrayList<>();
                v.forEach(items::add);
                pdf.section(e.getKey()).table(headers, items, item -> keys.isEmpty() ? new Object[]{item.asText()}
                        : headers.stream().map(k -> item.has(k) ? (item.get(k).isValueNode() ? item.get(k).asText()
                        : item.get(k).toString()) : "").toArray());
            }
        });
        if (!scalars.isEmpty()) {
            pdf.section("其他 Other").fields(scalars.toArray(String[]::new));
        }
        return pdf.finish();
    }

    public byte[] creditReport(CurrentActor actor, UUID id) {
        CreditReport c = credit.report(actor, id);
        JsonNode content = c.content();
        Pdf.Form pdf = new Pdf.Form(font.font(), "报送主体信用报告 Reporting subject credit report", false);
        pdf.note("打印时间 Printed at " + Pdf.time(clock.instant()) + "　打印人 Printed by " + actor.username());
        pdf.fields("报送主体 Subject", c.subjectName(), "类型 Kind", content.path("kind").asText(),
                "证件号 Certificate", content.path("certificateNo").asText(), "信用评分 Score", String.valueOf(c.score()),
                "信用等级 Grade", c.grade(), "已纠偏记录 Corrected records", content.path("corrected").asText(),
                "生成人 Generated by", c.generatedBy(), "生成时间 Generated at", Pdf.time(c.generatedAt()));
        List<JsonNode> lines = new ArrayList<>();
        content.path("deductions").forEach(lines::add);
        pdf.section("扣分明细 Deductions").table(List.of("类别 Kind", "次数 Count", "扣分 Deduction"), lines,
                l -> new Object[]{KINDS.getOrDefault(l.path("kind").asText(), l.path("kind").asText()),
                        l.path("count").asText(), l.path("deduction").asText()});
        return pdf.finish();
    }

    private static final Map<String, String> KINDS = Map.of(
            "LOGIC_CHECK_FAILED", "逻辑检控未通过 Logic check failed",
            "REPORT_RETURNED", "报送退回 Report returned",
            "REPORT_WITHDRAWN", "报送撤回 Report withdrawn",
            "WARNING", "未处理预警 Unprocessed warnings");

    private JsonNode read(String content) {
        try {
            return content == null ? json.createObjectNode() : json.readTree(content);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
