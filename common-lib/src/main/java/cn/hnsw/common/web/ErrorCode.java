package cn.hnsw.common.web;

import org.springframework.http.HttpStatus;

/**
 * A stable error code with its HTTP status and its message in Chinese and English. Messages may hold {@code {0}},
 * {@code {1}}… placeholders filled from the exception's arguments. Each service keeps its codes in an enum.
 */
public interface ErrorCode {

    /** The stable code clients switch on, e.g. {@code DECLARATION_NOT_EDITABLE}. */
    String code();

    HttpStatus status();

    String messageZh();

    String messageEn();
}
