package cn.hnsw.ledger.credit;

import cn.hnsw.common.web.HnswException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps the credit customs last sent for each enterprise, with when it was fetched. A profile older than
 * {@code hnsw.ledger.credit.max-age} (default 12 h) is fetched again when read; when customs cannot be reached the kept
 * one is shown as stale, and the home page never fails for it.
 */
@Service
public class CreditService {

    private static final Logger log = LoggerFactory.getLogger(CreditService.class);

    private final JdbcClient jdbc;
    private final CreditGateway gateway;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration maxAge;

    public CreditService(JdbcClient jdbc, CreditGateway gateway, ObjectMapper json, Clock clock,
                         @Value("${hnsw.ledger.credit.max-age:12h}") Duration maxAge) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.json = json;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /**
     * What the home page shows.
     *
     * @param stale  the profile is the kept one because customs could not be reached just now
     * @param reason why there is no (fresh) profile, Chinese / English; null when fresh
     */
    public record CreditView(CreditProfile profile, boolean stale, String reasonZh, String reasonEn) {
    }

    /** The kept profile if fresh enough, else fetched now; never throws for customs being unreachable. */
    public CreditView current(String enterprise) {
        Optional<CreditProfile> kept = kept(enterprise);
        if (kept.isPresent() && kept.get().fetchedAt().plus(maxAge).isAfter(clock.instant())) {
            return new CreditView(kept.get(), false, null, null);
        }
        try {
            return new CreditView(refresh(enterprise), false, null, null);
        } catch (HnswException e) {
            log.warn("event=credit-fetch-failed enterprise={} code={}", enterprise, e.errorCode().code());
            return new CreditView(kept.orElse(null), kept.isPresent(), "信用信息暂时无法从海关获取，显示的是上次获取的结果",
                    "Credit information cannot be fetched from customs just now; showing the last result fetched");
        }
    }

    /** 获取: fetches the profile from customs now and keeps it; refused (503/502) when customs cannot answer. */
    public CreditProfile refresh(String enterprise) {
        CreditProfile p = gateway.query(enterprise);
        jdbc.sql("""
                        INSERT INTO enterprise_credit (enterprise, enterprise_name, credit_grade, credit_report,
                            clearance_rating, comprehensive_evaluation, registration_status, source, message_id, fetched_at)
                        VALUES (:e, :n, :g, CAST(:cr AS jsonb), CAST(:sl AS jsonb), CAST(:ce AS jsonb), :rs, :src, :m, :at)
                        ON CONFLICT (enterprise) DO UPDATE SET enterprise_name = EXCLUDED.enterprise_name,
                            credit_grade = EXCLUDED.credit_grade, credit_report = EXCLUDED.credit_report,
                            clearance_rating = EXCLUDED.clearance_rating,
                            comprehensive_evaluation = EXCLUDED.comprehensive_evaluation,
                            registration_status = EXCLUDED.registration_status, source = EXCLUDED.source,
                            message_id = EXCLUDED.message_id, fetched_at = EXCLUDED.fetched_at""")
                .param("e", enterprise).param("n", p.enterpriseName()).param("g", p.creditGrade())
                .param("cr", write(p.creditReport())).param("sl", write(p.clearanceRating()))
                .param("ce", write(p.comprehensiveEvaluation())).param("rs", p.registrationStatus())
                .param("src", p.source()).param("m", p.messageId()).param("at", Timestamp.from(clock.instant())).update();
        log.info("event=credit-fetched enterprise={} grade={} messageId={}", enterprise, p.creditGrade(), p.messageId());
        return kept(enterprise).orElseThrow();
    }

    public Optional<CreditProfile> kept(String enterprise) {
        return jdbc.sql("""
                        SELECT enterprise, enterprise_name, credit_grade, credit_report::text, clearance_rating::text,
                               comprehensive_evaluation::text, registration_status, source, message_id, fetched_at
                        FROM enterprise_credit WHERE enterprise = :e""")
                .param("e", enterprise).query((rs, n) -> new CreditProfile(rs.getString(1), rs.getString(2),
                        rs.getString(3), CreditProfile.gradeZh(rs.getString(3)), read(rs.getString(4)),
                        read(rs.getString(5)), read(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getTimestamp(10).toInstant())).optional();
    }

    private String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> read(String value) {
        try {
            return json.readValue(value, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
