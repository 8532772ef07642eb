package cn.hnsw.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as every list endpoint returns it. {@code page} counts from 0. */
public record PageResponse<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <T> PageResponse<T> of(List<T> content, PageQuery query, long total) {
        int pages = (int) ((total + query.size() - 1) / query.size());
        return new PageResponse<>(List.copyOf(content), query.page(), query.size(), total, pages);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(content.stream().map(mapper).toList(), page, size, totalElements, totalPages);
    }
}
