package cn.hnsw.common.web;

import java.util.List;

/**
 * Paging of a list request: {@code page} from 0, {@code size} 1–{@value #MAX_SIZE}. Bad values are refused with a
 * problem detail rather than silently corrected, so a client learns its mistake.
 */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageQuery {
        if (page < 0) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, List.of(
                    new FieldViolation("page", "Min", "页码不能小于 0", "page must not be negative")), null);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new HnswException(CommonErrorCode.VALIDATION_FAILED, List.of(
                    new FieldViolation("size", "Range", "每页条数须在 1 到 " + MAX_SIZE + " 之间",
                            "size must be between 1 and " + MAX_SIZE)), null);
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
