package org.excitrack.gui.run;

/**
 * A warning as the strip shows it.
 *
 * @param afterTrials how many trials had been given when it came, so the operator can place it in the run
 * @param kind the session's category (noise, link, limit, emg, threshold, checklist)
 */
record LiveWarning(long afterTrials, String kind, String message) {
}
