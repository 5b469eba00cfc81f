package org.excitrack.model.plan;

import java.util.List;

/** One thing the session does, in order. */
public sealed interface PlanStep {

    record Prompt(String text) implements PlanStep {
    }

    /** The operator must confirm to go on; declining ends the protocol. */
    record Confirm(String text) implements PlanStep {
    }

    /** Every item must be ticked to go on. */
    record Checklist(String title, List<String> items) implements PlanStep {
        public Checklist {
            items = List.copyOf(items);
        }
    }

    /** A number the operator types, checked against its range, stored under its name. */
    record Input(String name, String label, String unit, double min, double max) implements PlanStep {
    }

    /** Finds the maximal response with test pulses of this width and records the stimulus-response curve. */
    record StimulusResponse(long widthMicros) implements PlanStep {
    }

    /** Tracks thresholds at each point; channels are interleaved as the mode says. */
    record Track(TrackMode mode, List<TrackedPoint> points) implements PlanStep {
        public Track {
            points = List.copyOf(points);
        }
    }

    /**
     * Hunts the magnetic stimulus at which half the MEPs reach {@code targetMicrovolts} with the named method
     * (ifcn, ml-pest, excitrack); the result becomes the threshold of channel {@code name}.
     */
    record MotorThreshold(String name, String method, double targetMicrovolts) implements PlanStep {
    }

    /**
     * Delivers every (untracked) channel of each point {@code repetitions} times, in a pseudo-random order within
     * the point, and records the responses: conventional amplitude measurements (recruitment curve, A-SICI).
     */
    record Measure(int repetitions, List<TrackedPoint> points) implements PlanStep {
        public Measure {
            points = List.copyOf(points);
        }
    }

    record Conditional(Condition condition, List<PlanStep> then, List<PlanStep> otherwise) implements PlanStep {
        public Conditional {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** Runs the body while the condition holds, at most {@code maxTimes} times. */
    record Repeat(int maxTimes, Condition condition, List<PlanStep> body) implements PlanStep {
        public Repeat {
            body = List.copyOf(body);
        }
    }

    /** SINGLE: one tracked channel; SERIAL: channels alternate; PARALLEL: interleaved pseudo-randomly. */
    enum TrackMode {
        SINGLE, SERIAL, PARALLEL
    }
}
