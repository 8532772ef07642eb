package cn.hnsw.ledger.credit;

/**
 * Where enterprise credit comes from: customs' enterprise-credit records, asked through 金关二期 (sealed SM2 + SM4 like
 * every partner message). The simulator of the simulators module answers in development and tests.
 */
public interface CreditGateway {

    /** The enterprise's credit as customs has it now; throws when customs cannot be reached or refuses. */
    CreditProfile query(String enterprise);
}
