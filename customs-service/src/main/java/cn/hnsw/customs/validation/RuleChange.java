package cn.hnsw.customs.validation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 校验规则修改 (FP 675–681): what an officer may change on a rule; the check itself stays. */
public record RuleChange(@NotNull Severity severity, boolean enabled, @NotBlank @Size(max = 300) String messageZh,
                         @NotBlank @Size(max = 300) String messageEn, @Size(max = 500) String parameter,
                         @NotBlank @Size(max = 200) String declarationTypes) {
}
