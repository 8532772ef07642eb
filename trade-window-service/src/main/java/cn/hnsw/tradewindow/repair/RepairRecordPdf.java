package cn.hnsw.tradewindow.repair;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.tradewindow.repair.RepairRepository.Application;
import cn.hnsw.tradewindow.repair.RepairRepository.SupervisionRecord;
import cn.hnsw.tradewindow.support.Pdf;
import cn.hnsw.tradewindow.support.TradeWindowFont;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 预览打印 — a repair re-entry qualification application as a PDF: the application (kind, conveyance, case number,
 * status, the 3-working-day deadline), its documents, the review result and opinion of the competent department and
 * of the related unit, and the supervision records (customs assistance requests, self-use of repaired goods,
 * enterprise changes, tax information). Who may read the application may print it.
 */
@Component
public class RepairRecordPdf {

    private static final Map<String, String> SUPERVISION = Map.of(
            "CUSTOMS_ASSISTANCE", "海关协助需求 Customs assistance request",
            "AIRCRAFT_SELF_USE", "航空器货物运营自用 Aircraft goods self-use",
            "SHIP_SELF_USE", "船舶货物运营自用 Ship goods self-use",
            "ENTERPRISE_CHANGE", "享惠企业变更 Enterprise change",
            "TAX_INFO", "享惠企业纳税 Tax information");

    private final RepairPreferenceService service;
    private final TradeWindowFont font;
    private final Clock clock;

    public RepairRecordPdf(RepairPreferenceService service, TradeWindowFont font, Clock clock) {
        this.service = service;
        this.font = font;
        this.clock = clock;
    }

    public byte[] render(CurrentActor actor, UUID id) {
        RepairPreferenceService.ApplicationView view = service.read(actor, id);
        Application a = view.application();
        List<SupervisionRecord> supervision = service.supervision(actor, id);
        Pdf.Form pdf = new Pdf.Form(font.font(),
                "航空器、船舶暂时出境修理复运入岛享惠资格审核记录 Repair re-entry qualification record", false);
        pdf.note("打印时间 Printed at " + Pdf.time(clock.instant()) + "　打印人 Printed by " + actor.username());
        pdf.section("申请信息 Application");
        pdf.fields("办件编号 Case no.", nz(a.caseNumber()), "状态 Status", a.status(),
                "企业 Enterprise", a.enterpriseName(), "统一社会信用代码 USCC", a.enterpriseUscc(),
                "类型 Kind", "AVIATION".equals(a.kind()) ? "航空 Aviation" : "航运 Shipping",
                "申请类别 Application", nz(a.applicationType()),
                "航空器/船舶 Conveyance", nz(a.conveyance()), "IMO", nz(a.imoNumber()),
                "市县 Region", nz(a.regionCode()), "变更内容 Change", nz(a.changeSummary()),
                "提交时间 Submitted", Pdf.time(a.submittedAt()), "审核期限 Due", Pdf.time(a.dueAt()),
                "办结时间 Decided", Pdf.time(a.decidedAt()), "是否超期 Overdue", view.overdue() ? "是 Yes" : "否 No");
        pdf.section("申请材料 Documents");
        pdf.table(List.of("材料类型 Type", "文件名 File", "上传人 Uploaded by", "上传时间 Uploaded at", "状态 State"),
                view.documents(), d -> new Object[]{d.type().nameZh(), d.fileName(), d.uploadedBy(), d.uploadedAt(),
                        d.revokedAt() == null ? "有效 Active" : "已撤回 Revoked"});
        pdf.section("审核意见 Review opinions");
        pdf.table(List.of("单位 Unit", "结论 Result", "意见 Opinion", "审核人 Reviewer", "时间 Time"),
                List.of(new Object[]{"行业主管单位 " + nz(a.competentOrg()), a.competentResult(), a.competentOpinion(),
                                a.competentBy(), a.competentAt()},
                        new Object[]{"有关单位 " + nz(a.relatedOrg()), a.relatedResult(), a.relatedOpinion(), a.relatedBy(),
                                a.relatedAt()}),
                row -> row);
        pdf.section("监管信息 Supervision");
        pdf.table(List.of("类别 Kind", "内容 Content", "记录人 By", "单位 Unit", "时间 Time", "状态 State"),
                supervision, s -> new Object[]{SUPERVISION.getOrDefault(s.kind(), s.kind()), s.content(), s.createdBy(),
                        s.organization(), s.createdAt(), s.revokedAt() == null ? "有效 Active" : "已撤销 Revoked"});
        return pdf.finish();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
