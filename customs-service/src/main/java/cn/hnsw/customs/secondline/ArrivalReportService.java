package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import cn.hnsw.customs.exchange.OutboundQueue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * 运抵申报 (spec §3.5 prose): the supervised site's operator creates, temp-saves and declares an arrival report when
 * second-line goods of a declared declaration (or a verification list) reach its site; the sealed report goes to
 * H2018, whose control decision (布控), inspection result (查验), vehicle control and gate pass (核放单) come back as
 * receipts ({@link SecondLineReceipts}).
 */
@Service
public class ArrivalReportService {

    /** Mainland plates: province character, letter, 5 (or 6 for new-energy) characters. */
    private static final Pattern PLATE = Pattern.compile(
            "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂]");
    private static final Set<String> DECLARED = Set.of("SUBMITTED", "SW_ACCEPTED", "ACCEPTED", "RELEASED");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ArrivalReportRepository arrivals;
    private final VerificationListRepository lists;
    private final SecondLineReceipts receipts;
    private final OutboundQueue queue;
    private final JdbcClient jdbc;
    private final String partner;
    private final Clock clock = Clock.systemUTC();

    public ArrivalReportService(ArrivalReportRepository arrivals, VerificationListRepository lists,
                                SecondLineReceipts receipts, OutboundQueue queue, JdbcClient jdbc,
                                @Value("${hnsw.customs.second-line.arrival-partner:customs-h2018}") String partner) {
        this.arrivals = arrivals;
        this.lists = lists;
        this.receipts = receipts;
        this.queue = queue;
        this.jdbc = jdbc;
        this.partner = partner;
    }

    /** 运抵申报录入. */
    public record ArrivalRequest(String siteCode, String preEntryNo, String verificationListNo, String vehiclePlate,
                                 String containerNo, String gateCode, Instant arrivedAt) {
    }

    /** The arrival report message (docs/customs-second-line.md). */
    public record ArrivalMessage(String messageType, UUID conversationId, String reportNo, String siteCode,
                                 String operatorUscc, String enterpriseUscc, String preEntryNo, String customsNo,
                                 String verificationListNo, String vehiclePlate, String containerNo, String gateCode,
                                 Instant arrivedAt) {
    }

    /** 暂存: a new report in DRAFT. */
    @Transactional
    public ArrivalReport create(CurrentActor actor, ArrivalRequest request) {
        String operator = SecondLineService.enterpriseOf(actor);
        ArrivalReportRepository.Site site = siteRunBy(request.siteCode(), operator);
        checkVehicle(request);
        Subject subject = subject(request.preEntryNo(), request.verificationListNo());
        Instant now = clock.instant();
        String reportNo = "YD" + site.customsCode() + now.atZone(SHANGHAI).getYear()
                + String.format("%08d", arrivals.nextSerial() % 100_000_000);
        UUID id = UUID.randomUUID();
        arrivals.insert(new ArrivalReport(id, reportNo, site.siteCode(), operator, actor.username(), subject.enterprise(),
                subject.declarationId(), null, subject.listNo(), request.vehiclePlate().trim(), blank(request.containerNo()),
                blank(request.gateCode()), request.arrivedAt() == null ? now : request.arrivedAt(),
                ArrivalReport.Status.DRAFT, UUID.randomUUID(), null, null, null, null, now, null, now));
        return arrivals.find(id).orElseThrow();
    }

    /** 暂存 again: vehicle, container, gate and time while DRAFT. */
    @Transactional
    public ArrivalReport update(CurrentActor actor, UUID id, ArrivalRequest request) {
        ArrivalReport a = operated(actor, id);
        if (a.status() != ArrivalReport.Status.DRAFT) {
            throw new HnswException(SecondLineErrorCode.ARRIVAL_STATE, a.status().name(), "修改");
        }
        checkVehicle(request);
        arrivals.edit(id, request.vehiclePlate().trim(), blank(request.containerNo()), blank(request.gateCode()),
                request.arrivedAt() == null ? a.arrivedAt() : request.arrivedAt(), clock.instant());
        return arrivals.find(id).orElseThrow();
    }

    /** 运抵申报: sealed to H2018, which decides control and inspection. */
    @Transactional
    public ArrivalReport declare(CurrentActor actor, UUID id) {
        ArrivalReport a = operated(actor, id);
        if (a.status() != ArrivalReport.Status.DRAFT) {
            throw new HnswException(SecondLineErrorCode.ARRIVAL_STATE, a.status().name(), "申报");
        }
        String customsNo = null;
        if (a.declarationId() != null) {
            Map<String, Object> d = jdbc.sql("SELECT status, customs_no FROM customs_declaration WHERE id = :id")
                    .param("id", a.declarationId()).query().singleRow();
            if (!DECLARED.contains((String) d.get("status"))) {
                throw new HnswException(SecondLineErrorCode.ARRIVAL_SUBJECT_NOT_DECLARED);
            }
            customsNo = (String) d.get("customs_no");
        }
        Instant now = clock.instant();
        arrivals.declared(id, now);
        queue.enqueueForSubject(a.conversationId(), id, a.operatorUscc(), partner, SecondLineReceipts.ARRIVAL_REPORT,
                new ArrivalMessage(SecondLineReceipts.ARRIVAL_REPORT, a.conversationId(), a.reportNo(), a.siteCode(),
                        a.operatorUscc(), a.enterpriseUscc(), a.preEntryNo(), customsNo, a.verificationListNo(),
                        a.vehiclePlate(), a.containerNo(), a.gateCode(), a.arrivedAt()), now);
        return arrivals.find(id).orElseThrow();
    }

