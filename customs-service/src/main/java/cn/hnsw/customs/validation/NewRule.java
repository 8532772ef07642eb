package cn.hnsw.customs.validation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** 校验规则新增 (FP 675): a rule of one of the engine's checks, in one of the nine families. */
public record NewRule(@NotBlank @Size(max = 60) String code, @NotNull CheckFamily family, @NotNull ValidationRuleKind kind,
                      @NotNull Severity severity, boolean enabled, @NotBlank @Size(max = 300) String messageZh,
                      @NotBlank @Size(max = 300) String messageEn, @Size(max = 500) String parameter,
                      @NotBlank @Size(max = 200) String declarationTypes) {
}
