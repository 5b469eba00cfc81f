package org.excitrack.app;

import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.cli.Cli;
import org.excitrack.sim.SimCommand;

/**
 * The composition root: the one place that joins the controller's CLI with the simulator's own command.
 * A plain class (not a JavaFX Application) so it can be the jar's entry point.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = Cli.create(new SimCommand(recording -> ExcitabilityVariables.compute(recording).numbered()),
                new GuiCommand()).execute(args);
        System.exit(code);
    }
}
