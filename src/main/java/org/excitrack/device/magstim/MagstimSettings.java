package org.excitrack.device.magstim;

import java.util.Optional;
import org.excitrack.codec.magstim.BiStimMode;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changing a Magstim's powers and a BiStim²'s A-to-B interval. A change is only done once the stimulator has had
 * time to settle and reads back what was asked: a pulse at the wrong power or interval would spoil the measurement,
 * so a read-back mismatch is a fault (which disarms).
 */
final class MagstimSettings {
    /** Logged under the driver's name, as before the driver was split, so log configurations still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);

    private final StimulatorModel model;
    private final MagstimExchanges exchanges;
    private final MagstimKeepAlive keepAlive;
    private final MagstimFaults faults;
    /** The BiStim²'s interval resolution (0.1 ms steps or 1 ms); null until known from its mode or set by us. */
    private Boolean highResolution;

    MagstimSettings(StimulatorModel model, MagstimExchanges exchanges, MagstimKeepAlive keepAlive,
                    MagstimFaults faults) {
        this.model = model;
        this.exchanges = exchanges;
        this.keepAlive = keepAlive;
        this.faults = faults;
    }

    /** The resolution a BiStim² system mode read at connect implies; other modes leave it unknown. */
    void connectedIn(BiStimMode bistimMode) {
        if (bistimMode == BiStimMode.BISTIM_HIGH_RESOLUTION) {
            highResolution = true;
        } else if (bistimMode == BiStimMode.BISTIM_LOW_RESOLUTION) {
            highResolution = false;
        }
    }

    /** The A-to-B interval last read back, on a BiStim² whose resolution is known. */
    Optional<Long> intervalMicros() {
        return model == StimulatorModel.MAGSTIM_BISTIM && highResolution != null
                ? Optional.of(exchanges.intervalSteps() * (highResolution ? BiStimInterval.HIGH_RESOLUTION_STEP_MICROS
                : BiStimInterval.LOW_RESOLUTION_STEP_MICROS)) : Optional.empty();
    }

    /** See {@link MagstimStimulator#setPowers}; the caller has checked for a fault kept from the background. */
    void setPowers(StimulatorPowers requested) {
        if (model.outputs() == 1 && requested.outputBPercent() != 0) {
            throw new IllegalArgumentException(faults.describe() + " has one output: output B must be 0 %MSO, not "
                    + requested.outputBPercent());
        }
        StimulatorPowers from = exchanges.powers();
        exchanges.lock();
        try {
            if (requested.outputAPercent() != from.outputAPercent()) {
                exchanges.exchangeHeld(new MagstimCommand.SetPowerA(requested.outputAPercent()));
            }
            if (model.outputs() == 2 && requested.outputBPercent() != from.outputBPercent()) {
                exchanges.exchangeHeld(new MagstimCommand.SetPowerB(requested.outputBPercent()));
            }
        } finally {
            exchanges.unlock();
        }
        long settle = PowerSettling.micros(from, requested) * 1000L;
        keepAlive.pause(settle);
        StimulatorPowers back;
        exchanges.lock();
        try {
            back = exchanges.readPowersHeld();
        } finally {
            exchanges.unlock();
        }
        if (!back.equals(requested)) {
            throw faults.raise(StimulatorFault.Kind.READ_BACK_MISMATCH, "powers were set to " + text(model, requested)
                    + " but read back as " + text(model, back));
        }
        if (exchanges.armedExpected()) {
            keepAlive.awaitReady(MagstimConditions.rechargeNanos(model) + settle
                    + MagstimKeepAlive.READY_MARGIN_NANOS, "the power change");
        }
        LOG.info("{}: powers {} (settled {} ms)", faults.describe(), text(model, requested), settle / 1_000_000);
    }

    /**
     * See {@link MagstimStimulator#setPairIntervalMicros}; the caller has checked that this is a BiStim² and for a
     * fault kept from the background.
     */
    void setPairIntervalMicros(long micros) {
        BiStimInterval wanted = BiStimInterval.forMicros(micros);
        if (wanted.steps() == 0 && exchanges.armedExpected()) {
            throw new IllegalStateException(faults.describe() + ": simultaneous discharge (interval 0) can only be "
                    + "set while disarmed");
        }
        boolean switching = highResolution == null || highResolution != wanted.highResolution();
        if (switching && exchanges.armedExpected()) {
            throw new IllegalStateException(faults.describe() + ": an interval of " + micros / 1000.0 + " ms needs "
                    + (wanted.highResolution() ? "0.1 ms" : "1 ms") + " steps, and the BiStim² only changes its "
                    + "interval resolution while disarmed (its resolution is "
                    + (highResolution == null ? "not known yet" : highResolution ? "0.1 ms" : "1 ms") + ")");
        }
        if (switching) {
            exchanges.exchange(new MagstimCommand.SetHighResolutionInterval(wanted.highResolution()));
            highResolution = wanted.highResolution();
            keepAlive.pause(MagstimTimings.RESOLUTION_SWITCH.toNanos());
        }
        exchanges.lock();
        try {
            exchanges.exchangeHeld(new MagstimCommand.SetInterval(wanted.steps()));
            exchanges.readPowersHeld();
        } finally {
            exchanges.unlock();
        }
        if (exchanges.intervalSteps() != wanted.steps()) {
            throw faults.raise(StimulatorFault.Kind.READ_BACK_MISMATCH, "the interval was set to " + wanted.steps()
                    + " steps of " + (wanted.highResolution() ? "0.1 ms" : "1 ms") + " but reads back as "
                    + exchanges.intervalSteps());
        }
        LOG.info("{}: A-to-B interval {} ms", faults.describe(), wanted.micros() / 1000.0);
    }

    /** Powers as messages quote them: {@code A 40 %, B 35 %} on a BiStim², {@code 40 %} otherwise. */
    static String text(StimulatorModel model, StimulatorPowers p) {
        return model.outputs() == 2 ? "A " + p.outputAPercent() + " %, B " + p.outputBPercent() + " %"
                : p.outputAPercent() + " %";
    }
}
