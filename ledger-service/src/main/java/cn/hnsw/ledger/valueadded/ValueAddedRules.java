package cn.hnsw.ledger.valueadded;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;

/** Reads the rule in force on a day: the latest {@code effective_from} not after it. */
@Repository
public class ValueAddedRules {

    public static final String HAINAN_PROCESSING_VA = "HAINAN_PROCESSING_VA";

    private final JdbcClient jdbc;

    public ValueAddedRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ValueAddedRule inForce(LocalDate day) {
        return jdbc.sql("""
                        SELECT rule_code, threshold_pct, effective_from, source_zh, source_en FROM value_added_rule
                        WHERE rule_code = :c AND effective_from <= :d ORDER BY effective_from DESC LIMIT 1""")
                .param("c", HAINAN_PROCESSING_VA).param("d", java.sql.Date.valueOf(day))
                .query(ValueAddedRule.class).single();
    }
}
