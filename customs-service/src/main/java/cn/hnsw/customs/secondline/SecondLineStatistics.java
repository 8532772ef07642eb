package cn.hnsw.customs.secondline;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.security.EnterpriseScope;
import cn.hnsw.common.web.HnswException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * 二线报关单统计 (FP 442–458): the second-line declarations (domestic sale, general, consolidated) counted along one
 * dimension at a time — declarations, goods items, quantity, net weight and value per bucket — shown as JSON and
 * exported to Excel with one sheet per dimension. Enterprises count their own declarations; officers count all or one
 * enterprise's. Deleted drafts are not counted.
 */
@Service
public class SecondLineStatistics {

    private static final Logger LOG = LoggerFactory.getLogger(SecondLineStatistics.class);

    /** What a bucket is keyed by. {@code itemLevel} dimensions key by a goods item's field, the others by the declaration's. */
    public enum Dimension {
        /** 商品类别 (FP 442): the HS chapter. */
        COMMODITY_CATEGORY("商品类别（章）", "Commodity category (HS chapter)", "left(i.hs_code, 2)"),
        /** 商品数量/重量 (FP 443–444): the commodity code, with its quantity and net weight. */
        COMMODITY("商品编号（数量、重量）", "Commodity (quantity, weight)", "i.hs_code"),
        /** 原产地 (FP 445). */
        ORIGIN("原产国（地区）", "Origin", "i.origin_country"),
        /** 关税分类 (FP 446): the tariff heading (four digits of the HS code). */
        TARIFF_HEADING("税则品目", "Tariff heading", "left(i.hs_code, 4)"),
        /** 月份/季度/年份 (FP 448), on the declaration's creation time in China Standard Time. */
        PERIOD("期间", "Period", null),
        /** 处理时长 (FP 449): per declaration type, the hours from declaring to the last business receipt. */
        PROCESSING_TIME("处理时长（按报关单类型）", "Processing time (by declaration type)", "d.declaration_type"),
        /** 发货日期 (FP 450): the shipping date of the verification list the declaration was filled from (H2018 gives it). */
        SHIPPING_DATE("发货日期", "Shipping date",
                "(SELECT to_char(v.shipping_date, 'YYYY-MM-DD') FROM verification_list v WHERE v.list_no = d.verification_list_no)"),
        /** 到达日期 (FP 450): the day of the latest arrival report (运抵申报). */
        ARRIVAL_DATE("运抵日期", "Arrival date",
                "to_char((SELECT max(a.created_at) FROM arrival_report a WHERE a.declaration_id = d.id) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')"),
        /** 运输方式 (FP 451). */
        TRANSPORT_MODE("运输方式", "Transport mode", "d.transport_mode"),
        /** 目的国 (FP 452): the items' final destination. */
        DESTINATION("最终目的国（地区）", "Destination", "i.destination_country"),
        /** 清关状态 (FP 453). */
        STATUS("清关状态", "Clearance status", "d.status"),
        /** 客户信用等级 (FP 447): the declaring enterprise's customs credit grade, from the Single Window. */
        CREDIT_GRADE("客户信用等级", "Customer credit grade",
                "(SELECT g.grade FROM enterprise_credit_grade g WHERE g.enterprise_uscc = d.enterprise_uscc)");

        private final String nameZh;
        private final String nameEn;
        private final String key;

        Dimension(String nameZh, String nameEn, String key) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.key = key;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }

