package org.excitrack.lang;

import java.util.List;
import java.util.Set;
import org.excitrack.lang.Ast.Expr;

/**
 * Evaluates expressions that must be known when the protocol is compiled, with units: a sum of a time and a
 * current is an error, a product of a number and a time is a time. Errors become diagnostics and a
 * {@link Failed} is thrown to abandon just that expression.
 */
final class ConstantEvaluator {
    static final class Failed extends RuntimeException {
        Failed() {
            super(null, null, false, false);
        }
    }

    private final List<Diagnostic> diagnostics;
    private final Set<String> inputs;

    ConstantEvaluator(List<Diagnostic> diagnostics, Set<String> inputs) {
        this.diagnostics = diagnostics;
        this.inputs = inputs;
    }

    Value eval(Expr e, Scope scope) {
        if (e instanceof Ast.Number n) {
            return Value.number(n.value());
        }
        if (e instanceof Ast.Quantity q) {
            return Value.of(q.value(), q.unit());
        }
        if (e instanceof Ast.Ref r) {
            return scope.lookup(r.name()).orElseThrow(() -> {
                if (inputs.contains(r.name())) {
                    return fail(r.span(), "'" + r.name() + "' is typed by the operator during the run, so it cannot "
                            + "set this value", "use it in an 'if' or 'repeat' condition");
                }
                String hint = Suggestions.didYouMean(r.name(), scope.names());
                return fail(r.span(), "unknown name '" + r.name() + "'", hint != null ? hint
                        : "declare it with 'parameter " + r.name() + " = …' or a 'for' loop");
            });
        }
        if (e instanceof Ast.Measured m) {
            throw fail(m.span(), "'" + m.what() + "' is measured during the run, so it cannot set this value",
                    "use it in an 'if' or 'repeat' condition");
        }
        if (e instanceof Ast.Unary u) {
            if (u.op().equals("not")) {
                throw fail(u.span(), "'not' needs a condition, not a value", null);
            }
            Value v = eval(u.operand(), scope);
            return u.op().equals("-") ? new Value(-v.base(), v.dimension()) : v;
        }
        Ast.Binary b = (Ast.Binary) e;
        if (Set.of("and", "or", "<", "<=", ">", ">=", "==", "!=").contains(b.op())) {
            throw fail(b.span(), "a condition ('" + b.op() + "') cannot be used as a value", null);
        }
        Value l = eval(b.left(), scope);
        Value r = eval(b.right(), scope);
        return switch (b.op()) {
            case "+", "-" -> {
                if (l.dimension() != r.dimension()) {
                    throw fail(b.span(), "cannot " + (b.op().equals("+") ? "add" : "subtract") + " "
                            + l.dimension().description() + " (" + l.display() + ") and " + r.dimension().description()
                            + " (" + r.display() + ")", null);
                }
                yield new Value(b.op().equals("+") ? l.base() + r.base() : l.base() - r.base(), l.dimension());
            }
            case "*" -> {
                if (l.dimension() != Unit.Dimension.NUMBER && r.dimension() != Unit.Dimension.NUMBER) {
                    throw fail(b.span(), "cannot multiply " + l.dimension().description() + " by "
                            + r.dimension().description(), "multiply a quantity by a plain number");
                }
                yield new Value(l.base() * r.base(), l.dimension() == Unit.Dimension.NUMBER ? r.dimension() : l.dimension());
            }
            default -> {
                if (r.base() == 0) {
                    throw fail(b.right().span(), "division by zero", null);
                }
                if (r.dimension() == Unit.Dimension.NUMBER) {
                    yield new Value(l.base() / r.base(), l.dimension());
                }
                if (l.dimension() == r.dimension()) {
                    yield Value.number(l.base() / r.base());
                }
                throw fail(b.span(), "cannot divide " + l.dimension().description() + " by "
                        + r.dimension().description(), null);
            }
        };
    }

    /** Evaluates and requires a dimension; a bare number where a unit is needed gets a "missing unit" hint. */
    Value expect(Expr e, Scope scope, Unit.Dimension dimension, String what) {
        Value v = eval(e, scope);
        if (v.dimension() == dimension) {
            if (!Double.isFinite(v.base())) {
                throw fail(e.span(), what + " is not a finite number", null);
            }
            return v;
        }
        if (v.dimension() == Unit.Dimension.NUMBER && dimension != Unit.Dimension.NUMBER) {
            throw fail(e.span(), what + " needs a unit: '" + v.display() + "' is a plain number",
                    "write it with its unit, e.g. " + v.display() + " " + dimension.exampleSymbol());
        }
        throw fail(e.span(), what + " must be " + dimension.description() + ", but '" + v.display() + "' is "
                + v.dimension().description(), dimension == Unit.Dimension.NUMBER ? "write a plain number"
                : "use a unit such as " + dimension.exampleSymbol());
    }

    /** A whole number in a range, e.g. a count. */
    int expectCount(Expr e, Scope scope, String what, int min, int max) {
        Value v = expect(e, scope, Unit.Dimension.NUMBER, what);
        if (v.base() != Math.rint(v.base()) || v.base() < min || v.base() > max) {
            throw fail(e.span(), what + " must be a whole number from " + min + " to " + max + ", not "
                    + v.display(), null);
        }
        return (int) v.base();
    }

    Failed fail(Span span, String message, String hint) {
        diagnostics.add(hint == null ? Diagnostic.error(span, message) : Diagnostic.error(span, message, hint));
        return new Failed();
    }
}
