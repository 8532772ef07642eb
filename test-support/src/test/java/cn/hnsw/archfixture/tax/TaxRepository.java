package cn.hnsw.archfixture.tax;

import cn.hnsw.ledger.fixture.LedgerPosting;

/** Fixture: uses another service's class. */
public class TaxRepository {
    LedgerPosting posting;
}
