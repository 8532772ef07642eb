package cn.hnsw.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalStackOptionsTest {

    @Test
    void moduleListsReadCommasAndSpacesAndIgnoreBlanks() {
        assertThat(LocalStack.moduleList(null)).isEmpty();
        assertThat(LocalStack.moduleList("  ")).isEmpty();
        assertThat(LocalStack.moduleList("gateway, passenger-service simulators,,passenger-service"))
                .containsExactlyInAnyOrder("gateway", "passenger-service", "simulators");
    }

    @Test
    void onlyTheGatewayAndTheNamedModulesKeepTheFullJit() {
        assertThat(LocalStack.fullJit("gateway", null)).isTrue();
        assertThat(LocalStack.fullJit("passenger-service", null)).isFalse();
        assertThat(LocalStack.fullJit("passenger-service", "simulators,passenger-service")).isTrue();
        assertThat(LocalStack.fullJit("ledger-service", "simulators,passenger-service")).isFalse();
    }
}