    /** The operator's reports, the reports about an enterprise's goods, or all for officers. */
    @Transactional(readOnly = true)
    public List<ArrivalReport> list(CurrentActor actor, String siteCode) {
        return arrivals.search(EnterpriseScope.restrictionFor(actor).orElse(null), blank(siteCode), 200);
    }

    @Transactional(readOnly = true)
    public Map<String, Object> detail(CurrentActor actor, UUID id) {
        ArrivalReport a = arrivals.find(id).orElseThrow(() -> new HnswException(SecondLineErrorCode.ARRIVAL_NOT_FOUND));
        var own = EnterpriseScope.restrictionFor(actor);
        if (own.isPresent() && !own.get().equals(a.operatorUscc()) && !own.get().equals(a.enterpriseUscc())) {
            throw new HnswException(SecondLineErrorCode.ARRIVAL_NOT_FOUND);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("report", a);
        out.put("receipts", receipts.receiptsOf(id));
        return out;
    }

    @Transactional(readOnly = true)
    public List<ArrivalReportRepository.Site> sites() {
        return arrivals.sites();
    }

    @Transactional
    public ArrivalReportRepository.Site saveSite(ArrivalReportRepository.Site site, String by) {
        arrivals.saveSite(site, by);
        return arrivals.site(site.siteCode()).orElseThrow();
    }

    private ArrivalReportRepository.Site siteRunBy(String siteCode, String operator) {
        ArrivalReportRepository.Site site = Optional.ofNullable(siteCode).flatMap(arrivals::site)
                .filter(ArrivalReportRepository.Site::enabled)
                .orElseThrow(() -> new HnswException(SecondLineErrorCode.SITE_NOT_FOUND, siteCode));
        if (!site.operatorUscc().equals(operator)) {
            throw new HnswException(SecondLineErrorCode.NOT_SITE_OPERATOR);
        }
        return site;
    }

    private ArrivalReport operated(CurrentActor actor, UUID id) {
        String operator = SecondLineService.enterpriseOf(actor);
        ArrivalReport a = arrivals.find(id).orElseThrow(() -> new HnswException(SecondLineErrorCode.ARRIVAL_NOT_FOUND));
        if (!a.operatorUscc().equals(operator)) {
            if (a.enterpriseUscc().equals(operator)) {
                throw new HnswException(SecondLineErrorCode.NOT_SITE_OPERATOR);
            }
            throw new HnswException(SecondLineErrorCode.ARRIVAL_NOT_FOUND);
        }
        return a;
    }

    private void checkVehicle(ArrivalRequest request) {
        if (request.vehiclePlate() == null || !PLATE.matcher(request.vehiclePlate().trim()).matches()) {
            throw new HnswException(SecondLineErrorCode.VEHICLE_PLATE_INVALID, request.vehiclePlate());
        }
    }

    private record Subject(String enterprise, UUID declarationId, String listNo) {
    }

    /** The second-line declaration (by pre-entry number) or the pulled list the goods travel under. */
    private Subject subject(String preEntryNo, String listNo) {
        if (preEntryNo != null && !preEntryNo.isBlank()) {
            return jdbc.sql("""
                    SELECT id, enterprise_uscc, verification_list_no FROM customs_declaration WHERE pre_entry_no = :p
                      AND declaration_type IN ('SECOND_LINE_DOMESTIC_SALE', 'SECOND_LINE_GENERAL', 'CONSOLIDATED')
                      AND status <> 'DELETED'""")
                    .param("p", preEntryNo.trim())
                    .query((rs, n) -> new Subject(rs.getString("enterprise_uscc"), rs.getObject("id", UUID.class),
                            rs.getString("verification_list_no")))
                    .optional().orElseThrow(() -> new HnswException(SecondLineErrorCode.ARRIVAL_SUBJECT_NOT_FOUND));
        }
        if (listNo != null && !listNo.isBlank()) {
            return lists.findByNo(listNo.trim()).map(l -> new Subject(l.enterpriseUscc(), null, l.listNo()))
                    .orElseThrow(() -> new HnswException(SecondLineErrorCode.ARRIVAL_SUBJECT_NOT_FOUND));
        }
        throw new HnswException(SecondLineErrorCode.ARRIVAL_SUBJECT_NOT_FOUND);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
