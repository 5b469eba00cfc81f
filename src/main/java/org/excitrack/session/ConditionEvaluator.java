package org.excitrack.session;

import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.function.ToLongFunction;
import org.excitrack.model.plan.Condition;

/**
 * Decides a protocol's {@code if} and {@code while} conditions during a run, on what the session has measured
 * so far: the maximal response (µV), channels' thresholds (nA) and the operator's inputs, all in the base units
 * the compiled plan's constants use.
 */
final class ConditionEvaluator {
    private final DoubleSupplier maximalMicrovolts;
    private final ToLongFunction<String> thresholdNanoamps;
    private final Map<String, Double> inputs;

    ConditionEvaluator(DoubleSupplier maximalMicrovolts, ToLongFunction<String> thresholdNanoamps,
                       Map<String, Double> inputs) {
        this.maximalMicrovolts = maximalMicrovolts;
        this.thresholdNanoamps = thresholdNanoamps;
        this.inputs = inputs;
    }

    boolean holds(Condition c) {
        if (c instanceof Condition.And a) {
            return holds(a.left()) && holds(a.right());
        }
        if (c instanceof Condition.Or o) {
            return holds(o.left()) || holds(o.right());
        }
        if (c instanceof Condition.Not n) {
            return !holds(n.operand());
        }
        Condition.Compare cmp = (Condition.Compare) c;
        double l = value(cmp.left());
        double r = value(cmp.right());
        switch (cmp.operator()) {
            case "<":
                return l < r;
            case "<=":
                return l <= r;
            case ">":
                return l > r;
            case ">=":
                return l >= r;
            case "==":
                return l == r;
            case "!=":
                return l != r;
            default:
                throw new IllegalStateException("unknown comparison " + cmp.operator());
        }
    }

    private double value(Condition.Operand o) {
        if (o instanceof Condition.Constant k) {
            return k.value();
        }
        if (o instanceof Condition.MaximalResponse) {
            return maximalMicrovolts.getAsDouble();
        }
        if (o instanceof Condition.Threshold t) {
            return thresholdNanoamps.applyAsLong(t.channel());
        }
        Double v = inputs.get(((Condition.InputValue) o).name());
        if (v == null) {
            throw new IllegalStateException("the input " + ((Condition.InputValue) o).name() + " has no value yet");
        }
        return v;
    }
}
