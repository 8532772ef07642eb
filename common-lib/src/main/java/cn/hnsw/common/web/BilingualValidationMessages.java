package cn.hnsw.common.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a constraint violation in Chinese and in English whatever the request's locale, so that every problem
 * detail carries both. Message keys are looked up in the service's {@code ValidationMessages} bundles first, then in
 * Hibernate Validator's, which ships Chinese and English texts for the standard constraints.
 */
final class BilingualValidationMessages {

    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    static final Locale EN = Locale.ENGLISH;
    private static final Pattern KEY = Pattern.compile("\\{([\\w.]+)}");
    private static final String[] BUNDLES = {"ValidationMessages", "org.hibernate.validator.ValidationMessages"};

    private BilingualValidationMessages() {
    }

    static FieldViolation toViolation(String field, ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        String constraint = descriptor.getAnnotation().annotationType().getSimpleName();
        String template = violation.getMessageTemplate();
        String zh = render(template, descriptor.getAttributes(), ZH);
        String en = render(template, descriptor.getAttributes(), EN);
        if (zh == null || en == null) {
            // Expression-language templates need the validator's interpolator: keep what it produced for both.
            zh = zh == null ? violation.getMessage() : zh;
            en = en == null ? violation.getMessage() : en;
        }
        return new FieldViolation(field, constraint, zh, en);
    }

    static String render(String template, Map<String, Object> attributes, Locale locale) {
        if (template.contains("${")) {
            return null;
        }
        String resolved = replace(template, key -> lookup(key, locale));
        if (resolved.contains("${")) {
            return null;
        }
        return replace(resolved, key -> {
            Object value = attributes.get(key);
            return value == null ? null : String.valueOf(value);
        });
    }

    private static String replace(String text, java.util.function.Function<String, String> values) {
        Matcher m = KEY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String lookup(String key, Locale locale) {
        for (String bundle : BUNDLES) {
            try {
                ResourceBundle rb = ResourceBundle.getBundle(bundle, locale, ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
                if (rb.containsKey(key)) {
                    return rb.getString(key);
                }
            } catch (MissingResourceException notThere) {
                // try the next bundle
            }
        }
        return null;
    }
}
