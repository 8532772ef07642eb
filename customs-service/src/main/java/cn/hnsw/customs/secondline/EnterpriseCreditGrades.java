package cn.hnsw.customs.secondline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 客户信用等级 (FP 447): keeps the credit grade of the enterprises the second-line statistics count, asking the
 * {@link EnterpriseCreditSource} for those without a grade or with one older than a day. When the source cannot be
 * reached the grades already kept are used and the others count as not known ("-").
 */
@Component
public class EnterpriseCreditGrades {

    private static final Logger LOG = LoggerFactory.getLogger(EnterpriseCreditGrades.class);
    static final Duration FRESH = Duration.ofDays(1);
    /** Enterprises asked in one query. */
    static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final EnterpriseCreditSource source;
    private final Clock clock = Clock.systemUTC();

    public EnterpriseCreditGrades(JdbcClient jdbc, EnterpriseCreditSource source) {
        this.jdbc = jdbc;
        this.source = source;
    }

    /** Refreshes the stale grades of the second-line declarants in scope ({@code enterprise} null: all). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int refresh(String enterprise) {
        Instant now = clock.instant();
        List<String> stale = jdbc.sql("""
                SELECT DISTINCT d.enterprise_uscc FROM customs_declaration d
                  LEFT JOIN enterprise_credit_grade g ON g.enterprise_uscc = d.enterprise_uscc
                WHERE d.declaration_type IN ('SECOND_LINE_DOMESTIC_SALE', 'SECOND_LINE_GENERAL', 'CONSOLIDATED')
                  AND (CAST(:e AS varchar) IS NULL OR d.enterprise_uscc = :e)
                  AND (g.fetched_at IS NULL OR g.fetched_at < :fresh)
                ORDER BY 1 LIMIT :limit""")
                .param("e", enterprise).param("fresh", Timestamp.from(now.minus(FRESH))).param("limit", BATCH)
                .query(String.class).list();
        if (stale.isEmpty()) {
            return 0;
        }
        Map<String, String> grades;
        try {
            grades = source.grades(stale);
        } catch (EnterpriseCreditSource.UnavailableException e) {
            LOG.warn("event=credit-grades-unavailable partner={} enterprises={} error=\"{}\"", source.partner(),
                    stale.size(), e.getMessage());
            return 0;
        }
        grades.forEach((uscc, grade) -> jdbc.sql("""
                INSERT INTO enterprise_credit_grade (enterprise_uscc, grade, source, fetched_at) VALUES (:e, :g, :s, :at)
                ON CONFLICT (enterprise_uscc) DO UPDATE SET grade = EXCLUDED.grade, source = EXCLUDED.source,
                    fetched_at = EXCLUDED.fetched_at""")
                .param("e", uscc).param("g", grade).param("s", source.partner()).param("at", Timestamp.from(now))
                .update());
        LOG.info("event=credit-grades-refreshed partner={} asked={} graded={}", source.partner(), stale.size(), grades.size());
        return grades.size();
    }
}
