package cn.hnsw.customs.template;

import cn.hnsw.customs.declaration.DeclarationHeader;
import cn.hnsw.customs.declaration.DeclarationItem;
import cn.hnsw.customs.declaration.DeclarationType;
import jakarta.validation.Valid;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * 初始值模版 ({@link Kind#INITIAL_VALUE}: header values only) or 录入模版 ({@link Kind#ENTRY}: header values and the
 * goods items an enterprise declares again and again), for one declaration type and direction.
 */
public record DeclarationTemplate(UUID id, String enterpriseUscc, Kind kind, DeclarationType declarationType,
                                  DeclarationType.ImportExport importExport, String name, DeclarationHeader header,
                                  List<DeclarationItem> items, String createdBy, Instant createdAt, String updatedBy,
                                  Instant updatedAt, int version) {

    /** The two kinds of template the entry screens offer. */
    public enum Kind { INITIAL_VALUE, ENTRY }

    /** What a template set or change carries; {@code version} is the one changed (absent on creation). */
    public record Change(Kind kind, DeclarationType declarationType, DeclarationType.ImportExport importExport,
                         String name, @Valid DeclarationHeader header, List<@Valid DeclarationItem> items,
                         Integer version) {
    }

    /** One line of the template log (配置记录). */
    public record LogEntry(UUID templateId, String enterpriseUscc, Kind kind, DeclarationType declarationType,
                           DeclarationType.ImportExport importExport, String name, String action, String actor,
                           Instant at) {
    }
}
