package org.excitrack.gui.common;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.excitrack.gui.GuiOptions;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;

/**
 * What the workflow's steps hand to each other: the connected devices, the subject, the chosen protocol, the run
 * in progress and the recording to review. Properties change on the FX thread only (or the test's thread).
 */
public final class Workstation {
    private final GuiOptions options;
    private final Background background;
    private final StopLine stopLine = new StopLine();

    /** The acquisition unit's port URI once the Connect step has verified it. */
    private final StringProperty unitPort = new SimpleStringProperty();
    /** The magnetic stimulator's URI, or null when the session uses none. */
    private final StringProperty stimulatorPort = new SimpleStringProperty();
    /** The unit's identity as a line for the status bar ("Excitrack unit EXU-SIM-0001, firmware 1.2"). */
    private final StringProperty unitDescription = new SimpleStringProperty("Not connected");
    /** What the connected unit can do; protocols are compiled against it. */
    private final ObjectProperty<UnitCapabilities> unitCapabilities = new SimpleObjectProperty<>();
    private final ObjectProperty<RunService.Subject> subject = new SimpleObjectProperty<>();
    /** A built-in protocol's name or a {@code .exc} file's path, once it compiles against the unit. */
    private final StringProperty protocol = new SimpleStringProperty();
    private final ObjectProperty<Map<String, String>> protocolOverrides = new SimpleObjectProperty<>(Map.of());
    /** The recording being made or the one to review. */
    private final ObjectProperty<Path> recording = new SimpleObjectProperty<>();
    /** The controls of the run in progress, or null between runs. */
    private final ObjectProperty<RunControl> activeRun = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(Step.CONNECT);

    public Workstation(GuiOptions options, Background background) {
        this.options = options;
        this.background = background;
        running.bind(activeRun.isNotNull());
        // a protocol was checked against the devices connected then: another unit or stimulator must be checked
        // again (a TMS protocol chosen with a stimulator must not run once the stimulator is dropped)
        javafx.beans.value.ChangeListener<Object> devicesChanged = (o, before, now) -> protocol.set(null);
        unitPort.addListener(devicesChanged);
        stimulatorPort.addListener(devicesChanged);
        unitCapabilities.addListener(devicesChanged);
    }

    public GuiOptions options() {
        return options;
    }

    public Background background() {
        return background;
    }

    /** Emergency stop of the run in progress, if any, on the thread kept for stops. Never waits. */
    public void emergencyStop() {
        RunControl run = activeRun.get();
        if (run != null) {
            stopLine.send(run::emergencyStop);
        }
    }

    /** Abort of the run in progress, if any, on the thread kept for stops. Never waits. */
    public void abort() {
        RunControl run = activeRun.get();
        if (run != null) {
            stopLine.send(run::abort);
        }
    }

    public StringProperty unitPortProperty() {
        return unitPort;
    }

    public StringProperty stimulatorPortProperty() {
        return stimulatorPort;
    }

    public Optional<String> stimulatorPort() {
        return Optional.ofNullable(stimulatorPort.get()).filter(s -> !s.isBlank());
    }

    public StringProperty unitDescriptionProperty() {
        return unitDescription;
    }

    public ObjectProperty<UnitCapabilities> unitCapabilitiesProperty() {
        return unitCapabilities;
    }

    public ObjectProperty<RunService.Subject> subjectProperty() {
        return subject;
    }

    public StringProperty protocolProperty() {
        return protocol;
    }

    public ObjectProperty<Map<String, String>> protocolOverridesProperty() {
        return protocolOverrides;
    }

    public ObjectProperty<Path> recordingProperty() {
        return recording;
    }

    public ObjectProperty<RunControl> activeRunProperty() {
        return activeRun;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<Step> stepProperty() {
        return step;
    }

    /** Whether the technician may go to {@code target} now: never away from a run in progress, never ahead of what it needs. */
    public BooleanBinding canGo(Step target) {
        return switch (target) {
            case CONNECT, SUBJECT -> running.not();
            case PROTOCOL -> running.not().and(unitPort.isNotEmpty());
            case RUN -> Bindings.createBooleanBinding(() -> running.get() || (unitPort.get() != null
                    && subject.get() != null && protocol.get() != null), running, unitPort, subject, protocol);
            case REVIEW -> running.not().and(recording.isNotNull());
        };
    }

    public void close() {
        stopLine.close();
        background.close();
    }
}
