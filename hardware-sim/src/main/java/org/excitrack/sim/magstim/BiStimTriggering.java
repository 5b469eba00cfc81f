package org.excitrack.sim.magstim;

/**
 * How a simulated BiStim² answers the unit's trigger lines: chosen on a real BiStim²'s front panel, so here by a
 * simulator parameter ({@code mode=independent|bistim}).
 */
public enum BiStimTriggering {
    /** Independent triggering: line A fires stimulator A, line B fires stimulator B (system mode '3'). */
    INDEPENDENT,
    /** BiStim mode: line A fires A, and B follows after the stimulator's own interval (system mode '2' or '4'). */
    BISTIM
}
