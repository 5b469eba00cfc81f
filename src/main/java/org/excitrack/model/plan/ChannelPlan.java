package org.excitrack.model.plan;

import java.util.List;

/**
 * A channel at one point: what it delivers, timed from its own time zero.
 *
 * @param tracked whether its test pulse is tracked (untracked channels record responses, e.g. conditioning alone)
 */
public record ChannelPlan(String name, boolean tracked, List<StimulusElement> elements) {
    public ChannelPlan {
        elements = List.copyOf(elements);
    }
}
