package cn.hnsw.customs.eligibility;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Requests and answers of the reference-data maintenance API. */
public final class EligibilityRecords {

    private EligibilityRecords() {
    }

    /** 享惠企业资质. */
    public record Qualification(
            @NotBlank @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String enterpriseUscc,
            @NotBlank @Size(max = 200) String enterpriseName,
            @NotNull LocalDate validFrom,
            LocalDate validTo,
            boolean revoked) {
    }

    /** 零关税商品白名单 entry. */
    public record WhitelistItem(
            @NotBlank @Pattern(regexp = "\\d{10}") String hsCode,
            @NotBlank @Size(max = 200) String nameZh,
            @NotBlank @Size(max = 40) String category) {
    }

    public record LevyNatures(@NotNull List<@Pattern(regexp = "\\d{3}") String> codes) {
    }

    /** The direct-release login gate's answer (FP 73–78, 203–206). */
    public record DirectReleaseAccess(boolean allowed, String enterpriseUscc, String messageZh, String messageEn) {
    }
}
