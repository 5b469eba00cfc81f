package org.excitrack.gui.protocol;

import java.util.Optional;

/**
 * What the Protocol step says about the magnetic stimulator: a TMS protocol without one connected is refused,
 * a nerve protocol with one connected is fine but says the stimulator stays unused.
 */
public record StimulatorNote(boolean refuses, String text) {
    static Optional<StimulatorNote> of(String protocolName, boolean magnetic, Optional<String> stimulator) {
        if (magnetic && stimulator.isEmpty()) {
            return Optional.of(new StimulatorNote(true, protocolName + " gives magnetic stimuli (TMS): connect a "
                    + "magnetic stimulator on the Connect step first."));
        }
        if (magnetic) {
            return Optional.of(new StimulatorNote(false, "TMS protocol: magnetic stimuli from " + stimulator.get()
                    + "."));
        }
        return stimulator.map(s -> new StimulatorNote(false, "A nerve protocol: the magnetic stimulator " + s
                + " stays unused."));
    }
}
