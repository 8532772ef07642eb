package cn.hnsw.archgood.declaration;

/** Fixture: a feature's own repository. */
public class DeclarationRepository {
    BaggageDeclaration find() {
        return new BaggageDeclaration();
    }
}
