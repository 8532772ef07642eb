package cn.hnsw.passenger.certificate;

import cn.hnsw.common.web.HnswException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The CJK font of the tax-paid certificate: Noto Sans SC Regular (SIL Open Font License 1.1) from the npm package
 * {@code @expo-google-fonts/noto-sans-sc}, copied onto the class path by the build (passenger-service/fonts). It has
 * CFF outlines, which OpenPDF embeds as a subset (only the glyphs a certificate uses). Loaded once, on the first
 * certificate; a build without it still starts, and certificates are then refused with a clear problem.
 */
@Component
public class CertificateFont {

    static final String RESOURCE = "fonts/NotoSansSC_400Regular.ttf";
    private static final Logger log = LoggerFactory.getLogger(CertificateFont.class);

    private volatile BaseFont font;

    public CertificateFont() {
        if (CertificateFont.class.getClassLoader().getResource(RESOURCE) == null) {
            log.error("event=certificate-font-missing resource={} effect=\"certificates are refused\" fix=\"npm ci in "
                    + "passenger-service/fonts, then rebuild\"", RESOURCE);
        }
    }

    public BaseFont font() {
        BaseFont f = font;
        if (f == null) {
            synchronized (this) {
                if (font == null) {
                    font = load();
                }
                f = font;
            }
        }
        return f;
    }

    private static BaseFont load() {
        try (InputStream in = CertificateFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new HnswException(CertificateErrorCode.CERTIFICATE_FONT_MISSING);
            }
            BaseFont loaded = BaseFont.createFont("NotoSansSC-Regular.otf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
            loaded.setSubset(true);
            return loaded;
        } catch (IOException e) {
            throw new HnswException(CertificateErrorCode.CERTIFICATE_FONT_MISSING, java.util.List.of(), e);
        }
    }
}
