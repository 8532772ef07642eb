package cn.hnsw.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrictBase64Test {

    @Test
    void acceptsCanonicalPaddedBase64Only() {
        assertThat(StrictBase64.decode("")).isEmpty();
        assertThat(StrictBase64.decode("QQ==")).containsExactly('A');
        assertThat(StrictBase64.decode("QUI=")).containsExactly('A', 'B');
        assertThat(StrictBase64.decode("QUJD")).containsExactly('A', 'B', 'C');

        for (String bad : new String[] {"QQ", "QR==", "QUJ=", "QQ==QQ==", "QU I=", "QUI=\n", "QUJ-", "Q===", "===="}) {
            assertThatThrownBy(() -> StrictBase64.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
