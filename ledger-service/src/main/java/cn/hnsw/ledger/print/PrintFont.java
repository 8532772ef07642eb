package cn.hnsw.ledger.print;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import com.lowagie.text.pdf.BaseFont;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;

/**
 * The CJK font of printed documents: Noto Sans SC Regular (SIL Open Font License 1.1) from the npm package
 * {@code @expo-google-fonts/noto-sans-sc}, copied onto the class path by the build (ledger-service/fonts), embedded in
 * each PDF as a subset. A build without it still starts; printing is then refused with a clear problem.
 */
@Component
public class PrintFont {

    static final String RESOURCE = "fonts/NotoSansSC_400Regular.ttf";
    private static final Logger log = LoggerFactory.getLogger(PrintFont.class);

    private volatile BaseFont font;

    public PrintFont() {
        if (PrintFont.class.getClassLoader().getResource(RESOURCE) == null) {
            log.error("event=print-font-missing resource={} effect=\"printing is refused\" fix=\"npm ci in "
                    + "ledger-service/fonts, then rebuild\"", RESOURCE);
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
        try (InputStream in = PrintFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new HnswException(LedgerErrorCode.PRINT_FONT_MISSING);
            }
            BaseFont loaded = BaseFont.createFont("NotoSansSC-Regular.otf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    true, in.readAllBytes(), null);
            loaded.setSubset(true);
            return loaded;
        } catch (IOException e) {
            throw new HnswException(LedgerErrorCode.PRINT_FONT_MISSING, java.util.List.of(), e);
        }
    }
}
