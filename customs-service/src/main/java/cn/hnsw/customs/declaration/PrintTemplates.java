package cn.hnsw.customs.declaration;

import cn.hnsw.common.security.CurrentActor;
import cn.hnsw.common.web.HnswException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** 打印模版设置 and the print check (FP 94–100, 160–166): operators keep one template per declaration type. */
@Service
public class PrintTemplates {

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    public PrintTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The template in force for the type: the operator's, or the standard form. */
    public PrintTemplate of(DeclarationType type) {
        return jdbc.sql("SELECT * FROM print_template WHERE declaration_type = :t").param("t", type.name())
                .query((rs, n) -> new PrintTemplate(type, rs.getString("title"), rs.getString("footer"),
                        Arrays.stream(rs.getString("item_columns").split(",")).map(PrintTemplate.Column::valueOf).toList(),
                        statuses(rs.getString("printable_statuses")), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getInt("version")))
                .optional().orElseGet(() -> PrintTemplate.standard(type));
    }

    public List<PrintTemplate> all() {
        List<PrintTemplate> all = new ArrayList<>();
        for (DeclarationType t : DeclarationType.values()) {
            all.add(of(t));
        }
        return all;
    }

    @Transactional
    public PrintTemplate save(CurrentActor actor, DeclarationType type, PrintTemplate.Change change) {
        if (change.itemColumns() == null || change.itemColumns().isEmpty()
                || !change.itemColumns().contains(PrintTemplate.Column.HS_CODE)) {
            throw new HnswException(CustomsErrorCode.PRINT_TEMPLATE_INVALID, "商品编号列不可去掉 / the HS code column stays");
        }
        if (change.printableStatuses() == null || change.printableStatuses().isEmpty()
                || change.printableStatuses().contains(DeclarationStatus.DELETED)) {
            throw new HnswException(CustomsErrorCode.PRINT_TEMPLATE_INVALID,
                    "可打印状态至少一项且不含已删除 / at least one printable state, never deleted");
        }
        if (length(change.title()) > 100 || length(change.footer()) > 300) {
            throw new HnswException(CustomsErrorCode.PRINT_TEMPLATE_INVALID, "title ≤ 100, footer ≤ 300");
        }
        int expected = change.version() == null ? -1 : change.version();
        PrintTemplate current = of(type);
        if (expected != current.version()) {
            throw new HnswException(CustomsErrorCode.PRINT_TEMPLATE_VERSION_CONFLICT);
        }
        Instant now = clock.instant();
        String columns = new LinkedHashSet<>(change.itemColumns()).stream().map(Enum::name).collect(Collectors.joining(","));
        String statuses = change.printableStatuses().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        jdbc.sql("""
                INSERT INTO print_template (declaration_type, title, footer, item_columns, printable_statuses, updated_by,
                    updated_at, version)
                VALUES (:t, :title, :footer, :cols, :st, :by, :at, 1)
                ON CONFLICT (declaration_type) DO UPDATE SET title = EXCLUDED.title, footer = EXCLUDED.footer,
                    item_columns = EXCLUDED.item_columns, printable_statuses = EXCLUDED.printable_statuses,
                    updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at,
                    version = print_template.version + 1""")
                .param("t", type.name()).param("title", blankToNull(change.title()))
                .param("footer", blankToNull(change.footer())).param("cols", columns).param("st", statuses)
                .param("by", actor.username()).param("at", Timestamp.from(now)).update();
        return of(type);
    }

    /** 打印校验: the declaration printed by its type's template, or refused when its state is not printable. */
    public String print(DeclarationDocument d) {
        PrintTemplate template = of(d.declarationType());
        if (!template.printableStatuses().contains(d.status())) {
            throw new HnswException(CustomsErrorCode.PRINT_NOT_ALLOWED, d.declarationType().nameZh(), d.status().nameZh());
        }
        return DeclarationPrint.html(d, template);
    }

    private static Set<DeclarationStatus> statuses(String csv) {
        Set<DeclarationStatus> set = EnumSet.noneOf(DeclarationStatus.class);
        for (String s : csv.split(",")) {
            set.add(DeclarationStatus.valueOf(s));
        }
        return set;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
