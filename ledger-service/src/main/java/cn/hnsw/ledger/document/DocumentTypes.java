package cn.hnsw.ledger.document;

import cn.hnsw.common.web.HnswException;
import cn.hnsw.ledger.errors.LedgerErrorCode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static cn.hnsw.ledger.document.LineKind.CUMULATIVE_CODE_COST;
import static cn.hnsw.ledger.document.LineKind.DOMESTIC_MATERIAL_COST;
import static cn.hnsw.ledger.document.LineKind.FINISHED_PRODUCT;
import static cn.hnsw.ledger.document.LineKind.GOODS;
import static cn.hnsw.ledger.document.LineKind.IMPORTED_MATERIAL_COST;
import static cn.hnsw.ledger.document.LineKind.ISLAND_MATERIAL_COST;
import static cn.hnsw.ledger.document.LineKind.MATERIAL;
import static cn.hnsw.ledger.document.LineKind.SCRAP;
import static cn.hnsw.ledger.document.LineKind.UNIT_CONSUMPTION;
import static cn.hnsw.ledger.document.LinkTarget.COMMODITY_LIBRARY;
import static cn.hnsw.ledger.document.LinkTarget.LEDGER_STOCK;
import static cn.hnsw.ledger.document.LinkTarget.NONE;

/**
 * The zero-tariff documents (spec ledgers-zero-tariff-enterprise.md modules B, F, G, K–N and the tail FP 2689–2898) as
 * definitions on the engine. The value-added, out-of-zone and relaxed-restriction ledgers add theirs the same way.
 */
public final class DocumentTypes {

    public static final String MATERIAL_FILING = "MATERIAL_FILING";
    public static final String FINISHED_PRODUCT_FILING = "FINISHED_PRODUCT_FILING";
    public static final String SCRAP_FILING = "SCRAP_FILING";
    public static final String LOGISTICS_LEDGER_SETUP = "LOGISTICS_LEDGER_SETUP";
    public static final String PROCESSING_LEDGER_SETUP = "PROCESSING_LEDGER_SETUP";
    public static final String LOGISTICS_ENTRY_GENERAL = "LOGISTICS_ENTRY_GENERAL";
    public static final String LOGISTICS_ENTRY_SIMPLIFIED = "LOGISTICS_ENTRY_SIMPLIFIED";
    public static final String PROCESSING_ENTRY_SIMPLIFIED = "PROCESSING_ENTRY_SIMPLIFIED";
    public static final String PROCESSING_ENTRY_GENERAL = "PROCESSING_ENTRY_GENERAL";
    public static final String LOGISTICS_CARRY_OVER_ENTRY = "LOGISTICS_CARRY_OVER_ENTRY";
    public static final String PROCESSING_CARRY_OVER_ENTRY = "PROCESSING_CARRY_OVER_ENTRY";
    public static final String LOGISTICS_EXIT_GENERAL = "LOGISTICS_EXIT_GENERAL";
    public static final String PROCESSING_EXIT_GENERAL = "PROCESSING_EXIT_GENERAL";
    public static final String LOGISTICS_FIRST_LINE_EXIT = "LOGISTICS_FIRST_LINE_EXIT";
    public static final String PROCESSING_FIRST_LINE_EXIT = "PROCESSING_FIRST_LINE_EXIT";
    public static final String LOGISTICS_CARRY_OVER_EXIT = "LOGISTICS_CARRY_OVER_EXIT";
    public static final String PROCESSING_CARRY_OVER_EXIT = "PROCESSING_CARRY_OVER_EXIT";
    public static final String LOGISTICS_SALE_NON_BENEFICIARY = "LOGISTICS_SALE_NON_BENEFICIARY";
    public static final String PROCESSING_SALE_NON_BENEFICIARY = "PROCESSING_SALE_NON_BENEFICIARY";
    public static final String LOGISTICS_OUT_OF_WAREHOUSE = "LOGISTICS_OUT_OF_WAREHOUSE";
    public static final String PROCESSING_OUT_OF_WAREHOUSE = "PROCESSING_OUT_OF_WAREHOUSE";
    public static final String LOGISTICS_RELEASE_NOTE_GENERAL = "LOGISTICS_RELEASE_NOTE_GENERAL";
    public static final String LOGISTICS_RELEASE_NOTE_BATCH = "LOGISTICS_RELEASE_NOTE_BATCH";
    public static final String PROCESSING_RELEASE_NOTE_BATCH = "PROCESSING_RELEASE_NOTE_BATCH";
    public static final String PROCESSING_RELEASE_NOTE_GENERAL = "PROCESSING_RELEASE_NOTE_GENERAL";
    public static final String LOGISTICS_EXIT_CONSOLIDATED = "LOGISTICS_EXIT_CONSOLIDATED";
    public static final String PROCESSING_EXIT_CONSOLIDATED = "PROCESSING_EXIT_CONSOLIDATED";
    public static final String LOGISTICS_ADJUSTMENT = "LOGISTICS_ADJUSTMENT";
    public static final String PROCESSING_ADJUSTMENT = "PROCESSING_ADJUSTMENT";
    public static final String LOGISTICS_VERIFICATION_REPORT = "LOGISTICS_VERIFICATION_REPORT";
    public static final String PROCESSING_VERIFICATION_REPORT = "PROCESSING_VERIFICATION_REPORT";
    public static final String LOGISTICS_LEDGER_CANCELLATION = "LOGISTICS_LEDGER_CANCELLATION";
    public static final String PROCESSING_LEDGER_CANCELLATION = "PROCESSING_LEDGER_CANCELLATION";
    public static final String CUMULATIVE_CODE_FILING = "CUMULATIVE_CODE_FILING";
    public static final String CONFIRMATION_CODE_FILING = "CONFIRMATION_CODE_FILING";
    public static final String ISLAND_MATERIAL_REGISTRATION = "ISLAND_MATERIAL_REGISTRATION";
    public static final String DOMESTIC_MATERIAL_REGISTRATION = "DOMESTIC_MATERIAL_REGISTRATION";

