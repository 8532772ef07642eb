package cn.hnsw.customs.declaration;

import java.util.Optional;
import java.util.Set;

/**
 * 报关单数据项定制 (FP 226): the header and goods-item fields a declaration of a type carries to the Haikou sub-centre,
 * when an operator set them; empty: every field.
 */
public interface DistributionFields {

    record Fields(Set<String> header, Set<String> item) {
    }

    Optional<Fields> of(DeclarationType type);
}
