package cn.hnsw.ledger.posting;

import org.springframework.stereotype.Service;

import java.util.List;

/** What other features may ask about ledgers (their controllers do not reach into this feature's repository). */
@Service
public class Ledgers {

    private final LedgerRepository repository;

    public Ledgers(LedgerRepository repository) {
        this.repository = repository;
    }

    /** @throws cn.hnsw.common.web.HnswException {@code LEDGER_NOT_FOUND} */
    public Ledger get(long id) {
        return repository.get(id);
    }

    /** The ledgers of one enterprise, or of all where null, newest first. */
    public List<Ledger> list(String enterprise) {
        return repository.list(enterprise);
    }
}