    private static final Map<String, DocumentType> TYPES = new LinkedHashMap<>();

    static {
        // Module B: filings (FILING18): no ledger, enter the commodity library, change and void after approval.
        filing(MATERIAL_FILING, "ZL", "零关税料件备案", "zero-tariff imported-material filing", MATERIAL);
        filing(FINISHED_PRODUCT_FILING, "ZC", "零关税加工成品备案", "processed finished-product filing", FINISHED_PRODUCT);
        filing(SCRAP_FILING, "ZB", "零关税加工边角料备案", "processing scrap filing", SCRAP);

        // Modules C and D: island self-produced and domestically purchased materials, registered on their own (no
        // ledger, no commodity library), changed and voided after approval; the value-added codes' cost lines link to
        // their lines (rule R10), so a rate traces every domestic and island cost to its registration.
        registration(ISLAND_MATERIAL_REGISTRATION, "IMR", "岛内自产料件登记", "island-made material registration");
        registration(DOMESTIC_MATERIAL_REGISTRATION, "DMR", "国产采购料件登记", "domestically purchased material registration");

        // Module K: ledger set-up; lines come from the commodity library.
        add(new DocumentType(LOGISTICS_LEDGER_SETUP, "LS", "零关税物流账册设立申请", "logistics ledger set-up application",
                LedgerType.LOGISTICS, false, List.of(LineSpec.of(GOODS, COMMODITY_LIBRARY)), StockEffect.NONE,
                ApprovalAction.CREATE_LEDGER, false, false, false, false, BusinessScope.LEDGER_SETUP, List.of()));
        add(new DocumentType(PROCESSING_LEDGER_SETUP, "PS", "零关税加工账册设立", "processing ledger set-up",
                LedgerType.PROCESSING, false, List.of(LineSpec.of(MATERIAL, COMMODITY_LIBRARY),
                LineSpec.of(FINISHED_PRODUCT, COMMODITY_LIBRARY),
                // 单损耗信息 (FP 1941–1953): the set-up's own BOM, a material of the set-up per finished product of it
                LineSpec.scoped(UNIT_CONSUMPTION, COMMODITY_LIBRARY, BusinessScope.BOM_LOSS)), StockEffect.NONE,
                ApprovalAction.CREATE_LEDGER, false, false, false, false, BusinessScope.LEDGER_SETUP, List.of()));

        // Module L and N: entry lists book increases (核增); lines come from the commodity library.
        stock(LOGISTICS_ENTRY_GENERAL, "LE", "零关税物流入账清单（一般报关）", "logistics entry list (general declaration)",
                LedgerType.LOGISTICS, StockEffect.INCREASE, true, BusinessScope.IMPORT_ENTRY, LineSpec.of(GOODS, COMMODITY_LIBRARY));
        stock(PROCESSING_ENTRY_GENERAL, "PE", "零关税加工入账清单（一般报关）", "processing entry list (general declaration)",
                LedgerType.PROCESSING, StockEffect.INCREASE, true, BusinessScope.IMPORT_ENTRY, LineSpec.of(MATERIAL, COMMODITY_LIBRARY));
        // 入账清单（简化申报）: booked from customs' simplified-declaration data and linked to it (rule R20)
        stock(LOGISTICS_ENTRY_SIMPLIFIED, "LES", "零关税物流入账清单（简化申报）", "logistics entry list (simplified declaration)",
                LedgerType.LOGISTICS, StockEffect.INCREASE, false, BusinessScope.IMPORT_ENTRY, LineSpec.of(GOODS, COMMODITY_LIBRARY));
        stock(PROCESSING_ENTRY_SIMPLIFIED, "PES", "零关税加工入账清单（简化申报）", "processing entry list (simplified declaration)",
                LedgerType.PROCESSING, StockEffect.INCREASE, false, BusinessScope.IMPORT_ENTRY, LineSpec.of(MATERIAL, COMMODITY_LIBRARY));
        stock(LOGISTICS_CARRY_OVER_ENTRY, "LCI", "零关税物流入账清单（享惠主体间结转）", "logistics entry list (carry-over between beneficiaries)",
                LedgerType.LOGISTICS, StockEffect.INCREASE, false, BusinessScope.DOMESTIC_SALE_ENTRY, LineSpec.of(GOODS, COMMODITY_LIBRARY));
        stock(PROCESSING_CARRY_OVER_ENTRY, "PCI", "零关税加工入账清单（享惠主体间结转）", "processing entry list (carry-over between beneficiaries)",
                LedgerType.PROCESSING, StockEffect.INCREASE, false, BusinessScope.DOMESTIC_SALE_ENTRY, LineSpec.of(MATERIAL, COMMODITY_LIBRARY));

        // Module M, N and the export tail: exit lists book decreases (核减); lines come from the ledger stock.
        stock(LOGISTICS_EXIT_GENERAL, "LX", "零关税物流出账清单（一般报关）", "logistics exit list (general declaration)",
                LedgerType.LOGISTICS, StockEffect.DECREASE, true, BusinessScope.DOMESTIC_SALE_EXIT, LineSpec.of(GOODS, LEDGER_STOCK));
        stock(PROCESSING_EXIT_GENERAL, "PX", "零关税加工出账清单（一般报关）", "processing exit list (general declaration)",
                LedgerType.PROCESSING, StockEffect.DECREASE, true, BusinessScope.DOMESTIC_SALE_EXIT,
                LineSpec.of(MATERIAL, LEDGER_STOCK), LineSpec.of(FINISHED_PRODUCT, LEDGER_STOCK));
        stock(LOGISTICS_FIRST_LINE_EXIT, "LFX", "零关税物流出账清单（一线一般报关）", "logistics exit list (first-line general declaration)",
                LedgerType.LOGISTICS, StockEffect.DECREASE, true, BusinessScope.EXPORT_EXIT, LineSpec.of(GOODS, LEDGER_STOCK));
        stock(PROCESSING_FIRST_LINE_EXIT, "PFX", "零关税加工出账清单（一线一般报关）", "processing exit list (first-line general declaration)",
                LedgerType.PROCESSING, StockEffect.DECREASE, true, BusinessScope.EXPORT_EXIT, LineSpec.of(MATERIAL, LEDGER_STOCK));
        stock(LOGISTICS_CARRY_OVER_EXIT, "LCX", "零关税物流出账清单（享惠主体间结转）", "logistics exit list (carry-over between beneficiaries)",
                LedgerType.LOGISTICS, StockEffect.DECREASE, false, BusinessScope.DOMESTIC_SALE_EXIT, LineSpec.of(GOODS, LEDGER_STOCK));
        stock(PROCESSING_CARRY_OVER_EXIT, "PCX", "零关税加工出账清单（享惠主体间结转）", "processing exit list (carry-over between beneficiaries)",
                LedgerType.PROCESSING, StockEffect.DECREASE, false, BusinessScope.DOMESTIC_SALE_EXIT,
                LineSpec.of(MATERIAL, LEDGER_STOCK), LineSpec.of(FINISHED_PRODUCT, LEDGER_STOCK));
        stock(LOGISTICS_SALE_NON_BENEFICIARY, "LNB", "零关税物流出账清单（销售给非享惠主体）", "logistics exit list (sale to a non-beneficiary)",
                LedgerType.LOGISTICS, StockEffect.DECREASE, true, BusinessScope.DOMESTIC_SALE_EXIT, LineSpec.of(GOODS, LEDGER_STOCK));
        stock(PROCESSING_SALE_NON_BENEFICIARY, "PNB", "零关税加工出账清单（销售给非享惠主体）", "processing exit list (sale to a non-beneficiary)",
                LedgerType.PROCESSING, StockEffect.DECREASE, true, BusinessScope.DOMESTIC_SALE_EXIT,
                LineSpec.of(MATERIAL, LEDGER_STOCK), LineSpec.of(FINISHED_PRODUCT, LEDGER_STOCK));

        // Batch leave-island: each out-of-warehouse application books its batch out of stock; its release note carries the
        // vehicle; the consolidated exit list declares the batches together and moves no stock a second time.
        stock(LOGISTICS_OUT_OF_WAREHOUSE, "LOW", "零关税物流出库申请（分批出岛）", "logistics out-of-warehouse application (batch leave-island)",
                LedgerType.LOGISTICS, StockEffect.DECREASE, false, BusinessScope.DOMESTIC_SALE_OUT_OF_WAREHOUSE, LineSpec.of(GOODS, LEDGER_STOCK));
        stock(PROCESSING_OUT_OF_WAREHOUSE, "POW", "零关税加工出库申请（分批出岛）", "processing out-of-warehouse application (batch leave-island)",
                LedgerType.PROCESSING, StockEffect.DECREASE, false, BusinessScope.DOMESTIC_SALE_OUT_OF_WAREHOUSE,
                LineSpec.of(MATERIAL, LEDGER_STOCK), LineSpec.of(FINISHED_PRODUCT, LEDGER_STOCK));
        add(new DocumentType(LOGISTICS_RELEASE_NOTE_GENERAL, "LRG", "零关税物流出账清单核放单（一般报关）申请",
                "logistics release note (general declaration)", LedgerType.LOGISTICS, true,
                List.of(LineSpec.fromDocuments(GOODS, LOGISTICS_EXIT_GENERAL)), StockEffect.NONE, ApprovalAction.NONE,
                false, true, false, false, BusinessScope.RELEASE_NOTE, List.of(LOGISTICS_EXIT_GENERAL)));
        add(new DocumentType(LOGISTICS_RELEASE_NOTE_BATCH, "LRB", "零关税物流出库申请核放单（分批出岛）申请",
                "logistics release note (batch leave-island)", LedgerType.LOGISTICS, true,
                List.of(LineSpec.fromDocuments(GOODS, LOGISTICS_OUT_OF_WAREHOUSE)), StockEffect.NONE, ApprovalAction.NONE,
                false, true, false, false, BusinessScope.RELEASE_NOTE, List.of(LOGISTICS_OUT_OF_WAREHOUSE)));
        // A processing release note carries what its list lets leave: finished products, and materials sold on as such.
        add(new DocumentType(PROCESSING_RELEASE_NOTE_BATCH, "PRB", "零关税加工出库申请核放单（分批出岛）申请",
                "processing release note (batch leave-island)", LedgerType.PROCESSING, true,
                List.of(LineSpec.fromDocuments(FINISHED_PRODUCT, PROCESSING_OUT_OF_WAREHOUSE),
                        LineSpec.fromDocuments(MATERIAL, PROCESSING_OUT_OF_WAREHOUSE)), StockEffect.NONE,
                ApprovalAction.NONE, false, true, false, false, BusinessScope.RELEASE_NOTE, List.of(PROCESSING_OUT_OF_WAREHOUSE)));
        add(new DocumentType(PROCESSING_RELEASE_NOTE_GENERAL, "PRG", "零关税加工出账清单核放单（一般报关）申请",
                "processing release note (general declaration)", LedgerType.PROCESSING, true,
                List.of(LineSpec.fromDocuments(FINISHED_PRODUCT, PROCESSING_EXIT_GENERAL),
                        LineSpec.fromDocuments(MATERIAL, PROCESSING_EXIT_GENERAL)), StockEffect.NONE,
                ApprovalAction.NONE, false, true, false, false, BusinessScope.RELEASE_NOTE, List.of(PROCESSING_EXIT_GENERAL)));
        add(new DocumentType(LOGISTICS_EXIT_CONSOLIDATED, "LXC", "零关税物流出账清单（集中报关）", "logistics exit list (consolidated declaration)",
                LedgerType.LOGISTICS, true, List.of(LineSpec.fromDocuments(GOODS, LOGISTICS_OUT_OF_WAREHOUSE)),
                StockEffect.NONE, ApprovalAction.NONE, true, false, false, false, BusinessScope.DOMESTIC_SALE_EXIT, List.of()));
        add(new DocumentType(PROCESSING_EXIT_CONSOLIDATED, "PXC", "零关税加工出账清单（集中报关）", "processing exit list (consolidated declaration)",
                LedgerType.PROCESSING, true, List.of(LineSpec.fromDocuments(MATERIAL, PROCESSING_OUT_OF_WAREHOUSE),
                LineSpec.fromDocuments(FINISHED_PRODUCT, PROCESSING_OUT_OF_WAREHOUSE)),
                StockEffect.NONE, ApprovalAction.NONE, true, false, false, false, BusinessScope.DOMESTIC_SALE_EXIT, List.of()));

        // Ledger services (FP 2753–2898): adjustment lists, verification report (报核), cancellation.
        stock(LOGISTICS_ADJUSTMENT, "LA", "零关税物流调账清单（其他管理）", "logistics adjustment list (other management)",
                LedgerType.LOGISTICS, StockEffect.PER_LINE, true, null, LineSpec.of(GOODS, LEDGER_STOCK));
        stock(PROCESSING_ADJUSTMENT, "PA", "零关税加工调账清单（其他管理）", "processing adjustment list (other management)",
                LedgerType.PROCESSING, StockEffect.PER_LINE, true, null, LineSpec.of(MATERIAL, LEDGER_STOCK),
                LineSpec.of(FINISHED_PRODUCT, LEDGER_STOCK));
        add(new DocumentType(LOGISTICS_VERIFICATION_REPORT, "LVR", "零关税物流账册企业报核申请", "logistics ledger verification report",
                LedgerType.LOGISTICS, true, List.of(LineSpec.of(GOODS, LEDGER_STOCK)), StockEffect.NONE,
                ApprovalAction.NONE, false, false, false, false, null, List.of()));
        add(new DocumentType(PROCESSING_VERIFICATION_REPORT, "PVR", "零关税加工账册企业报核申请", "processing ledger verification report",
                LedgerType.PROCESSING, true, List.of(LineSpec.of(MATERIAL, LEDGER_STOCK), LineSpec.of(FINISHED_PRODUCT, LEDGER_STOCK)),
                StockEffect.NONE, ApprovalAction.NONE, false, false, false, false, null, List.of()));
        add(new DocumentType(LOGISTICS_LEDGER_CANCELLATION, "LC", "零关税物流账册注销申请", "logistics ledger cancellation",
                LedgerType.LOGISTICS, true, List.of(), StockEffect.NONE, ApprovalAction.CANCEL_LEDGER,
                false, false, false, false, null, List.of()));
        add(new DocumentType(PROCESSING_LEDGER_CANCELLATION, "PC", "零关税加工账册注销申请", "processing ledger cancellation",
                LedgerType.PROCESSING, true, List.of(), StockEffect.NONE, ApprovalAction.CANCEL_LEDGER,
                false, false, false, false, null, List.of()));

        // Modules F and G: cumulative and confirmation codes; cost lines traced to their source records (rule R10).
        for (String[] code : new String[][] {{CUMULATIVE_CODE_FILING, "CC", "零关税加工账册加工增值货物累计码备案", "cumulative-code filing of value-added goods"},
                {CONFIRMATION_CODE_FILING, "CF", "零关税加工账册加工增值货物确认码备案", "confirmation-code filing of value-added goods"}}) {
            add(new DocumentType(code[0], code[1], code[2], code[3], LedgerType.PROCESSING, true, List.of(
                    LineSpec.of(FINISHED_PRODUCT, COMMODITY_LIBRARY),
                    LineSpec.fromDocuments(IMPORTED_MATERIAL_COST, PROCESSING_ENTRY_GENERAL),
                    LineSpec.fromDocuments(DOMESTIC_MATERIAL_COST, DOMESTIC_MATERIAL_REGISTRATION),
                    LineSpec.fromDocuments(CUMULATIVE_CODE_COST, PROCESSING_CARRY_OVER_ENTRY),
                    LineSpec.fromDocuments(ISLAND_MATERIAL_COST, ISLAND_MATERIAL_REGISTRATION),
                    LineSpec.of(UNIT_CONSUMPTION, COMMODITY_LIBRARY)),
                    StockEffect.NONE, ApprovalAction.NONE, false, false, true, true,
                    BusinessScope.VALUE_ADDED_ACCOUNTING, List.of()));
        }
    }

