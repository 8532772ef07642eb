package cn.hnsw.tradewindow.support;

import cn.hnsw.common.pdf.CjkFont;
import org.springframework.stereotype.Component;

/** The CJK font of the trade window's printed PDFs (common-lib's {@link CjkFont}, from trade-window-service/fonts). */
@Component
public class TradeWindowFont extends CjkFont {

    public TradeWindowFont() {
        super(PrintErrorCode.PRINT_FONT_MISSING, "trade-window-service/fonts");
    }
}
