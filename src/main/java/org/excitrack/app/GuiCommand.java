package org.excitrack.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.excitrack.gui.ExcitrackGui;
import org.excitrack.gui.GuiOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code excitrack gui}: the bedside workstation. Lives in the composition root because the command line may not
 * depend on the GUI (ArchitectureTest).
 */
@Command(name = "gui", mixinStandardHelpOptions = true,
        description = {"Opens the bedside workstation: connect, subject, protocol, run with live traces, review.",
            "On Linux it needs a desktop with GTK 3 (Debian/Ubuntu: libgtk-3-0)."},
        footer = {"", "Examples:", "  excitrack gui",
            "  excitrack gui --port 'sim:unit?subject=healthy&seed=3' --virtual-time   (the built-in simulator)",
            "  excitrack gui --port 'sim:unit?subject=healthy' --tms sim:magstim-bistim"})
final class GuiCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "URI", description = "Acquisition unit to connect to at start.")
    private String port;

    @Option(names = "--tms", paramLabel = "URI", description = "Magnetic stimulator to connect to at start.")
    private String stimulator;

    @Option(names = "--recordings", paramLabel = "FOLDER",
            description = "Where recordings are kept (default: ~/Excitrack/recordings).")
    private Path recordings;

    @Option(names = "--virtual-time",
            description = "Run the in-process simulator in simulated time (demonstrations; needs --port sim:...).")
    private boolean virtualTime;

    @Override
    public Integer call() {
        ExcitrackGui.launch(new GuiOptions(Optional.ofNullable(port), Optional.ofNullable(stimulator),
                recordings != null ? recordings : GuiOptions.defaultRecordingsFolder(), virtualTime));
        return 0;
    }
}
