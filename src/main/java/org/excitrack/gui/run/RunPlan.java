package org.excitrack.gui.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.plan.MagneticSteps;
import org.excitrack.service.OperatorDialogs;
import org.excitrack.service.ProtocolService;
import org.excitrack.service.RunService;

/**
 * What a run was started with, copied from the {@link Workstation} on the FX thread when Start was pressed, so
 * the run's own thread never reads JavaFX properties while the technician goes on using the window.
 */
record RunPlan(String protocol, Map<String, String> overrides, String unitPort, Optional<String> stimulatorPort,
               RunService.Subject subject, Path recordingsFolder, boolean virtualTime,
               Optional<UnitCapabilities> capabilities) {

    static RunPlan of(Workstation w) {
        return new RunPlan(w.protocolProperty().get(), Map.copyOf(w.protocolOverridesProperty().get()),
                w.unitPortProperty().get(), w.stimulatorPort(), w.subjectProperty().get(),
                // virtual time is for the in-process simulator only; a real unit picked meanwhile runs in real time,
                // as the Connect step opened it
                w.options().recordingsFolder(), w.options().virtualTime() && w.unitPortProperty().get().startsWith("sim:unit"),
                Optional.ofNullable(w.unitCapabilitiesProperty().get()));
    }

    /** The protocol's name as a file name part: a built-in's name, or a file's name without its extension. */
    String protocolName() {
        String file = Path.of(protocol).getFileName().toString();
        return file.endsWith(".exc") ? file.substring(0, file.length() - 4) : file;
    }

    /**
     * The service's request. The stimulator goes along only for a protocol that gives magnetic stimuli: one
     * connected on the Connect step must not stop a nerve protocol. Compiles the protocol, so call it on the
     * run's thread.
     */
    RunService.RunRequest request(Path out, OperatorDialogs dialogs) {
        Optional<RunService.Magnetic> magnetic = stimulatorPort.filter(s -> givesMagneticStimuli())
                .map(s -> new RunService.Magnetic(s, Optional.empty()));
        return new RunService.RunRequest(protocol, overrides, unitPort, out, subject,
                System.getProperty("user.name", ""), Map.of(), virtualTime, magnetic).withDialogs(dialogs);
    }

    /** Unknown capabilities (the unit was not asked yet): a connected stimulator is assumed to be meant. */
    private boolean givesMagneticStimuli() {
        return capabilities.map(c -> new ProtocolService(c, SafetyLimits.nerveDefaults()).check(protocol, overrides)
                .plan().map(MagneticSteps::any).orElse(true)).orElse(true);
    }
}
