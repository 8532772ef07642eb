package cn.hnsw.tradewindow.pilot;

import cn.hnsw.common.web.HnswException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentPolicyTest {

    final DocumentPolicy policy = new DocumentPolicy(1024);

    @Test
    void acceptsKnownFormatsByNameAndContent() {
        assertThat(policy.check("a.PDF", "%PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEqualTo("application/pdf");
        assertThat(policy.check("a.jpg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).isEqualTo("image/jpeg");
        assertThat(policy.check("a.ofd", new byte[]{'P', 'K', 3, 4, 0})).isEqualTo("application/ofd");
    }

    @Test
    void refusesRenamedFilesUnknownTypesEmptyAndOversized() {
        assertThatThrownBy(() -> policy.check("a.pdf", new byte[]{'M', 'Z'}))
                .isInstanceOf(HnswException.class).extracting(e -> ((HnswException) e).errorCode())
                .isEqualTo(PilotErrorCode.FILE_TYPE_NOT_ALLOWED);
        assertThatThrownBy(() -> policy.check("a.docx", new byte[]{'P', 'K', 3, 4}))
                .extracting(e -> ((HnswException) e).errorCode()).isEqualTo(PilotErrorCode.FILE_TYPE_NOT_ALLOWED);
        assertThatThrownBy(() -> policy.check("a.pdf", new byte[0]))
                .extracting(e -> ((HnswException) e).errorCode()).isEqualTo(PilotErrorCode.FILE_EMPTY);
        assertThatThrownBy(() -> policy.check("a.pdf", new byte[1025]))
                .extracting(e -> ((HnswException) e).errorCode()).isEqualTo(PilotErrorCode.FILE_TOO_LARGE);
    }
}
