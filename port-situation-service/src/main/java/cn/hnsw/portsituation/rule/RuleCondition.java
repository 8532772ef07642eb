package cn.hnsw.portsituation.rule;

import cn.hnsw.common.web.HnswException;
import org.springframework.context.expression.MapAccessor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import java.util.Map;

/**
 * A rule's condition: a Spring Expression Language (SpEL) boolean over the facts of its {@link RuleScope}, e.g.
 * {@code sogKnots > 18 and areaCodes.contains('QZ-CHANNEL')}. Evaluated in a {@link SimpleEvaluationContext} with
 * read-only map access: no types, constructors, beans or assignments, so a rule cannot reach beyond its facts.
 * Parsed in SpEL's mixed compiler mode: a condition evaluated often (every AIS fix) is compiled to bytecode once its
 * types are known, and falls back to interpretation when a fact's type changes (a missing speed, say).
 */
public final class RuleCondition {

    private static final SpelExpressionParser PARSER = new SpelExpressionParser(
            new org.springframework.expression.spel.SpelParserConfiguration(
                    org.springframework.expression.spel.SpelCompilerMode.MIXED, RuleCondition.class.getClassLoader()));
    private static final int MAX_LENGTH = 1000;

    private final String text;
    private final Expression expression;

    private RuleCondition(String text, Expression expression) {
        this.text = text;
        this.expression = expression;
    }

    /** Parses and tries the condition against the scope's sample facts; refuses it when either fails. */
    public static RuleCondition compile(String text, RuleScope scope) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new HnswException(RuleErrorCode.RULE_CONDITION_INVALID, "empty or longer than 1000 characters");
        }
        Expression expression;
        try {
            expression = PARSER.parseExpression(text);
        } catch (ParseException | IllegalStateException e) {
            throw new HnswException(RuleErrorCode.RULE_CONDITION_INVALID, e.getMessage());
        }
        RuleCondition condition = new RuleCondition(text, expression);
        try {
            Object value = expression.getValue(context(), scope.sampleFacts());
            if (!(value instanceof Boolean)) {
                throw new HnswException(RuleErrorCode.RULE_CONDITION_INVALID, "the condition must give true or false");
            }
        } catch (EvaluationException e) {
            throw new HnswException(RuleErrorCode.RULE_CONDITION_INVALID, e.getMessage());
        }
        return condition;
    }

    /** True when the facts meet the condition; a condition that fails on these facts is not met. */
    public boolean test(Map<String, Object> facts) {
        try {
            return Boolean.TRUE.equals(expression.getValue(context(), facts));
        } catch (EvaluationException e) {
            return false;
        }
    }

    public String text() {
        return text;
    }

    /** Read-only and without variables, so one context serves every evaluation on every thread. */
    private static final EvaluationContext CONTEXT =
            SimpleEvaluationContext.forPropertyAccessors(new MapAccessor(false)).withInstanceMethods().build();

    private static EvaluationContext context() {
        return CONTEXT;
    }
}
