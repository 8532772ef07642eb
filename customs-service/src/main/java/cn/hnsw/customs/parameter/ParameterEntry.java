package cn.hnsw.customs.parameter;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** One code of a parameter table, in one version. */
public record ParameterEntry(
        @NotBlank @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9&._-]+") String code,
        @NotBlank @Size(max = 200) String nameZh,
        @Size(max = 200) String nameEn) {
}
