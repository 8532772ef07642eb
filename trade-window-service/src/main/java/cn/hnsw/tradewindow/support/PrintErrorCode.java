package cn.hnsw.tradewindow.support;

import cn.hnsw.common.web.EnumErrorCode;
import cn.hnsw.common.web.ErrorText;
import org.springframework.http.HttpStatus;

/** Refusals of the trade window's prints and imports. */
public enum PrintErrorCode implements EnumErrorCode {
    PRINT_FONT_MISSING(HttpStatus.SERVICE_UNAVAILABLE, "打印字体未安装，暂不能生成 PDF",
            "The print font is not installed; PDFs cannot be produced"),
    SPREADSHEET_UNREADABLE(HttpStatus.BAD_REQUEST, "无法读取 Excel 文件：{0}", "The Excel file cannot be read: {0}");

    private final ErrorText text;

    PrintErrorCode(HttpStatus status, String messageZh, String messageEn) {
        this.text = new ErrorText(status, messageZh, messageEn);
    }

    @Override
    public ErrorText text() {
        return text;
    }
}
