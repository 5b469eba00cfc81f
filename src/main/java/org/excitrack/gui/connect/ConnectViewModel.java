package org.excitrack.gui.connect;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.PortInfo;
import org.excitrack.service.ConnectionException;
import org.excitrack.service.ConnectionService;
import org.excitrack.service.PortsService;

/**
 * The Connect step's state and actions, testable without a stage: which ports exist, which unit and stimulator
 * to use, whether they answer, and a test stimulus to check the electrodes. Every device call runs in the
 * workstation's background; each action returns a future that completes once its result is shown.
 */
public final class ConnectViewModel {
    private final Workstation workstation;
    private final PortsService ports;
    private final ConnectionService connections;

    private final ObservableList<PortInfo> portsFound = FXCollections.observableArrayList();
    private final StringProperty portsMessage = new SimpleStringProperty("");
    private final StringProperty unitPort = new SimpleStringProperty("");
    private final BooleanProperty useStimulator = new SimpleBooleanProperty();
    private final StringProperty stimulatorPort = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty activity = new SimpleStringProperty("");
    private final ObjectProperty<ConnectionService.Connection> connection = new SimpleObjectProperty<>();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>();
    private final TestStimulus test;

    /** A failure as the screen shows it: a headline where the eye is, and the device layer's explanation. */
    public record Problem(String headline, String detail) {
    }

    public ConnectViewModel(Workstation workstation) {
        this.workstation = workstation;
        this.ports = new PortsService();
        this.connections = new ConnectionService(workstation.options().virtualTime());
        this.test = new TestStimulus();
        workstation.options().port().ifPresent(unitPort::set);
        workstation.options().stimulator().ifPresent(s -> {
            useStimulator.set(true);
            stimulatorPort.set(s);
        });
    }

    public Workstation workstation() {
        return workstation;
    }

    /** Lists the ports again, off the FX thread (listing serial ports can take a moment). */
    public CompletableFuture<Void> refreshPorts() {
        portsMessage.set("Looking for ports…");
        return inBackground(ports::list, found -> {
            portsFound.setAll(found.stream().filter(p -> !simulatedStimulator(p)).toList());
            portsMessage.set(found.stream().anyMatch(p -> !p.simulated()) ? ""
                    : "No serial ports found. Is the unit plugged in and switched on? (On Linux, is your user in "
                    + "the 'dialout' group?)");
        }, e -> portsMessage.set("Could not list the ports: " + e.getMessage()));
    }

    /**
     * The list is of places the acquisition unit may be. The simulator also lists its magnetic stimulators
     * ({@code sim:magstim-…}, {@code sim:magpro}); they belong in the stimulator field, which offers them.
     */
    static boolean simulatedStimulator(PortInfo port) {
        return port.simulated() && port.uri().startsWith("sim:") && !port.uri().startsWith("sim:unit");
    }

    /** A port picked from the list becomes the address to connect to. */
    public void choosePort(PortInfo port) {
        if (port != null) {
            unitPort.set(port.uri());
        }
    }

    /** Why Connect cannot be pressed now, or empty. */
    public Optional<String> connectRefusal() {
        if (unitPort.get() == null || unitPort.get().isBlank()) {
            return Optional.of("Choose a port from the list or type its address.");
        }
        if (useStimulator.get() && (stimulatorPort.get() == null || stimulatorPort.get().isBlank())) {
            return Optional.of("Type the stimulator's address, or untick the magnetic stimulator.");
        }
        return Optional.empty();
    }

    /** Opens the unit and the stimulator, reads them, closes them; on success the workstation knows them. */
    public CompletableFuture<Void> connect() {
        Optional<String> refusal = connectRefusal();
        if (refusal.isPresent()) {
            problem.set(new Problem("Nothing to connect to", refusal.get()));
            return CompletableFuture.completedFuture(null);
        }
        String unit = unitPort.get().trim();
        Optional<String> stimulator = useStimulator.get() ? Optional.of(stimulatorPort.get().trim()) : Optional.empty();
        problem.set(null);
        test.clear();
        start("Connecting to " + unit + stimulator.map(s -> " and " + s).orElse("") + "…");
        return inBackground(() -> connections.connect(unit, stimulator), this::connected, this::failed);
    }

