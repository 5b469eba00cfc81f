package org.excitrack.gui.subject;

/**
 * Runs only the last of a quick series of requests, once typing pauses, so the recordings folder is not read
 * on every keystroke. Tests pass one that runs at once.
 */
@FunctionalInterface
interface Debounce {
    /** Replaces any action still waiting with {@code action}, to run on the UI thread. */
    void request(Runnable action);
}
