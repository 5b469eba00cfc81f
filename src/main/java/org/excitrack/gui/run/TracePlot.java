package org.excitrack.gui.run;

import javafx.scene.Node;

/**
 * A live plot: drawn on a Canvas from bounded buffers, redrawn at most once per frame and only when its data
 * changed (ADR 0011). The Run view's one animation timer calls {@link #redraw()} on every pulse.
 */
public interface TracePlot {
    Node node();

    /** Draws again if the data or the size changed since the last call; returns whether it drew. FX thread. */
    boolean redraw();
}
