package cn.hnsw.passenger.certificate;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Component;

/**
 * The CJK font of the tax-paid certificate: Noto Sans SC Regular (SIL Open Font License 1.1) from the npm package
 * {@code @expo-google-fonts/noto-sans-sc}, copied onto the class path by the build. It has CFF outlines, which
 * OpenPDF embeds as a subset (only the glyphs a certificate uses). Loaded once; the service does not start without it.
 */
@Component
public class CertificateFont {

    static final String RESOURCE = "fonts/NotoSansSC_400Regular.ttf";

    private final BaseFont font;

    public CertificateFont() {
        try (InputStream in = CertificateFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: run `npm ci` in "
                        + "passenger-service/fonts before building");
            }
            byte[] bytes = in.readAllBytes();
            font = BaseFont.createFont("NotoSansSC-Regular.otf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes,
                    null);
            font.setSubset(true);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    public BaseFont font() {
        return font;
    }
}
