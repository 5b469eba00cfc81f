package org.excitrack.gui.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.service.ConnectionService;

/** What the Connect step says about the devices that answered: a few lines a technician reads at a glance. */
final class ConnectionText {
    private ConnectionText() {
    }

    static List<String> unit(ConnectionService.UnitCheck unit) {
        UnitCapabilities c = unit.capabilities();
        List<String> lines = new ArrayList<>();
        lines.add(unit.identity().model() + "  ·  wire protocol " + unit.identity().protocolVersion());
        lines.add(String.format(Locale.ROOT, "Up to %s mA in %s µA steps  ·  pulses %s–%s ms", number(c.maxCurrentNanoamps() / 1e6),
                number(c.currentResolutionNanoamps() / 1e3), number(c.minPulseWidthMicros() / 1e3),
                number(c.maxPulseWidthMicros() / 1e3)));
        lines.add(c.emgChannels() + " EMG channels at " + rates(c.sampleRatesHz()) + "  ·  " + c.triggerOutLines()
                + " trigger outputs");
        lines.add("Status: " + status(unit));
        return lines;
    }

    static String status(ConnectionService.UnitCheck s) {
        String state = s.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return state + ", " + s.trialsDelivered() + (s.trialsDelivered() == 1 ? " trial" : " trials") + " delivered"
                + (s.lastErrorCode() == 0 ? "" : String.format(Locale.ROOT, ", last error 0x%04X", s.lastErrorCode()));
    }

    static List<String> stimulator(ConnectionService.StimulatorCheck s) {
        List<String> lines = new ArrayList<>();
        lines.add(s.identity().model().displayName() + (s.identity().serialNumber().isEmpty() ? ""
                : " " + s.identity().serialNumber()) + "  ·  " + s.port());
        String temperature = s.coilTemperatureCelsius().isPresent()
                ? String.format(Locale.ROOT, "coil %.1f °C", s.coilTemperatureCelsius().getAsDouble())
                : "coil temperature not reported";
        lines.add((s.armed() ? "ARMED" : "Disarmed") + "  ·  " + (s.status().coilPresent() ? temperature
                : "no coil connected") + "  ·  " + (s.status().remoteControl() ? "remote control" : "front panel"));
        return lines;
    }

    /** The stimulator's faults in words, or empty when it reports none. */
    static String stimulatorFault(ConnectionService.StimulatorCheck s) {
        if (s.fault().isPresent()) {
            return "Fault: " + s.fault().get();
        }
        return s.status().coilPresent() ? "" : "Connect a coil before a TMS protocol.";
    }

    private static String rates(List<Integer> hz) {
        if (hz.isEmpty()) {
            return "no sample rate";
        }
        return hz.size() == 1 ? khz(hz.get(0)) + " kHz"
                : khz(hz.get(0)) + "–" + khz(hz.get(hz.size() - 1)) + " kHz";
    }

    private static String khz(int hz) {
        return number(hz / 1000.0);
    }

    static String number(double v) {
        if (v == Math.rint(v)) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "");
    }

    static String joined(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n"));
    }
}
