package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.tradewindow.partner.SharedDataGateway;
import cn.hnsw.tradewindow.pilot.PilotRecordsRepository.TerminationCase;
import cn.hnsw.tradewindow.support.Pdf;
import cn.hnsw.tradewindow.support.TradeWindowFont;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 预览打印 — the approval record of a pilot application as a PDF: the application form (enterprise, region, product,
 * case number, status and its times), the application documents, every opinion of the four levels and of any
 * termination (step, unit, who, decision, opinion, when, and the start of its hash in the audit chain), and the
 * terminations with their discovery records and blacklist reasons. Who may read the application may print it.
 */
@Component
public class ApprovalRecordPdf {

    private final PilotApprovalService service;
    private final TradeWindowFont font;
    private final Clock clock;

    public ApprovalRecordPdf(PilotApprovalService service, TradeWindowFont font, Clock clock) {
        this.service = service;
        this.font = font;
        this.clock = clock;
    }

    public byte[] render(CurrentActor actor, UUID id) {
        PilotApplication app = service.read(actor, id);
        List<PilotDocument> documents = service.documents(actor, id);
        List<ApprovalOpinion> opinions = service.opinions(actor, id);
        List<TerminationCase> terminations = service.terminations(actor, id);
        String step = app.currentStep() == null ? "" : String.join("、",
                Arrays.stream(app.currentStep().split(",")).map(ApprovalRecordPdf::stepName).toList());
        Pdf.Form pdf = new Pdf.Form(font.font(), "加工增值试点企业（产品）审批记录 Pilot approval record", false);
        pdf.note("打印时间 Printed at " + Pdf.time(clock.instant()) + "　打印人 Printed by " + actor.username());
        pdf.section("申请信息 Application");
        pdf.fields("办件编号 Case no.", nz(app.caseNumber()), "状态 Status", app.status().name(),
                "企业 Enterprise", app.enterpriseName(), "统一社会信用代码 USCC", app.enterpriseUscc(),
                "市县 Region", app.regionCode(), "当前环节 Current step", step,
                "申请时间 Created", Pdf.time(app.createdAt()), "提交时间 Submitted", Pdf.time(app.submittedAt()),
                "办结时间 Decided", Pdf.time(app.decidedAt()), "申请人 Applicant", app.createdBy(),
                "试点产品 Products", app.productSummary());
        pdf.section("申请材料 Documents");
        pdf.table(List.of("材料类型 Type", "文件名 File", "上传人 Uploaded by", "上传时间 Uploaded at", "状态 State"),
                documents, d -> new Object[]{d.type().nameZh(), d.fileName(), d.uploadedBy(), d.uploadedAt(),
                        d.active() ? "有效 Active" : "已撤回 Revoked"});
        pdf.section("审批意见 Opinions");
        pdf.table(List.of("时间 Time", "环节 Step", "单位 Unit", "审批人 Approver", "结论 Decision", "意见 Opinion",
                        "存证摘要 Record hash"),
                opinions, o -> new Object[]{o.createdAt(), stepName(o.step()), o.unitOrg(), o.actorName(),
                        o.decision(), o.opinion(), o.recordHash() == null ? "" : o.recordHash().substring(0, 16)});
        if (!terminations.isEmpty()) {
            pdf.section("终止退出 Terminations");
            pdf.table(List.of("发起 Initiated by", "发起单位 Unit", "发现记录 Discovery record", "黑名单原因 Blacklist reason",
                            "状态 Status", "发起时间 Started", "办结时间 Decided"),
                    terminations, t -> new Object[]{t.initiatedBy(), t.initiatorOrg(), t.discoveryRecord(),
                            t.blacklistReason(), t.status(), t.createdAt(), t.decidedAt()});
        }
        return pdf.finish();
    }

    /** 预览打印 of a shared data set about an enterprise: its records as a table, with where and when it came from. */
    public byte[] sharedData(CurrentActor actor, SharedDataGateway.SharedDataSet set) {
        Pdf.Form pdf = new Pdf.Form(font.font(), set.kind().nameZh() + " " + set.kind().nameEn(), false);
        pdf.note("统一社会信用代码 USCC " + set.enterpriseUscc() + "　来源 Source " + set.source() + "　获取时间 Fetched "
                + Pdf.time(set.fetchedAt()) + "　打印人 Printed by " + actor.username());
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        set.records().forEach(r -> keys.addAll(r.keySet()));
        if (set.records().isEmpty()) {
            pdf.note("无记录 No records");
        } else {
            List<String> headers = List.copyOf(keys);
            pdf.table(headers, set.records(), r -> headers.stream().map(k -> r.getOrDefault(k, "")).toArray());
        }
        return pdf.finish();
    }

    private static String stepName(String step) {
        try {
            return ApprovalStep.of(step).nameZh();
        } catch (RuntimeException e) {
            return step;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
