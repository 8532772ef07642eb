package cn.hnsw.customs.exchange;

import java.util.List;
import java.util.Optional;

/**
 * 舱单系统 (FP 211–216): the manifest records by bill of lading, vessel and voyage, for back-filling a declaration (R5);
 * several records may match (FP 214).
 */
public interface ManifestSystemGateway {

    List<ExchangeMessages.ManifestAnswer> findAll(String billOfLadingNo, String vesselName, String voyageNo);

    default Optional<ExchangeMessages.ManifestAnswer> find(String billOfLadingNo, String vesselName, String voyageNo) {
        return findAll(billOfLadingNo, vesselName, voyageNo).stream().findFirst();
    }
}
