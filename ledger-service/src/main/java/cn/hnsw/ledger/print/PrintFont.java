package cn.hnsw.ledger.print;

import cn.hnsw.common.pdf.CjkFont;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.stereotype.Component;

/** The CJK font of printed documents (common-lib's {@link CjkFont}, from ledger-service/fonts). */
@Component
public class PrintFont extends CjkFont {

    public PrintFont() {
        super(LedgerErrorCode.PRINT_FONT_MISSING, "ledger-service/fonts");
    }
}
