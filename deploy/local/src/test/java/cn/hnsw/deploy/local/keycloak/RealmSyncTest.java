package cn.hnsw.deploy.local.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RealmSyncTest {

    @Test
    void thePartialImportCarriesTheFilesClientsRolesAndUsersAndSkipsWhatExists() throws Exception {
        Path file = KeycloakServer.realmFile(Path.of(System.getProperty("hnsw.root", "../..")).toAbsolutePath().normalize());
        JsonNode export = new ObjectMapper().readTree(Files.readAllBytes(file));

        JsonNode body = RealmSync.partialImport(export);

        assertThat(body.path("ifResourceExists").asText()).isEqualTo("SKIP");
        assertThat(body.path("clients")).isEqualTo(export.path("clients"));
        assertThat(body.path("roles")).isEqualTo(export.path("roles"));
        assertThat(body.path("users")).isEqualTo(export.path("users"));
        assertThat(body.has("groups")).isFalse();
        // realm settings (token lifetimes, login theme, events) are not part of it: a running realm keeps its own
        assertThat(body.has("accessTokenLifespan")).isFalse();
        assertThat(body.has("realm")).isFalse();
        assertThat(body.path("clients").toString()).contains("hnsw-admin-passenger");
    }
}
