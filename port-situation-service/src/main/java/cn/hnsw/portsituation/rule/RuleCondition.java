package cn.hnsw.portsituation.rule;

import cn.hnsw.common.web.HnswException;
import org.springframework.context.expression.MapAccessor;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.EvaluationException;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.IntLiteral;
import org.springframework.expression.spel.ast.Literal;
import org.springframework.expression.spel.ast.LongLiteral;
import org.springframework.expression.spel.ast.OpEQ;
import org.springframework.expression.spel.ast.OpGE;
import org.springframework.expression.spel.ast.OpGT;
import org.springframework.expression.spel.ast.OpLE;
import org.springframework.expression.spel.ast.OpLT;
import org.springframework.expression.spel.ast.OpNE;
import org.springframework.expression.spel.ast.PropertyOrFieldReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

import java.util.Map;
import java.util.TreeMap;

/**
 * A rule's condition: a Spring Expression Language (SpEL) boolean over the facts of its {@link RuleScope}, e.g.
 * {@code sogKnots > 18 and areaCodes.contains('QZ-CHANNEL')}. Evaluated in a {@link SimpleEvaluationContext} with
 * read-only map access: no types, constructors, beans or assignments, so a rule cannot reach beyond its facts.
 * Parsed in SpEL's mixed compiler mode: a condition evaluated often (every AIS fix) is compiled to bytecode once its
 * types are known, and falls back to interpretation when a fact's type changes (a missing speed, say). SpEL compiles a
 * comparison only when both sides have the same numeric type, so on parsing an integer literal compared with a fact is
 * given the fact's type (taken from the scope's sample facts: {@code sogKnots > 18} is evaluated as
 * {@code sogKnots > 18.0}, {@code count > 100} as {@code count > 100L}); the rule as saved and shown is the text as
 * written, and the answers are the same (SpEL compares an integer with a double or long by widening it anyway).
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
            expression = PARSER.parseExpression(typedLiterals(text, PARSER.parseExpression(text), scope));
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

    /**
     * The text with each integer literal that is compared ({@code > >= < <= == !=}) with a fact given the fact's
     * numeric type (double or long), so that the comparison can be compiled; other literals stay as written.
     */
    static String typedLiterals(String text, Expression parsed, RuleScope scope) {
        if (!(parsed instanceof SpelExpression spel)) {
            return text;
        }
        TreeMap<Integer, int[]> edits = new TreeMap<>();
        Map<Integer, String> replacements = new java.util.HashMap<>();
        collect(spel.getAST(), scope.sampleFacts(), edits, replacements);
        if (edits.isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        for (Map.Entry<Integer, int[]> e : edits.descendingMap().entrySet()) {
            out.replace(e.getValue()[0], e.getValue()[1], replacements.get(e.getKey()));
        }
        return out.toString();
    }

    private static void collect(SpelNode node, Map<String, Object> samples, TreeMap<Integer, int[]> edits,
                                Map<Integer, String> replacements) {
        if (node instanceof OpGT || node instanceof OpGE || node instanceof OpLT || node instanceof OpLE
                || node instanceof OpEQ || node instanceof OpNE) {
            for (int i = 0; i < 2 && node.getChildCount() == 2; i++) {
                SpelNode literal = node.getChild(i);
                SpelNode other = node.getChild(1 - i);
                if ((literal instanceof IntLiteral || literal instanceof LongLiteral)
                        && other instanceof PropertyOrFieldReference fact) {
                    Object sample = samples.get(fact.getName());
                    long value = ((Number) ((Literal) literal).getLiteralValue().getValue()).longValue();
                    String typed = sample instanceof Double || sample instanceof Float ? value + ".0"
                            : sample instanceof Long ? value + "L" : null;
                    if (typed != null) {
                        edits.put(literal.getStartPosition(), new int[] {literal.getStartPosition(), literal.getEndPosition()});
                        replacements.put(literal.getStartPosition(), typed);
                    }
                }
            }
        }
        for (int i = 0; i < node.getChildCount(); i++) {
            collect(node.getChild(i), samples, edits, replacements);
        }
    }

    /** Whether SpEL has compiled the condition to bytecode (it does so after some evaluations in mixed mode). */
    boolean compiled() {
        return expression instanceof SpelExpression spel && spel.compileExpression();
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
