package cn.hnsw.ledger.hscode;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** HS-code lookup (商品编码自动获取, FP 1517/1535/1553). */
@RestController
@RequestMapping("/api/ledger/v1/hs-codes")
class HsCodeController {

    private final HsCodeTable table;

    HsCodeController(HsCodeTable table) {
        this.table = table;
    }

    @GetMapping
    List<HsCode> search(@RequestParam(defaultValue = "") String q) {
        return table.search(q, 20);
    }

    @GetMapping("/{code}")
    HsCode get(@PathVariable String code) {
        return table.find(code).orElseThrow(() -> new HnswException(LedgerErrorCode.HS_CODE_UNKNOWN, code));
    }
}
