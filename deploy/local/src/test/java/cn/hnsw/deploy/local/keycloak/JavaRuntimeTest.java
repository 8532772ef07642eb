package cn.hnsw.deploy.local.keycloak;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JavaRuntimeTest {

    @Test
    void featureReleaseIsReadFromOldAndNewVersionStrings() {
        assertThat(JavaRuntime.feature("25.0.3")).isEqualTo(25);
        assertThat(JavaRuntime.feature("21")).isEqualTo(21);
        assertThat(JavaRuntime.feature("17.0.15+6-Debian-1deb12u1")).isEqualTo(17);
        assertThat(JavaRuntime.feature("1.8.0_452")).isEqualTo(8);
        assertThat(JavaRuntime.feature("garbage")).isZero();
    }

    @Test
    void theRunningJdkIsChosenWhenItIsATriedRelease() {
        JavaRuntime running = JavaRuntime.running();
        assumeTrue(running.tried(), "runs on a JDK between 21 and 25");

        JavaRuntime chosen = JavaRuntime.select(null);

        assertThat(chosen.home()).isEqualTo(running.home());
        assertThat(JavaRuntime.inspect(running.home())).get().extracting(JavaRuntime::feature).isEqualTo(running.feature());
    }

    @Test
    void anExplicitJdkOlderThan21IsRefusedWithAMessageThatSaysHowToFixIt() {
        Path jdk17 = Path.of("/usr/lib/jvm/java-17-openjdk-amd64");
        assumeTrue(Files.isExecutable(jdk17.resolve("bin/java")), "a JDK 17 is installed");

        assertThatThrownBy(() -> JavaRuntime.select(jdk17))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs JDK 21 or newer")
                .hasMessageContaining("17.0")
                .hasMessageContaining(JavaRuntime.JAVA_HOME_PROPERTY);
    }

    @Test
    void somethingThatIsNotAJdkIsRefused() {
        assertThatThrownBy(() -> JavaRuntime.select(Path.of("/tmp")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not usable");
    }
}
