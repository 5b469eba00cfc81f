package org.excitrack.lang;

import java.util.ArrayList;
import java.util.List;

/** Expands lists, ranges and geometric series into their values, bounded so no protocol can loop forever. */
final class ListEvaluator {
    static final int MAX_VALUES = 1000;
    private final ConstantEvaluator eval;

    ListEvaluator(ConstantEvaluator eval) {
        this.eval = eval;
    }

    List<Value> expand(Ast.ListExpr list, Scope scope) {
        List<Value> out = new ArrayList<>();
        Unit.Dimension dimension = null;
        for (Ast.ListItem item : list.items()) {
            List<Value> values = item(item, scope);
            for (Value v : values) {
                if (dimension == null) {
                    dimension = v.dimension();
                } else if (v.dimension() != dimension) {
                    throw eval.fail(item.span(), "this list mixes " + dimension.description() + " and "
                            + v.dimension().description() + " ('" + v.display() + "')", "every value needs the same unit kind");
                }
                out.add(v);
                if (out.size() > MAX_VALUES) {
                    throw eval.fail(list.span(), "this list has more than " + MAX_VALUES + " values", null);
                }
            }
        }
        if (out.isEmpty()) {
            throw eval.fail(list.span(), "the list is empty", "give at least one value");
        }
        return out;
    }

    private List<Value> item(Ast.ListItem item, Scope scope) {
        if (item instanceof Ast.Single s) {
            return List.of(eval.eval(s.value(), scope));
        }
        if (item instanceof Ast.Range r) {
            Value from = eval.eval(r.from(), scope);
            Value to = eval.expect(r.to(), scope, from.dimension(), "the end of the range");
            Value step = eval.expect(r.step(), scope, from.dimension(), "the step");
            if (step.base() == 0 || Math.signum(step.base()) != Math.signum(to.base() - from.base())
                    && to.base() != from.base()) {
                throw eval.fail(r.step().span(), "a step of " + step.display() + " never reaches " + to.display()
                        + " from " + from.display(), null);
            }
            long n = (long) Math.floor((to.base() - from.base()) / step.base() + 1e-9) + 1;
            if (n > MAX_VALUES) {
                throw eval.fail(r.span(), "this range has " + n + " values, more than " + MAX_VALUES, null);
            }
            List<Value> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(new Value(round(from.base() + i * step.base()), from.dimension()));
            }
            return out;
        }
        Ast.Geometric g = (Ast.Geometric) item;
        Value from = eval.eval(g.from(), scope);
        Value to = eval.expect(g.to(), scope, from.dimension(), "the end of the series");
        int count = eval.expectCount(g.count(), scope, "the count", 2, MAX_VALUES);
        if (from.base() <= 0 || to.base() <= 0) {
            throw eval.fail(g.span(), "a geometric series needs values above zero", null);
        }
        List<Value> out = new ArrayList<>();
        double ratio = Math.pow(to.base() / from.base(), 1.0 / (count - 1));
        for (int i = 0; i < count; i++) {
            out.add(new Value(round(from.base() * Math.pow(ratio, i)), from.dimension()));
        }
        return out;
    }

    /** Removes floating-point dust, so 0.1 ms × 3 is 300 µs, not 300.00000000000006. */
    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
