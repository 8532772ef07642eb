package cn.hnsw.common.pdf;

import cn.hnsw.common.web.ErrorCode;
import cn.hnsw.common.web.HnswException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CJK font a service embeds in the PDFs it prints: Noto Sans SC Regular (SIL Open Font License 1.1) from the npm
 * package {@code @expo-google-fonts/noto-sans-sc}, copied onto the class path by the service's build (its
 * {@code fonts/} folder). It has CFF outlines, which OpenPDF embeds as a subset (only the glyphs a document uses).
 * Loaded once, on first use; a build without it still starts, logs how to fix it, and refuses to print with the
 * service's own problem code. Needs OpenPDF on the service's class path (common-lib declares it optional).
 */
public class CjkFont {

    /** Where the build puts the font on the class path. */
    public static final String RESOURCE = "fonts/NotoSansSC_400Regular.ttf";
    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);

    private final ErrorCode missing;
    private volatile BaseFont font;

    /**
     * @param missing   the problem a print gets when the font is not on the class path
     * @param fontsPath the folder whose {@code npm ci} provides the font, named in the log line (e.g. {@code ledger-service/fonts})
     */
    protected CjkFont(ErrorCode missing, String fontsPath) {
        this.missing = missing;
        if (getClass().getClassLoader().getResource(RESOURCE) == null) {
            log.error("event=pdf-font-missing resource={} effect=\"printing is refused ({})\" fix=\"npm ci in {}, then "
                    + "rebuild\"", RESOURCE, missing.code(), fontsPath);
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

    private BaseFont load() {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new HnswException(missing);
            }
            BaseFont loaded = BaseFont.createFont("NotoSansSC-Regular.otf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
            loaded.setSubset(true);
            return loaded;
        } catch (IOException e) {
            throw new HnswException(missing, List.of(), e);
        }
    }
}
