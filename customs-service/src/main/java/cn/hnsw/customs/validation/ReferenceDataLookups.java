package cn.hnsw.customs.validation;

import cn.hnsw.customs.eligibility.ZeroTariffEligibility;
import cn.hnsw.customs.parameter.ClearanceParameterService;
import org.springframework.stereotype.Component;

import java.util.Set;

/** The rules' view of the parameter tables and the zero-tariff adapter. */
@Component
class ReferenceDataLookups implements ReferenceLookups {

    private final ClearanceParameterService parameters;
    private final ZeroTariffEligibility eligibility;

    ReferenceDataLookups(ClearanceParameterService parameters, ZeroTariffEligibility eligibility) {
        this.parameters = parameters;
        this.eligibility = eligibility;
    }

    @Override
    public boolean knownCode(String table, String code) {
        return parameters.knownCode(table, code);
    }

    @Override
    public boolean qualified(String enterpriseUscc) {
        return eligibility.qualified(enterpriseUscc);
    }

    @Override
    public boolean whitelisted(String hsCode) {
        return eligibility.whitelisted(hsCode);
    }

    @Override
    public boolean whitelisted(String enterpriseUscc, String hsCode) {
        return eligibility.whitelisted(enterpriseUscc, hsCode);
    }

    @Override
    public Set<String> directReleaseLevyNatures() {
        return eligibility.directReleaseLevyNatures();
    }
}