        static Dimension parse(String value) {
            try {
                return valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new HnswException(SecondLineErrorCode.STATISTIC_INVALID, value);
            }
        }
    }

    /** 月份/季度/年份. */
    public enum Period {
        MONTH("YYYY-MM"), QUARTER("YYYY-\"Q\"Q"), YEAR("YYYY");

        private final String format;

        Period(String format) {
            this.format = format;
        }

        static Period parse(String value) {
            try {
                return value == null || value.isBlank() ? MONTH : valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new HnswException(SecondLineErrorCode.STATISTIC_INVALID, value);
            }
        }
    }

    /**
     * {@code taxes}: 税费总额 (FP 454), the duty and VAT in yuan H2018's business receipts levied on the counted items;
     * {@code averageHours} only for {@link Dimension#PROCESSING_TIME} (declarations that have a business receipt).
     */
    public record Bucket(String key, long declarations, long items, BigDecimal quantity, BigDecimal netWeight,
                         BigDecimal totalPrice, BigDecimal taxes, BigDecimal averageHours) {
    }

    public record Result(Dimension dimension, String nameZh, String nameEn, Instant from, Instant to,
                         List<Bucket> buckets) {
    }

    /** An empty key: the field was not filled (or, for arrival dates, no arrival report yet). */
    public static final String NOT_FILLED = "-";

    private final JdbcClient jdbc;
    private final EnterpriseCreditGrades credit;

    public SecondLineStatistics(JdbcClient jdbc, EnterpriseCreditGrades credit) {
        this.jdbc = jdbc;
        this.credit = credit;
    }

    @Transactional(readOnly = true)
    public Result count(CurrentActor actor, String dimension, String period, String enterprise, Instant from, Instant to) {
        Dimension d = Dimension.parse(dimension);
        Period p = Period.parse(period);
        checkRange(from, to);
        String scope = EnterpriseScope.restrictionFor(actor).orElse(blank(enterprise));
        Result result = new Result(d, d.nameZh(), d.nameEn(), from, to, buckets(d, p, scope, from, to));
        LOG.info("second-line statistics {} period={} enterprise={} by {}: {} buckets", d, p, scope, actor.username(),
                result.buckets().size());
        return result;
    }

    /** 统计结果导出Excel (FP 456): one sheet per dimension asked for, all dimensions when none is. */
    @Transactional(readOnly = true)
    public byte[] export(CurrentActor actor, List<String> dimensions, String period, String enterprise, Instant from,
                         Instant to) {
        List<Dimension> asked = new ArrayList<>();
        if (dimensions == null || dimensions.isEmpty()) {
            asked.addAll(List.of(Dimension.values()));
        } else {
            dimensions.forEach(name -> asked.add(Dimension.parse(name)));
        }
        Period p = Period.parse(period);
        checkRange(from, to);
        String scope = EnterpriseScope.restrictionFor(actor).orElse(blank(enterprise));
        try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (Dimension d : asked) {
                Sheet sheet = wb.createSheet(d.name());
                Row title = sheet.createRow(0);
                String[] titles = {d.nameZh() + " " + d.nameEn(), "报关单数 Declarations", "商品项数 Items",
                        "数量 Quantity", "净重(千克) Net weight (kg)", "总价 Value", "税费总额(元) Taxes (CNY)",
                        "平均处理时长(小时) Average hours"};
                for (int c = 0; c < titles.length; c++) {
                    title.createCell(c).setCellValue(titles[c]);
                }
                int r = 1;
                for (Bucket b : buckets(d, p, scope, from, to)) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(b.key());
                    row.createCell(1).setCellValue(b.declarations());
                    row.createCell(2).setCellValue(b.items());
                    number(row, 3, b.quantity());
                    number(row, 4, b.netWeight());
                    number(row, 5, b.totalPrice());
                    number(row, 6, b.taxes());
                    number(row, 7, b.averageHours());
                }
            }
            wb.write(out);
            LOG.info("second-line statistics exported {} period={} enterprise={} by {}", asked, p, scope, actor.username());
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Bucket> buckets(Dimension d, Period p, String enterprise, Instant from, Instant to) {
        if (d == Dimension.CREDIT_GRADE) {
            credit.refresh(enterprise);
        }
        String key = d == Dimension.PERIOD
                ? "to_char(d.created_at AT TIME ZONE 'Asia/Shanghai', '" + p.format + "')"
                : d.key;
        String hours = d == Dimension.PROCESSING_TIME
                ? "avg(extract(epoch FROM (SELECT max(r.received_at) FROM customs_receipt r WHERE r.declaration_id = d.id AND r.kind = 'BUSINESS') - d.submitted_at)) / 3600"
                : "NULL::numeric";
        return jdbc.sql("SELECT COALESCE(" + key + ", '" + NOT_FILLED + "') AS k, count(DISTINCT d.id) AS declarations,"
                        + " count(i.seq) AS items, sum(i.quantity) AS quantity, sum(i.net_weight) AS net_weight,"
                        + " sum(i.total_price) AS total_price, sum(tx.total) AS taxes, " + hours + " AS hours"
                        + """
                         FROM customs_declaration d
                          LEFT JOIN customs_declaration_item i ON i.declaration_id = d.id
                          LEFT JOIN declaration_item_tax tx ON tx.declaration_id = i.declaration_id AND tx.seq = i.seq
                        WHERE d.declaration_type IN ('SECOND_LINE_DOMESTIC_SALE', 'SECOND_LINE_GENERAL', 'CONSOLIDATED')
                          AND d.status <> 'DELETED'
                          AND (CAST(:e AS varchar) IS NULL OR d.enterprise_uscc = :e)
                          AND (CAST(:f AS timestamptz) IS NULL OR d.created_at >= :f)
                          AND (CAST(:t AS timestamptz) IS NULL OR d.created_at < :t)
                        GROUP BY 1 ORDER BY 1""")
                .param("e", enterprise)
                .param("f", from == null ? null : Timestamp.from(from))
                .param("t", to == null ? null : Timestamp.from(to))
                .query((rs, n) -> new Bucket(rs.getString("k"), rs.getLong("declarations"), rs.getLong("items"),
                        rs.getBigDecimal("quantity"), rs.getBigDecimal("net_weight"), rs.getBigDecimal("total_price"),
                        rs.getBigDecimal("taxes"), rs.getBigDecimal("hours") == null ? null : rs.getBigDecimal("hours").setScale(2, RoundingMode.HALF_UP)))
                .list();
    }

    private static void checkRange(Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw new HnswException(SecondLineErrorCode.STATISTIC_INVALID, from + "–" + to);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
