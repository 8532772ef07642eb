package cn.hnsw.common.web;

import org.springframework.http.HttpStatus;

/** The HTTP status and the Chinese and English message of an error code ({@code {0}}… placeholders allowed). */
public record ErrorText(HttpStatus status, String messageZh, String messageEn) {
}
