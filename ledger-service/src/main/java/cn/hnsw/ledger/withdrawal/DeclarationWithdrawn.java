package cn.hnsw.ledger.withdrawal;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What customs' declaration system publishes on {@code hnsw.customs.declaration-withdrawn} when a lodged declaration is
 * withdrawn (撤销) or deleted (删单): the ledger it posted against and the items the posting moved. This service's own
 * reading of customs' event; unknown fields are ignored so that customs may add some.
 *
 * @param reason         WITHDRAWN or DELETED
 * @param ledgerRollback whether customs asks the ledger to roll back the declaration's posting
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeclarationWithdrawn(UUID declarationId, String preEntryNo, String enterpriseUscc, String ledgerNo,
                                   String reason, boolean ledgerRollback, List<PostedItem> items, Instant at) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PostedItem(int seq, String hsCode, String name, BigDecimal quantity, String unit) {
    }
}
