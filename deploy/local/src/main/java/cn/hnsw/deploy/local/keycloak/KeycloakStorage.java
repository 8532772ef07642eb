package cn.hnsw.deploy.local.keycloak;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where Keycloak keeps realms, users, sessions and events. The vendor is a build-time option of Keycloak (it selects
 * the JDBC driver and Hibernate dialect when {@code kc.sh build} runs), so it is part of the build key of a
 * {@link KeycloakHome}; the connection settings are runtime options.
 */
public sealed interface KeycloakStorage {

    /** The {@code --db} vendor baked into the optimized build. */
    String vendor();

    /**
     * Runtime settings as {@code KC_*} environment variables rather than command-line options, so that a database
     * password never shows up in {@code ps} output.
     */
    Map<String, String> environment();

    /**
     * A PostgreSQL database, e.g. database {@code keycloak} of the local stack's embedded server: survives restarts,
     * so sessions, events and realm changes made in the admin console are kept between runs.
     */
    static KeycloakStorage postgres(String jdbcUrl, String username, String password) {
        return new Postgres(jdbcUrl, username, password);
    }

    /**
     * Keycloak's H2 file database in {@code directory}. Fast to throw away, which is what tests want; not meant for
     * anything that must last.
     */
    static KeycloakStorage devFile(Path directory) {
        return new DevFile(directory);
    }

    record Postgres(String jdbcUrl, String username, String password) implements KeycloakStorage {
        public Postgres {
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
            }
        }

        @Override
        public String vendor() {
            return "postgres";
        }

        @Override
        public Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("KC_DB_URL", jdbcUrl);
            if (username != null) {
                env.put("KC_DB_USERNAME", username);
            }
            if (password != null) {
                env.put("KC_DB_PASSWORD", password);
            }
            return env;
        }

        @Override
        public String toString() {
            // never print the password, not even in a debugger's summary of the builder
            return "Postgres[" + jdbcUrl + ", user " + username + "]";
        }
    }

    record DevFile(Path directory) implements KeycloakStorage {
        public DevFile {
            directory = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        }

        @Override
        public String vendor() {
            return "dev-file";
        }

        @Override
        public Map<String, String> environment() {
            // Keycloak's own dev-file URL would put the database under the Keycloak home, which is shared by every
            // instance built with the same options; an explicit URL keeps each instance's data where its owner wants it.
            // NON_KEYWORDS=VALUE is what Keycloak adds to its default H2 URL: its schema has columns named VALUE.
            return Map.of("KC_DB_URL", "jdbc:h2:file:" + directory.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE");
        }
    }
}
