package cn.hnsw.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns every failure into an RFC 7807 problem detail with a stable code and a Chinese and English message.
 * Unexpected failures are logged with the request id and answered with a generic 500: no stack trace leaves.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    private static final MediaType PROBLEM = MediaType.parseMediaType(Problem.MEDIA_TYPE);

    @ExceptionHandler(HnswException.class)
    ResponseEntity<Problem> hnsw(HnswException e, HttpServletRequest request) {
        if (e.errorCode().status().is5xxServerError()) {
            log.error("event=request-failed code={} requestId={}", e.errorCode().code(), RequestIds.of(request), e);
        }
        return respond(Problem.of(e, request.getRequestURI(), RequestIds.of(request), ClientLanguage.of(request)));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<Problem> invalidBody(BindException e, HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ObjectError error : e.getBindingResult().getAllErrors()) {
            String field = error instanceof FieldError fe ? fe.getField() : error.getObjectName();
            violations.add(toViolation(field, error));
        }
        return validationFailed(violations, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<Problem> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(error -> violations.add(toViolation(name, error)));
        });
        return validationFailed(violations, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Problem> constraintViolations(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(BilingualValidationMessages.toViolation(lastNode(v.getPropertyPath().toString()), v));
        }
        return validationFailed(violations, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BodySizeLimitFilter.PayloadTooLargeException tooLarge) {
                return hnsw(tooLarge, request);
            }
        }
        return respond(CommonErrorCode.MALFORMED_REQUEST, request, "JSON");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Problem> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(CommonErrorCode.MISSING_PARAMETER, request, e.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Problem> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return respond(CommonErrorCode.INVALID_PARAMETER, request, e.getName());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Problem> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(CommonErrorCode.METHOD_NOT_ALLOWED, request, e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Problem> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, request, String.valueOf(e.getContentType()));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Problem> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(CommonErrorCode.NOT_ACCEPTABLE, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Problem> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(CommonErrorCode.NOT_FOUND, request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Problem> uploadTooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(CommonErrorCode.PAYLOAD_TOO_LARGE, request, e.getMaxUploadSize() + " B");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<Problem> conflict(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(CommonErrorCode.CONFLICT, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Problem> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(CommonErrorCode.ACCESS_DENIED, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Problem> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return respond(CommonErrorCode.UNAUTHENTICATED, request);
    }

    /**
     * An asynchronous request ran past its timeout. A server-sent-events stream has long been answered (its response
     * is committed): it simply ends, and the client reconnects; nothing failed, so nothing is logged as an error.
     * Otherwise the caller gets a 503 problem it may retry.
     */
    @ExceptionHandler(AsyncRequestTimeoutException.class)
    ResponseEntity<Problem> asyncTimeout(AsyncRequestTimeoutException e, HttpServletRequest request,
                                         jakarta.servlet.http.HttpServletResponse response) {
        if (response.isCommitted()) {
            log.debug("event=async-request-timed-out requestId={} path={}", RequestIds.of(request), request.getRequestURI());
            return null;
        }
        return respond(CommonErrorCode.REQUEST_TIMEOUT, request);
    }

    /**
     * The client went away while an asynchronous answer (an event stream, mostly) was still being written: there is no
     * one to answer and nothing failed on this side, so nothing is logged as an error and nothing is written.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    ResponseEntity<Problem> clientGone(AsyncRequestNotUsableException e, HttpServletRequest request) {
        log.debug("event=client-gone requestId={} path={}", RequestIds.of(request), request.getRequestURI());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Problem> unexpected(Exception e, HttpServletRequest request) {
        log.error("event=request-failed code=INTERNAL_ERROR requestId={} path={}", RequestIds.of(request),
                request.getRequestURI(), e);
        return respond(CommonErrorCode.INTERNAL_ERROR, request);
    }

    private ResponseEntity<Problem> validationFailed(List<FieldViolation> violations, HttpServletRequest request) {
        CommonErrorCode code = CommonErrorCode.VALIDATION_FAILED;
        return respond(Problem.of(code, code.messageZh(), code.messageEn(), request.getRequestURI(),
                RequestIds.of(request), ClientLanguage.of(request), violations));
    }

    private static FieldViolation toViolation(String field, Object error) {
        if (error instanceof ObjectError oe) {
            try {
                return BilingualValidationMessages.toViolation(field, oe.unwrap(ConstraintViolation.class));
            } catch (IllegalArgumentException notAConstraint) {
                // a type conversion error, not a constraint
                return new FieldViolation(field, oe.getCode(), "字段值无效或格式错误", "The value is invalid or malformed");
            }
        }
        return new FieldViolation(field, "Invalid", "字段值无效或格式错误", "The value is invalid or malformed");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot >= 0 ? path.substring(dot + 1) : path;
    }

    private ResponseEntity<Problem> respond(ErrorCode code, HttpServletRequest request, Object... args) {
        return respond(Problem.of(code, request.getRequestURI(), RequestIds.of(request), ClientLanguage.of(request), args));
    }

    private ResponseEntity<Problem> respond(Problem problem) {
        return ResponseEntity.status(problem.status()).contentType(PROBLEM).body(problem);
    }
}
