package cn.hnsw.simulators.passenger;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The customs simulator's duty-free allowance and duty rates, kept as data in {@code passenger/duty-table.json}
 * (docs/passenger-duty-table.md gives the table and its sources).
 */
public record DutyTable(String source, BigDecimal residentAllowanceCny, Map<String, BigDecimal> exchangeRates,
                        Map<String, CategoryRule> categories) {

    /** Duty rate of a category; {@code inAllowance}: counts against the allowance; {@code freeQuantity}: free units. */
    public record CategoryRule(BigDecimal rate, boolean inAllowance, BigDecimal freeQuantity, String nameZh) {
    }

    public static DutyTable load(ObjectMapper json) {
        try (InputStream in = DutyTable.class.getClassLoader().getResourceAsStream("passenger/duty-table.json")) {
            if (in == null) {
                throw new IllegalStateException("passenger/duty-table.json is missing");
            }
            return json.readValue(in, DutyTable.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
