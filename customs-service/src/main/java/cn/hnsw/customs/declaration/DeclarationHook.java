package cn.hnsw.customs.declaration;

/**
 * What other features do at the declaration's turning points, inside the same transaction: the second line writes
 * off its verification lists (核扣) and gives them back, and pushes subscribed data. Throwing an
 * {@link cn.hnsw.common.web.HnswException} from {@link #declaring} refuses the declaration with that message.
 */
public interface DeclarationHook {

    /** The declaration is about to be declared (after pre-validation, before its message is queued). */
    default void declaring(CustomsDeclaration declaration) {
    }

    /** Customs' business receipt moved the declaration to {@code decision}. */
    default void businessReceipt(CustomsDeclaration declaration, DeclarationStatus decision) {
    }

    /** The declaration was withdrawn or deleted after it had been declared. */
    default void withdrawn(CustomsDeclaration declaration) {
    }
}
