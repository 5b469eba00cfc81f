package org.excitrack.tracking;

/**
 * One trial a schedule asks for: stimulate this tracked channel at this step with this test stimulus.
 *
 * @param channelIndex index among the section's tracked channels; 0 is the control (test alone)
 * @param stepIndex index into the section's step values (delays, currents, intervals)
 * @param stimulusNanoamps the test stimulus the channel's tracker wants
 */
public record ScheduledTrial(int channelIndex, int stepIndex, long stimulusNanoamps) {
    public ScheduledTrial {
        if (channelIndex < 0 || stepIndex < 0 || stimulusNanoamps <= 0) {
            throw new IllegalArgumentException("invalid trial: channel " + channelIndex + ", step " + stepIndex
                    + ", " + stimulusNanoamps + " nA");
        }
    }

    public boolean isControl() {
        return channelIndex == 0;
    }
}
