package cn.hnsw.customs.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * One commodity of the customs tariff table (海关税则数据库): the 10-digit commodity code, its tariff name, an English
 * name, the trade names declarants write for it (归类示例, separated by ";") and the legal unit of quantity.
 */
public record TariffCommodity(String hsCode, String nameZh, String nameEn, String aliases, String legalUnit,
                              Instant updatedAt, String updatedBy) {

    public String chapter() {
        return hsCode.substring(0, 2);
    }

    public String heading() {
        return hsCode.substring(0, 4);
    }

    /** 税则商品维护: what an operator sends to add or change one commodity. */
    public record Change(@NotBlank @Size(max = 300) String nameZh, @Size(max = 300) String nameEn,
                         @Size(max = 1000) String aliases, @Pattern(regexp = "\\d{3}") String legalUnit) {
    }
}