    private void connected(ConnectionService.Connection c) {
        connection.set(c);
        workstation.unitPortProperty().set(c.unit().port());
        workstation.stimulatorPortProperty().set(c.stimulator().map(ConnectionService.StimulatorCheck::port)
                .orElse(null));
        workstation.unitCapabilitiesProperty().set(c.unit().capabilities());
        workstation.unitDescriptionProperty().set(c.unit().description());
        finish();
    }

    /** A failed connect forgets the previous one: the technician must not go on believing an old unit is there. */
    private void failed(Throwable e) {
        connection.set(null);
        workstation.unitPortProperty().set(null);
        workstation.stimulatorPortProperty().set(null);
        workstation.unitCapabilitiesProperty().set(null);
        workstation.unitDescriptionProperty().set("Not connected");
        problem.set(describe(e));
        finish();
    }

    /** Gives the test stimulus through the connected unit and shows its response. */
    public CompletableFuture<Void> testTrial() {
        String unit = workstation.unitPortProperty().get();
        if (unit == null) {
            problem.set(new Problem("No unit connected", "Connect to the acquisition unit first: the test stimulus "
                    + "is given through it."));
            return CompletableFuture.completedFuture(null);
        }
        Optional<String> invalid = test.currentError();
        if (invalid.isPresent()) {
            problem.set(new Problem("Test stimulus not given", invalid.get()));
            return CompletableFuture.completedFuture(null);
        }
        long nanoamps = test.nanoamps();
        problem.set(null);
        start(String.format(Locale.ROOT, "Giving a %.1f mA, %.1f ms test stimulus…", nanoamps / 1e6,
                ConnectionService.DEFAULT_TEST_WIDTH_MICROS / 1000.0));
        return inBackground(() -> connections.testTrial(unit, nanoamps, ConnectionService.DEFAULT_TEST_WIDTH_MICROS),
                result -> {
                    test.show(result);
                    finish();
                }, e -> {
                    problem.set(describe(e));
                    finish();
                });
    }

    static Problem describe(Throwable e) {
        if (e instanceof ConnectionException c) {
            return new Problem(c.headline(), c.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return new Problem("Not possible", e.getMessage());
        }
        return new Problem("Unexpected error", e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private void start(String what) {
        activity.set(what);
        busy.set(true);
    }

    private void finish() {
        activity.set("");
        busy.set(false);
    }

    /**
     * Runs {@code work} in the background; the returned future completes after {@code done} or {@code failed}
     * has run on the UI thread, so tests (and callers) see the state the screen shows.
     */
    private <T> CompletableFuture<Void> inBackground(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return workstation.background().show(work, done, failed);
    }

    public ObservableList<PortInfo> portsFound() {
        return portsFound;
    }

    public ReadOnlyStringProperty portsMessageProperty() {
        return portsMessage;
    }

    public StringProperty unitPortProperty() {
        return unitPort;
    }

    public BooleanProperty useStimulatorProperty() {
        return useStimulator;
    }

    public StringProperty stimulatorPortProperty() {
        return stimulatorPort;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty activityProperty() {
        return activity;
    }

    public ReadOnlyObjectProperty<ConnectionService.Connection> connectionProperty() {
        return connection;
    }

    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public TestStimulus test() {
        return test;
    }

    /** Whether Connect may be pressed: an address to try and nothing in progress. */
    public BooleanBinding canConnect() {
        return Bindings.createBooleanBinding(() -> !busy.get() && connectRefusal().isEmpty(), busy, unitPort,
                useStimulator, stimulatorPort);
    }

    /** Whether the test stimulus may be given: a verified unit and nothing in progress. */
    public BooleanBinding canTest() {
        return busy.not().and(workstation.unitPortProperty().isNotEmpty());
    }

    /** The examples the stimulator field offers; typed addresses are accepted as well. */
    public static List<String> stimulatorExamples() {
        return List.of("sim:magstim-bistim", "sim:magstim-200", "sim:magstim-rapid", "sim:magpro",
                "serial:/dev/ttyUSB1?device=magstim-bistim");
    }
}
