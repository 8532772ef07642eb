package cn.hnsw.ledger.equipment;

import java.util.List;
import java.util.Map;

/**
 * Where the vehicle/yacht and self-use equipment ledgers come from: customs (金关二期), asked sealed like every partner
 * message; the platform keeps no copy and changes nothing (数据对接, FP 1891 and 1895). The simulator of the simulators
 * module answers in development and tests.
 */
public interface EquipmentLedgerGateway {

    /** What customs answered: the ledgers (each with its items), the source named by customs, the message id. */
    record Answer(List<Map<String, Object>> ledgers, String source, String messageId) {
    }

    /** Every ledger of the kind of the enterprise, or only {@code ledgerNo} when given; throws when refused or unreachable. */
    Answer query(String enterprise, EquipmentLedgerKind kind, String ledgerNo);
}
