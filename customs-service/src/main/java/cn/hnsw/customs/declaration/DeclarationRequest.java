package cn.hnsw.customs.declaration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** 报关单录入 — what the entry screen (or an Excel row group, or an ERP) sends for a temp-save. */
public record DeclarationRequest(
        @NotNull DeclarationType declarationType,
        DeclarationType.ImportExport importExport,
        @NotNull @Valid DeclarationHeader header,
        @NotNull @Size(max = CustomsDeclaration.MAX_ITEMS) List<@Valid @NotNull DeclarationItem> items) {
}
