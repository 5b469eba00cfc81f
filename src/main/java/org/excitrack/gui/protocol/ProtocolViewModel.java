package org.excitrack.gui.protocol;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
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
import org.excitrack.model.UnitCapabilities;
import org.excitrack.service.ProtocolPreview;
import org.excitrack.service.ProtocolService;

/**
 * The Protocol step's state and actions, testable without a stage: the built-in protocols, a protocol file, the
 * parameters to override, and the check against the connected unit, run in the background. Each action returns
 * a future that completes once its result is shown.
 */
public final class ProtocolViewModel {
    private final Workstation workstation;
    private final ObservableList<ProtocolService.BuiltIn> builtIns = FXCollections.observableArrayList();
    private final StringProperty builtInsMessage = new SimpleStringProperty("");
    /** The protocol being looked at: a built-in's name or a file's path. */
    private final StringProperty protocol = new SimpleStringProperty();
    private final StringProperty overrides = new SimpleStringProperty("");
    private final ObjectProperty<ProtocolPreview.Preview> preview = new SimpleObjectProperty<>();
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringBinding overridesError;
    private final ObjectBinding<Optional<StimulatorNote>> stimulatorNote;
    private final BooleanBinding canUse;
    private final StringBinding usedMessage;
    /** Counts checks, so a slow check of an earlier choice never replaces the current one. */
    private long checkRequest;

    public ProtocolViewModel(Workstation workstation) {
        this.workstation = workstation;
        overridesError = Bindings.createStringBinding(() -> Overrides.error(overrides.get()), overrides);
        stimulatorNote = Bindings.createObjectBinding(() -> preview.get() == null || !preview.get().valid()
                ? Optional.empty() : StimulatorNote.of(preview.get().name(), preview.get().magnetic(),
                workstation.stimulatorPort()), preview, workstation.stimulatorPortProperty());
        canUse = Bindings.createBooleanBinding(() -> !checking.get() && preview.get() != null
                && preview.get().valid() && stimulatorNote.get().map(n -> !n.refuses()).orElse(true)
                && overridesError.get().isEmpty(), checking, preview, stimulatorNote, overridesError);
        usedMessage = Bindings.createStringBinding(() -> {
            String used = workstation.protocolProperty().get();
            return used == null ? "" : "✓ " + displayName(used) + " is this session's protocol"
                    + (workstation.protocolOverridesProperty().get().isEmpty() ? "." : ", with "
                    + String.join(", ", workstation.protocolOverridesProperty().get().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).toList()) + ".");
        }, workstation.protocolProperty(), workstation.protocolOverridesProperty());
    }

    public Workstation workstation() {
        return workstation;
    }

    /** Lists the built-in protocols with their estimates (each is compiled, so off the FX thread). */
    public CompletableFuture<Void> loadBuiltIns() {
        builtInsMessage.set("Loading the built-in protocols…");
        UnitCapabilities capabilities = capabilities();
        return inBackground(() -> new ProtocolPreview(capabilities).builtIns(), list -> {
            builtIns.setAll(list);
            builtInsMessage.set("");
        }, e -> builtInsMessage.set("Could not list the built-in protocols: " + e.getMessage()));
    }

    public CompletableFuture<Void> chooseBuiltIn(String name) {
        protocol.set(name);
        return check();
    }

    public CompletableFuture<Void> openFile(Path file) {
        protocol.set(file.toAbsolutePath().toString());
        return check();
    }

    /** Checks the protocol being looked at again: against the unit connected now, with the parameters typed now. */
    public CompletableFuture<Void> check() {
        String chosen = protocol.get();
        long request = ++checkRequest;
        problem.set("");
        if (chosen == null) {
            preview.set(null);
            return CompletableFuture.completedFuture(null);
        }
        Map<String, String> parameters;
        try {
            parameters = Overrides.parse(overrides.get());
        } catch (IllegalArgumentException e) {
            preview.set(null);
            problem.set("Parameters: " + e.getMessage());
            return CompletableFuture.completedFuture(null);
        }
        UnitCapabilities capabilities = capabilities();
        checking.set(true);
        return inBackground(() -> new ProtocolPreview(capabilities).check(chosen, parameters), result -> {
            if (request == checkRequest) {
                preview.set(result);
                checking.set(false);
            }
        }, e -> {
            if (request == checkRequest) {
                preview.set(null);
                problem.set(e.getMessage());
                checking.set(false);
            }
        });
    }

    /** Makes the checked protocol, with its parameters, the session's protocol; returns whether it could. */
    public boolean useProtocol() {
        if (!canUse.get()) {
            return false;
        }
        workstation.protocolOverridesProperty().set(Map.copyOf(Overrides.parse(overrides.get())));
        workstation.protocolProperty().set(preview.get().protocol());
        return true;
    }

    /** The connected unit's capabilities; the reference unit's if none is known (the step needs a unit first). */
    private UnitCapabilities capabilities() {
        UnitCapabilities c = workstation.unitCapabilitiesProperty().get();
        return c == null ? UnitCapabilities.referenceUnit() : c;
    }

    static String displayName(String protocol) {
        int slash = Math.max(protocol.lastIndexOf('/'), protocol.lastIndexOf('\\'));
        return slash < 0 ? protocol : protocol.substring(slash + 1);
    }

    private <T> CompletableFuture<Void> inBackground(Supplier<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        return workstation.background().show(work, done, failed);
    }

    public ObservableList<ProtocolService.BuiltIn> builtIns() {
        return builtIns;
    }

    public ReadOnlyStringProperty builtInsMessageProperty() {
        return builtInsMessage;
    }

    public ReadOnlyStringProperty protocolProperty() {
        return protocol;
    }

    public StringProperty overridesProperty() {
        return overrides;
    }

    public StringBinding overridesError() {
        return overridesError;
    }

    public ReadOnlyObjectProperty<ProtocolPreview.Preview> previewProperty() {
        return preview;
    }

    /** Why the protocol could not be checked at all (a file that cannot be read), or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking;
    }

    public ObjectBinding<Optional<StimulatorNote>> stimulatorNote() {
        return stimulatorNote;
    }

    public BooleanBinding canUse() {
        return canUse;
    }

    public StringBinding usedMessage() {
        return usedMessage;
    }
}
