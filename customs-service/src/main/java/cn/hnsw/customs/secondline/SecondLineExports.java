package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.PageQuery;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The second line's Excel exports besides the declaration list: 调取结果导出 (FP 253, 994) — the pulled verification
 * lists with how much of each is written off, and the pull records — and 订阅记录导出 (FP 470). Same visibility as the
 * screens: an enterprise exports its own records, officers all or one enterprise's.
 */
@Service
public class SecondLineExports {

    private static final Logger LOG = LoggerFactory.getLogger(SecondLineExports.class);

    /** At most this many lists in one export (the screens page by {@link PageQuery#MAX_SIZE}). */
    static final int MAX_LISTS = 5000;

    private final SecondLineService lists;
    private final SubscriptionService subscriptions;

    public SecondLineExports(SecondLineService lists, SubscriptionService subscriptions) {
        this.lists = lists;
        this.subscriptions = subscriptions;
    }

    record Table(String name, List<String> titles, List<List<Object>> rows) {
    }

    @Transactional(readOnly = true)
    public byte[] verificationLists(CurrentActor actor, String enterprise, String listType, VerificationList.Status status,
                                    LocalDate from, LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (int page = 0; rows.size() < MAX_LISTS; page++) {
            var found = lists.search(actor, enterprise, listType, status, from, to, PageQuery.of(page, PageQuery.MAX_SIZE));
            for (VerificationList l : found.content()) {
                BigDecimal quantity = l.items().stream().map(VerificationList.Line::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal writtenOff = l.items().stream().map(VerificationList.Line::writtenOff).reduce(BigDecimal.ZERO, BigDecimal::add);
                rows.add(List.of(l.listNo(), l.listType(), l.enterpriseUscc(), nz(l.enterpriseName()), nz(l.ledgerNo()),
                        nz(l.supervisionMode()), l.declaredDate() == null ? "" : l.declaredDate().toString(), l.status().name(),
                        l.items().size(), quantity, writtenOff, l.findings() == null ? 0 : l.findings().size(),
                        l.pulledAt() == null ? "" : l.pulledAt().toString()));
            }
            if (found.content().size() < PageQuery.MAX_SIZE) {
                break;
            }
        }
        List<List<Object>> pulls = new ArrayList<>();
        for (VerificationListRepository.PullRecord p : lists.pulls(actor)) {
            pulls.add(List.of(p.pulledAt().toString(), nz(p.enterpriseUscc()), nz(p.requestedBy()), nz(p.listNo()),
                    p.from() == null ? "" : p.from().toString(), p.to() == null ? "" : p.to().toString(), nz(p.partner()),
                    nz(p.outcome()), p.listCount(), nz(p.error())));
        }
        LOG.info("verification lists exported by {}: {} lists, {} pull records", actor.username(), rows.size(), pulls.size());
        return workbook(List.of(
                new Table("核注清单", List.of("核注清单编号 List no.", "清单类型 Type", "经营企业 Enterprise", "企业名称 Name",
                        "账册号 Ledger", "监管方式 Supervision mode", "申报日期 Declared", "状态 Status", "表体项数 Lines",
                        "数量 Quantity", "已核扣 Written off", "校验问题 Findings", "调取时间 Pulled at"), rows),
                new Table("调取记录", List.of("调取时间 Pulled at", "企业 Enterprise", "调取人 By", "清单编号 List no.",
                        "起 From", "止 To", "来源 Source", "结果 Outcome", "清单数 Lists", "错误 Error"), pulls)));
    }

    @Transactional(readOnly = true)
    public byte[] subscriptions(CurrentActor actor, String enterprise) {
        List<List<Object>> rows = new ArrayList<>();
        for (SubscriptionService.Subscription s : subscriptions.list(actor, enterprise)) {
            rows.add(List.of(s.id().toString(), s.enterpriseUscc(), s.content().name(), s.validFrom().toString(),
                    s.validTo().toString(), s.status().name(), s.extensions(), nz(s.createdBy()), s.createdAt().toString()));
        }
        LOG.info("subscriptions exported by {}: {}", actor.username(), rows.size());
        return workbook(List.of(new Table("订阅记录", List.of("编号 Id", "企业 Enterprise", "订阅内容 Content",
                "起始日 Valid from", "截止日 Valid to", "状态 Status", "延期次数 Extensions", "申请人 By", "申请时间 Created"), rows)));
    }

    static byte[] workbook(List<Table> tables) {
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Table table : tables) {
                Sheet sheet = wb.createSheet(table.name());
                Row title = sheet.createRow(0);
                for (int c = 0; c < table.titles().size(); c++) {
                    title.createCell(c).setCellValue(table.titles().get(c));
                }
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v instanceof Number n) {
                            row.createCell(c).setCellValue(n.doubleValue());
                        } else {
                            row.createCell(c).setCellValue(String.valueOf(v));
                        }
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
