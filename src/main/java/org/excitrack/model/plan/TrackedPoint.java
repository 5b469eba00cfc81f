package org.excitrack.model.plan;

import java.util.List;

/**
 * One point of a track block: the value of its stepped variable and the concrete channels at that value.
 *
 * @param label e.g. "delay = 20 ms", or empty when the block steps nothing
 */
public record TrackedPoint(String label, List<ChannelPlan> channels) {
    public TrackedPoint {
        channels = List.copyOf(channels);
    }
}
