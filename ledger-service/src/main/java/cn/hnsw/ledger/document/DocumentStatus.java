package cn.hnsw.ledger.document;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * States of a declarable document (spec §3.1 and §3.2) and the moves each allows, written once here.
 * <pre>
 * DRAFT --declare--> DECLARED --receipt--> RECEIPTED --receipt update--> APPROVED | RETURNED
 * RETURNED --edit/declare--> ...      APPROVED --change after approval--> CHANGE_DRAFT --declare--> DECLARED
 * DRAFT | RETURNED (| APPROVED where the type allows) --void--> VOIDED
 * </pre>
 */
public enum DocumentStatus {
    /** 暂存 / 未申报 */
    DRAFT("暂存（未申报）", "draft (not declared)"),
    /** 已申报 */
    DECLARED("已申报", "declared"),
    /** 海关已接收（回执） */
    RECEIPTED("海关已接收", "received by customs"),
    /** 审核通过 */
    APPROVED("审核通过", "approved"),
    /** 退单 */
    RETURNED("海关退回", "returned by customs"),
    /** 备案通过变更中 */
    CHANGE_DRAFT("变更中", "change after approval in progress"),
    /** 作废 */
    VOIDED("已作废", "voided");

    private static final Map<DocumentStatus, Set<Action>> MOVES = Map.of(
            DRAFT, EnumSet.of(Action.EDIT, Action.DECLARE, Action.VOID),
            DECLARED, EnumSet.of(Action.RECEIPT_RECEIVED, Action.RECEIPT_APPROVED, Action.RECEIPT_RETURNED),
            RECEIPTED, EnumSet.of(Action.RECEIPT_APPROVED, Action.RECEIPT_RETURNED),
            RETURNED, EnumSet.of(Action.EDIT, Action.DECLARE, Action.VOID),
            APPROVED, EnumSet.of(Action.CHANGE, Action.VOID, Action.VEHICLE_CHANGE, Action.RECEIPT_FORMAL_DATA),
            CHANGE_DRAFT, EnumSet.of(Action.EDIT, Action.DECLARE),
            VOIDED, EnumSet.noneOf(Action.class));

    private final String nameZh;
    private final String nameEn;

    DocumentStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public boolean allows(Action action) {
        return MOVES.get(this).contains(action);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** What a user or customs does to a document. */
    public enum Action {
        EDIT("修改", "edit"),
        DECLARE("申报", "declare"),
        RECEIPT_RECEIVED("回执", "receipt"),
        RECEIPT_APPROVED("回执更新（通过）", "receipt update (approved)"),
        RECEIPT_RETURNED("回执更新（退回）", "receipt update (returned)"),
        RECEIPT_FORMAL_DATA("正式核注数据", "formal posting data"),
        CHANGE("备案通过变更", "change after approval"),
        VOID("作废", "void"),
        VEHICLE_CHANGE("车辆信息变更", "vehicle information change");

        private final String nameZh;
        private final String nameEn;

        Action(String nameZh, String nameEn) {
            this.nameZh = nameZh;
            this.nameEn = nameEn;
        }

        public String nameZh() {
            return nameZh;
        }

        public String nameEn() {
            return nameEn;
        }
    }
}
