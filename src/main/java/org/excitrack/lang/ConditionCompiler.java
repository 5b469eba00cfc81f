package org.excitrack.lang;

import java.util.Map;
import java.util.Set;
import org.excitrack.lang.Ast.Expr;
import org.excitrack.model.plan.Condition;

/** Turns a condition into the plan's run-time form, checking that both sides of a comparison agree in kind. */
final class ConditionCompiler {
    private static final Set<String> COMPARISONS = Set.of("<", "<=", ">", ">=", "==", "!=");
    private final ConstantEvaluator eval;
    private final Map<String, Unit> inputs;
    private final Set<String> thresholdChannels;

    ConditionCompiler(ConstantEvaluator eval, Map<String, Unit> inputs, Set<String> thresholdChannels) {
        this.eval = eval;
        this.inputs = inputs;
        this.thresholdChannels = thresholdChannels;
    }

    Condition compile(Expr e, Scope scope) {
        if (e instanceof Ast.Unary u && u.op().equals("not")) {
            return new Condition.Not(compile(u.operand(), scope));
        }
        if (e instanceof Ast.Binary b && (b.op().equals("and") || b.op().equals("or"))) {
            Condition l = compile(b.left(), scope);
            Condition r = compile(b.right(), scope);
            return b.op().equals("and") ? new Condition.And(l, r) : new Condition.Or(l, r);
        }
        if (e instanceof Ast.Binary b && COMPARISONS.contains(b.op())) {
            Typed l = operand(b.left(), scope);
            Typed r = operand(b.right(), scope);
            if (l.dimension() != r.dimension()) {
                throw eval.fail(b.span(), "cannot compare " + l.dimension().description() + " with "
                        + r.dimension().description(), null);
            }
            return new Condition.Compare(l.operand(), b.op(), r.operand());
        }
        throw eval.fail(e.span(), "expected a condition such as 'maximal response < 0.5 mV'", null);
    }

    private Typed operand(Expr e, Scope scope) {
        if (e instanceof Ast.Measured m && m.what().equals("maximal response")) {
            return new Typed(new Condition.MaximalResponse(), Unit.Dimension.VOLTAGE);
        }
        if (e instanceof Ast.Measured m) {
            String channel = m.channel().orElseThrow(() -> eval.fail(m.span(),
                    "name the channel whose threshold you mean, e.g. threshold \"control\"", null));
            if (!thresholdChannels.contains(channel)) {
                throw eval.fail(m.span(), "no tracked channel \"" + channel + "\" comes before this condition",
                        Suggestions.didYouMean(channel, thresholdChannels));
            }
            return new Typed(new Condition.Threshold(channel), Unit.Dimension.CURRENT);
        }
        if (e instanceof Ast.Ref r && scope.lookup(r.name()).isEmpty() && inputs.containsKey(r.name())) {
            return new Typed(new Condition.InputValue(r.name()), inputs.get(r.name()).dimension());
        }
        String runTime = runTimeName(e, scope);
        if (runTime != null) {
            throw eval.fail(e.span(), runTime + " can only be compared as it is, not computed with",
                    "compare it with a constant, e.g. " + (runTime.startsWith("the input") ? "temperature < 32 °C"
                            : "threshold \"control\" > 5 mA"));
        }
        Value v = eval.eval(e, scope);
        return new Typed(new Condition.Constant(v.base(), v.dimension().baseSymbol()), v.dimension());
    }

    /** The first quantity known only during the run inside a compound expression, or null. */
    private String runTimeName(Expr e, Scope scope) {
        if (e instanceof Ast.Measured m) {
            return "'" + m.what() + m.channel().map(c -> " \"" + c + "\"").orElse("") + "'";
        }
        if (e instanceof Ast.Ref r && scope.lookup(r.name()).isEmpty() && inputs.containsKey(r.name())) {
            return "the input '" + r.name() + "'";
        }
        if (e instanceof Ast.Unary u) {
            return runTimeName(u.operand(), scope);
        }
        if (e instanceof Ast.Binary b) {
            String left = runTimeName(b.left(), scope);
            return left != null ? left : runTimeName(b.right(), scope);
        }
        return null;
    }

    private record Typed(Condition.Operand operand, Unit.Dimension dimension) {
    }
}
