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
    /**
     * 系统登录 信息回传 (FP 75): what the direct-release module sends back at login: who logged in for which enterprise,
     * where the qualification comes from ({@code LEDGER} when the ledger published it, else {@code REFERENCE_DATA})
     * and, for the reference data, its name and validity.
     */
    public record DirectReleaseAccess(boolean allowed, String enterpriseUscc, String enterpriseName, String username,
                                      String displayName, String qualificationSource, LocalDate validFrom,
                                      LocalDate validTo, java.time.Instant loggedInAt, String messageZh,
                                      String messageEn) {
    }
}
