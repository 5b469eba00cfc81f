package org.excitrack.model.excitability;

import java.util.List;

/**
 * One threshold-electrotonus curve (TEk rows of a MEM file).
 *
 * @param label the row prefix, e.g. "TE1"
 * @param conditioningPercent the polarizing current while it flows, % of threshold (+ depolarizing)
 * @param points in delay order as recorded
 */
public record ElectrotonusCurve(String label, double conditioningPercent, List<Point> points) {
    public ElectrotonusCurve {
        points = List.copyOf(points);
    }

    /**
     * @param delayMillis test pulse delay on the recording frame (the current flows from 10 to 110 ms in TRONDNF)
     * @param currentPercent the polarizing current at this delay, % of threshold (0 before and after it flows)
     * @param thresholdReductionPercent positive when the threshold is lower (more excitable)
     */
    public record Point(double delayMillis, double currentPercent, double thresholdReductionPercent) {
    }
}
