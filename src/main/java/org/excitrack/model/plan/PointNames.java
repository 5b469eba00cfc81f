package org.excitrack.model.plan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names under which a section's tracked points are recorded. A point's label names only its step value
 * ("delay = 20 ms"), which repeats when a section tracks several curves (TRONDNF's four electrotonus currents);
 * then each point is named with its track's number too ("delay = 20 ms (track 2)"), so thresholds stay apart.
 */
public final class PointNames {
    private PointNames() {
    }

    /** Every tracked point of {@code section}, by identity, to its recorded name. */
    public static Map<TrackedPoint, String> of(PlanSection section) {
        List<PlanStep.Track> tracks = new ArrayList<>();
        collect(section.steps(), tracks);
        Map<TrackedPoint, String> names = new IdentityHashMap<>();
        for (int k = 0; k < tracks.size(); k++) {
            for (TrackedPoint p : tracks.get(k).points()) {
                names.put(p, tracks.size() == 1 ? p.label() : p.label() + " (track " + (k + 1) + ")");
            }
        }
        return names;
    }

    private static void collect(List<PlanStep> steps, List<PlanStep.Track> into) {
        for (PlanStep s : steps) {
            if (s instanceof PlanStep.Track t) {
                into.add(t);
            } else if (s instanceof PlanStep.Conditional c) {
                collect(c.then(), into);
                collect(c.otherwise(), into);
            } else if (s instanceof PlanStep.Repeat r) {
                collect(r.body(), into);
            }
        }
    }
}
