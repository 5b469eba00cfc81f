package org.excitrack.gui.connect;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.excitrack.service.ConnectionService;

/**
 * The electrode check on the Connect step: the current the technician chose (in mA, kept low by the service's
 * ceiling) and the response the last test stimulus evoked.
 */
public final class TestStimulus {
    private final StringProperty currentMilliamps = new SimpleStringProperty(
            format(ConnectionService.DEFAULT_TEST_NANOAMPS / 1e6));
    private final ObjectProperty<ConnectionService.TestTrial> result = new SimpleObjectProperty<>();

    /** Why the typed current cannot be given, or empty. */
    public Optional<String> currentError() {
        return currentError(currentMilliamps.get());
    }

    static Optional<String> currentError(String text) {
        double max = ConnectionService.MAX_TEST_NANOAMPS / 1e6;
        if (text == null || text.isBlank()) {
            return Optional.of("Type the test current in mA.");
        }
        double mA;
        try {
            mA = Double.parseDouble(text.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Optional.of("\"" + text.trim() + "\" is not a number of mA.");
        }
        if (!(mA > 0)) {
            return Optional.of("The test current must be above 0 mA.");
        }
        if (mA > max) {
            return Optional.of("A test stimulus checks the electrodes: at most " + format(max) + " mA.");
        }
        return Optional.empty();
    }

    long nanoamps() {
        return Math.round(Double.parseDouble(currentMilliamps.get().trim().replace(',', '.')) * 1e6);
    }

    void show(ConnectionService.TestTrial trial) {
        result.set(trial);
    }

    void clear() {
        result.set(null);
    }

    public StringProperty currentMilliampsProperty() {
        return currentMilliamps;
    }

    public ReadOnlyObjectProperty<ConnectionService.TestTrial> resultProperty() {
        return result;
    }

    /** Live validation beside the current field. */
    public StringBinding currentMessage() {
        return Bindings.createStringBinding(() -> currentError().orElse(""), currentMilliamps);
    }

    /** The measured response in one line, "Peak-to-peak 4.20 mV · latency 6.8 ms · noise 9 µV rms" (the stimulus is beside it). */
    public StringBinding summary() {
        return Bindings.createStringBinding(() -> {
            ConnectionService.TestTrial t = result.get();
            return t == null ? "" : summary(t);
        }, result);
    }

    static String summary(ConnectionService.TestTrial t) {
        return String.format(Locale.ROOT, "Peak-to-peak %s  ·  latency %.1f ms  ·  noise %.0f µV rms",
                microvolts(t.response().peakToPeakMicrovolts()), t.response().latencyMicros() / 1000.0,
                t.response().baselineNoiseMicrovoltsRms());
    }

    private static String microvolts(double uV) {
        return uV >= 1000 ? String.format(Locale.ROOT, "%.2f mV", uV / 1000) : String.format(Locale.ROOT, "%.0f µV", uV);
    }

    private static String format(double mA) {
        return mA == Math.rint(mA) ? String.valueOf((long) mA) : String.valueOf(mA);
    }
}
