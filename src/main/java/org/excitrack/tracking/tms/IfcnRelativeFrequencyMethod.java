package org.excitrack.tracking.tms;

import java.util.Optional;

/**
 * The IFCN relative-frequency rule (Rossini–Rothwell; Rossini et al. 2015; tms.md §3.2.1): the motor threshold is
 * the lowest output at which at least 5 of 10 consecutive MEPs reach the target (50 µV at rest).
 *
 * <p>Rule, as commonly run:
 * <ol>
 *   <li>Start at a level believed to be above threshold. At each level give up to 10 stimuli, and decide the
 *       level as soon as its outcome is certain: 5 hits make it suprathreshold, 6 misses (more than 5) make it
 *       subthreshold.</li>
 *   <li>While no level has been suprathreshold, a subthreshold level sends the search up by 5 %MSO (to the
 *       maximum when 5 would overshoot it; beyond the maximum, the method finishes with
 *       {@link FinishReason#THRESHOLD_ABOVE_MAXIMUM}).</li>
 *   <li>After a suprathreshold level, step down by 1 %MSO; the first subthreshold level ends the search. A level
 *       already found subthreshold on the way up is not tested again: it ends the search too.</li>
 *   <li>The threshold is the last (lowest) suprathreshold level.</li>
 * </ol>
 * The counts and steps are settings, so Wang et al.'s 10-of-20 and 2 %MSO variants run the same way. The rule
 * answers in whole levels: the estimate is the lowest suprathreshold level, and its interval is the bracket
 * from the highest subthreshold level below it. It has no standard error.
 */
public final class IfcnRelativeFrequencyMethod extends BudgetedMethod {

    /**
     * @param hitsNeeded hits that make a level suprathreshold (5)
     * @param trialsPerLevel most stimuli at one level (10); a level with more than trialsPerLevel − hitsNeeded
     *     misses is subthreshold
     * @param stepDownPercentMso step of the descent (1)
     * @param searchStepUpPercentMso step of the upward search from a subthreshold start (5)
     */
    public record Settings(int hitsNeeded, int trialsPerLevel, int stepDownPercentMso, int searchStepUpPercentMso) {
        public Settings {
            if (hitsNeeded < 1 || trialsPerLevel < hitsNeeded || stepDownPercentMso < 1 || searchStepUpPercentMso < 1) {
                throw new IllegalArgumentException("invalid relative-frequency settings " + this);
            }
        }

        /** 5 of 10, 1 %MSO down, 5 %MSO up. */
        public static Settings standard() {
            return new Settings(5, 10, 1, 5);
        }
    }

    private final Settings rule;
    private int level;
    private int hits;
    private int misses;
    private Integer lowestSuprathreshold;
    private Integer highestSubthreshold;

    public IfcnRelativeFrequencyMethod(MotorThresholdSettings settings) {
        this(settings, Settings.standard());
    }

    public IfcnRelativeFrequencyMethod(MotorThresholdSettings settings, Settings rule) {
        super(settings);
        this.rule = rule;
        this.level = settings.startPercentMso();
    }

    @Override
    public MotorThresholdMethodKind kind() {
        return MotorThresholdMethodKind.IFCN;
    }

    @Override
    protected int next() {
        return level;
    }

    @Override
    protected void accept(int intensityPercentMso, double mepMicrovolts) {
        if (intensityPercentMso != level) {
            throw new IllegalArgumentException("the relative-frequency rule is testing " + level
                    + " %MSO; a stimulus at " + intensityPercentMso + " %MSO does not count towards it");
        }
    }

    @Override
    protected void update(int intensityPercentMso, double mepMicrovolts) {
        if (isHit(mepMicrovolts)) {
            hits++;
        } else {
            misses++;
        }
        if (hits >= rule.hitsNeeded()) {
            lowestSuprathreshold = level;
            moveTo(level - rule.stepDownPercentMso());
        } else if (misses > rule.trialsPerLevel() - rule.hitsNeeded()) {
            highestSubthreshold = highestSubthreshold == null ? level : Math.max(highestSubthreshold, level);
            if (lowestSuprathreshold != null) {
                finish(FinishReason.STOP_RULE_MET);
            } else {
                searchUp();
            }
        }
    }

    private void moveTo(int nextLevel) {
        if (highestSubthreshold != null && nextLevel <= highestSubthreshold) {
            finish(FinishReason.STOP_RULE_MET);
        } else if (nextLevel < 1) {
            finish(FinishReason.THRESHOLD_AT_MINIMUM);
        } else {
            startLevel(nextLevel);
        }
    }

    private void searchUp() {
        int max = settings.maxIntensityPercentMso();
        if (level >= max) {
            finish(FinishReason.THRESHOLD_ABOVE_MAXIMUM);
        } else {
            // the last step of the search stops at the maximum rather than skipping the levels below it
            startLevel(Math.min(max, level + rule.searchStepUpPercentMso()));
        }
    }

    private void startLevel(int nextLevel) {
        level = nextLevel;
        hits = 0;
        misses = 0;
    }

    /** The lowest suprathreshold level so far; empty until one level has reached the criterion. */
    @Override
    public Optional<MotorThresholdEstimate> estimate() {
        if (lowestSuprathreshold == null) {
            return Optional.empty();
        }
        int threshold = lowestSuprathreshold;
        double lower = highestSubthreshold != null && highestSubthreshold < threshold ? highestSubthreshold
                : threshold - rule.stepDownPercentMso();
        return Optional.of(new MotorThresholdEstimate(threshold, Double.NaN, lower, threshold, stimuliGiven()));
    }
}
