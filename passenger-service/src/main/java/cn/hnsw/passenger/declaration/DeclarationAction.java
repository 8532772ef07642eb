package cn.hnsw.passenger.declaration;

/** What the traveler asked customs for: the message type of the pipeline (申报 / 修改 / 删除). */
public enum DeclarationAction {
    SUBMIT, MODIFY, DELETE
}