    private DocumentTypes() {
    }

    private static void filing(String code, String prefix, String zh, String en, LineKind kind) {
        add(new DocumentType(code, prefix, zh, en, null, false, List.of(LineSpec.of(kind, NONE)), StockEffect.NONE,
                ApprovalAction.ENTER_COMMODITY_LIBRARY, false, false, true, true, null, List.of()));
    }

    private static void registration(String code, String prefix, String zh, String en) {
        add(new DocumentType(code, prefix, zh, en, null, false, List.of(LineSpec.of(MATERIAL, NONE)), StockEffect.NONE,
                ApprovalAction.NONE, false, false, true, true, null, List.of()));
    }

    private static void stock(String code, String prefix, String zh, String en, LedgerType ledgerType, StockEffect effect,
                              boolean customsDraft, BusinessScope scope, LineSpec... lines) {
        add(new DocumentType(code, prefix, zh, en, ledgerType, true, List.of(lines), effect, ApprovalAction.NONE,
                customsDraft, false, false, false, scope, List.of()));
    }

    private static void add(DocumentType type) {
        if (TYPES.putIfAbsent(type.code(), type) != null) {
            throw new IllegalStateException("duplicate document type " + type.code());
        }
    }

    public static DocumentType get(String code) {
        DocumentType type = code == null ? null : TYPES.get(code);
        if (type == null) {
            throw new HnswException(LedgerErrorCode.DOCUMENT_TYPE_UNKNOWN, code);
        }
        return type;
    }

    public static Collection<DocumentType> all() {
        return new ArrayList<>(TYPES.values());
    }
}
