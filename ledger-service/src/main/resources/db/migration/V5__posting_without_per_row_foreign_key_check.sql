-- Issue 5, posting throughput: the foreign key ledger_posting.stock_id -> ledger_stock(id) ran one referential check
-- query per posting row (measured: about 20 % of the batch statement's execution time at 14 postings). The posting
-- engine is the only writer of ledger_posting, and every stock_id it writes comes from the stock row it locked (or
-- created) in the same statement or transaction, so the reference cannot dangle on insert. What the key still guarded
-- is the deletion of a stock row that has postings: stock rows are never deleted, and this trigger makes that a rule
-- of the schema (one statement-level check on a DELETE or TRUNCATE, nothing per posting).
ALTER TABLE ledger_posting DROP CONSTRAINT ledger_posting_stock_id_fkey;

CREATE FUNCTION ledger_stock_refuse_removal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ledger stock rows are never removed: every balance is explained by its postings'
        USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER ledger_stock_no_delete BEFORE DELETE ON ledger_stock
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_stock_refuse_removal();
CREATE TRIGGER ledger_stock_no_truncate BEFORE TRUNCATE ON ledger_stock
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_stock_refuse_removal();
