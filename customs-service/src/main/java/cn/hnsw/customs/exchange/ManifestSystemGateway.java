package cn.hnsw.customs.exchange;

import java.util.Optional;

/** 舱单系统 (FP 211–216): the manifest by bill of lading, vessel and voyage, for back-filling a declaration (R5). */
public interface ManifestSystemGateway {

    Optional<ExchangeMessages.ManifestAnswer> find(String billOfLadingNo, String vesselName, String voyageNo);
}
