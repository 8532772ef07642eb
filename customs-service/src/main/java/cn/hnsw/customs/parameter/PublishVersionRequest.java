package cn.hnsw.customs.parameter;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A new version of a table: the complete list of its entries, replacing the current version for queries. */
public record PublishVersionRequest(@NotEmpty @Size(max = 20000) List<@Valid ParameterEntry> entries,
                                    @Size(max = 500) String note) {
}
