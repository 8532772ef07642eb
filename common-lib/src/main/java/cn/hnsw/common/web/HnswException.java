package cn.hnsw.common.web;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;

/**
 * A refusal with a stable code, turned into an RFC 7807 problem detail by {@link ProblemDetailsAdvice}.
 * Domain code throws it (or a subclass) when a rule says no; the message is never a stack trace.
 */
public class HnswException extends RuntimeException {

    private final ErrorCode errorCode;
    private final transient Object[] args;
    private final List<FieldViolation> violations;

    public HnswException(ErrorCode errorCode, Object... args) {
        this(errorCode, List.of(), null, args);
    }

    public HnswException(ErrorCode errorCode, List<FieldViolation> violations, Throwable cause, Object... args) {
        super(errorCode.code() + ": " + format(errorCode.messageEn(), args), cause);
        this.errorCode = errorCode;
        this.args = args.clone();
        this.violations = List.copyOf(violations);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public String messageZh() {
        return format(errorCode.messageZh(), args);
    }

    public String messageEn() {
        return format(errorCode.messageEn(), args);
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    static String format(String pattern, Object... args) {
        if (args == null || args.length == 0) {
            return pattern;
        }
        // MessageFormat treats a single quote as an escape; domain text never means that.
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(args);
    }
}
