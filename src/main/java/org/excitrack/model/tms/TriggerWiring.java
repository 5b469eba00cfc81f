package org.excitrack.model.tms;

/**
 * Which of the acquisition unit's trigger outputs fires which stimulator output. Firing by the unit's trigger
 * (the default) times every magnetic pulse to the microsecond within the trial the unit records; on a BiStim²
 * in independent-trigger mode, A and B each have their own line, so the unit also times the conditioning-test
 * interval and test-alone trials need no power change.
 */
public record TriggerWiring(int outputALine, int outputBLine) {
    public static final TriggerWiring DEFAULT = new TriggerWiring(0, 1);

    public TriggerWiring {
        if (outputALine < 0 || outputBLine < 0) {
            throw new IllegalArgumentException("trigger lines must not be negative");
        }
    }
}
