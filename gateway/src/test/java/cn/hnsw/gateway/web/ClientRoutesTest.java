package cn.hnsw.gateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRoutesTest {

    @ParameterizedTest
    @CsvSource({
            "portal, true",
            "/console/declarations/42, true",
            "big-screen/, true",
            "api, false",
            "api/passenger/v1/x, false",
            "api-docs/passenger-service, false",
            "actuator/health, false",
            "swagger-ui.html, false",
            "webjars/swagger-ui/index.html, false",
            "v3/api-docs, false",
            "assets/index-abc.js, false",
            "favicon.ico, false",
            "apiary, true"})
    void knowsTheAppsRoutesFromFilesAndPlatformPaths(String path, boolean clientRoute) {
        assertThat(ClientRoutes.isClientRoute(path)).isEqualTo(clientRoute);
    }

    @Test
    void anEmptyDistIsNoDistRatherThanTheWorkingDirectory() {
        assertThat(new WebAppProperties(Path.of(""), "assets").dist()).isNull();
        assertThat(new WebAppProperties(null, "assets").dist()).isNull();
        assertThat(new WebAppProperties(Path.of("web/dist"), "assets").dist()).isAbsolute();
    }
}
