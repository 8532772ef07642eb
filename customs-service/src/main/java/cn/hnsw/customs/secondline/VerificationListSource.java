package cn.hnsw.customs.secondline;

import java.time.LocalDate;
import java.util.List;

/**
 * Where verification lists come from (spec §5 "核注清单 source interface"): H2018/金关二期 behind an adapter. Answers the
 * lists of one enterprise, by number or by declaration date range.
 */
public interface VerificationListSource {

    /** The partner id asked, for the pull record. */
    String partner();

    /** @throws ListSourceUnavailableException when the source cannot be reached or answers with an error */
    List<VerificationListData> query(String enterpriseUscc, String listNo, LocalDate from, LocalDate to);

    /** The source did not answer. */
    class ListSourceUnavailableException extends RuntimeException {
        public ListSourceUnavailableException(String message) {
            super(message);
        }
    }
}
