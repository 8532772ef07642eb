package cn.hnsw.gateway.routing;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlatformServiceTest {

    private static PlatformService service(String id, String path) {
        return new PlatformService(id, null, null, URI.create("http://localhost:8081"), path, null, null);
    }

    @Test
    void derivesTheApiPathFromTheModuleName() {
        assertThat(service("video-analytics-service", null).path()).isEqualTo("/api/video-analytics");
        assertThat(service("passenger-service", "").path()).isEqualTo("/api/passenger");
        assertThat(service("passenger-service", null).nameZh()).isEqualTo("passenger-service");
        assertThat(service("passenger-service", null).healthUri()).hasToString("http://localhost:8081/actuator/health");
    }

    @Test
    void refusesEntriesThatWouldMakeAmbiguousOrUnsafeRoutes() {
        assertThatIllegalArgumentException().isThrownBy(() -> service("Passenger Service", null));
        assertThatIllegalArgumentException().isThrownBy(() -> service("passenger-service", "/api/../admin"));
        assertThatIllegalArgumentException().isThrownBy(() -> service("passenger-service", "/api/**"));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new PlatformService("x", null, null, URI.create("/relative"), null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceCatalog(List.of(
                service("a-service", "/api/a"), service("b-service", "/api/a"))));
        assertThatIllegalArgumentException().isThrownBy(() -> new ServiceCatalog(List.of(
                service("a-service", "/api/a"), service("a-service", "/api/b"))));
    }
}
