package cn.hnsw.passenger.guide;

import cn.hnsw.common.web.FieldViolation;
import cn.hnsw.passenger.declaration.ArticleCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What an officer writes for a guide; {@link #violations()} is the information check (信息校验). */
public record GuideRequest(String titleZh, String titleEn, String bodyZh, String bodyEn, List<String> categories,
                           Boolean published) {

    List<FieldViolation> violations() {
        List<FieldViolation> v = new ArrayList<>();
        text(v, "titleZh", titleZh, 200, "中文标题", "Chinese title");
        text(v, "titleEn", titleEn, 200, "英文标题", "English title");
        text(v, "bodyZh", bodyZh, 20000, "中文正文", "Chinese text");
        text(v, "bodyEn", bodyEn, 20000, "英文正文", "English text");
        List<String> known = Arrays.stream(ArticleCategory.values()).map(Enum::name).toList();
        if (categories != null) {
            for (String c : categories) {
                if (!known.contains(c)) {
                    v.add(new FieldViolation("categories", "known", "未知的物品类别 " + c, "Unknown article category " + c));
                }
            }
        }
        return v;
    }

    private static void text(List<FieldViolation> v, String field, String value, int max, String zh, String en) {
        if (value == null || value.isBlank()) {
            v.add(new FieldViolation(field, "required", "请填写" + zh, "Enter the " + en));
        } else if (value.length() > max) {
            v.add(new FieldViolation(field, "max", zh + "不超过 " + max + " 字", "The " + en + " is at most " + max
                    + " characters"));
        }
    }
}
