package cn.hnsw.customs.declaration;

import java.util.List;

/** The answer to a temp-save: the declaration and the temp-save check's message ("保存成功"). */
public record SaveResult(DeclarationDocument declaration, String messageZh, String messageEn, List<String> warningsZh) {
}
