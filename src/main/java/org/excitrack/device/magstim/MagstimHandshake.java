package org.excitrack.device.magstim;

import org.excitrack.codec.magstim.BiStimMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimBytes;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.device.DeviceException;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorIdentity;
import org.excitrack.model.tms.StimulatorModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connecting to a Magstim: takes remote control, makes sure the device answers like the model the user named (not
 * a loopback plug, not a Rapid² needing an unlock code, not a BiStim²'s slave unit), and reads its settings and
 * state. Every failure here is a connect failure that says what to check, since nothing is armed yet.
 */
final class MagstimHandshake {
    /** Logged under the driver's name, as before the driver was split, so log configurations still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);

    /** What connecting found out. {@code bistimMode} is null unless the stimulator is a BiStim². */
    record Result(StimulatorIdentity identity, BiStimMode bistimMode) {
    }

    private final StimulatorModel model;
    private final MagstimTimings timings;
    private final MagstimLine line;
    private final MagstimExchanges exchanges;
    private final MagstimFaults faults;
    private StimulatorIdentity identity;
    private BiStimMode bistimMode;

    MagstimHandshake(StimulatorModel model, MagstimTimings timings, MagstimLine line, MagstimExchanges exchanges,
                     MagstimFaults faults) {
        this.model = model;
        this.timings = timings;
        this.line = line;
        this.exchanges = exchanges;
        this.faults = faults;
    }

    Result run() {
        MagstimReply reply = enableRemote();
        InstrumentStatus s = MagstimConditions.statusOf(reply);
        if (s.raw() == MagstimCommand.PADDING) {
            throw faults.connectFailure(StimulatorFault.Kind.BAD_REPLY, "it sends our own command back (Q@n): a "
                    + "loopback plug or a terminal, not a " + model.displayName());
        }
        if (!s.remoteControl()) {
            throw faults.connectFailure(StimulatorFault.Kind.REFUSED, "it answered Q@ (enable remote control) but "
                    + "did not take remote control (status " + s.describe() + ")" + rapidHint());
        }
        exchanges.remoteTaken(s);
        identity = new StimulatorIdentity(model, "", "", line.port());
        exchanges.lock();
        try {
            if (model == StimulatorModel.MAGSTIM_RAPID) {
                readRapidVersionHeld();
            }
            if (model == StimulatorModel.MAGSTIM_BISTIM) {
                readBiStimModeHeld();
            }
            exchanges.readPowersHeld();
            exchanges.readTemperatureHeld();
        } finally {
            exchanges.unlock();
        }
        exchanges.markConnected();
        LOG.info("connected to {} ({}): powers {}, coil {} °C, status {}", faults.describe(),
                identity.softwareVersion().isEmpty() ? "no version query" : "software " + identity.softwareVersion(),
                MagstimSettings.text(model, exchanges.powers()), exchanges.coilCelsius(),
                exchanges.lastStatus().describe());
        return new Result(identity, bistimMode);
    }

    /** Q@, retried while nothing answers: a stimulator just switched on may miss the first. */
    private MagstimReply enableRemote() {
        LineFailure last = null;
        for (int attempt = 1; attempt <= timings.connectAttempts(); attempt++) {
            try {
                MagstimReply reply = line.exchange(new MagstimCommand.EnableRemote(), timings.reply());
                if (reply.isError()) {
                    throw faults.connectFailure(StimulatorFault.Kind.BAD_REPLY, "it does not answer like a "
                            + model.displayName() + ": it answered Q@ (enable remote control) with "
                            + MagstimBytes.render(reply.encode()) + rapidHint());
                }
                return reply;
            } catch (LineFailure f) {
                last = f;
                if (f.kind() != StimulatorFault.Kind.NO_REPLY) {
                    break;
                }
                LOG.warn("{}: {} (attempt {} of {})", faults.describe(), f.getMessage(), attempt,
                        timings.connectAttempts());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException("interrupted while connecting to " + faults.describe());
            }
        }
        if (last.kind() == StimulatorFault.Kind.NO_REPLY) {
            throw faults.connectFailure(StimulatorFault.Kind.NO_REPLY, "no answer to Q@ (enable remote control) "
                    + "after " + timings.connectAttempts() + " attempts of " + timings.reply().toMillis() + " ms: is "
                    + "the stimulator switched on, its serial cable on the remote port"
                    + (model == StimulatorModel.MAGSTIM_RAPID ? " of the main unit" : "") + ", and the rate "
                    + model.defaultBaud() + " baud?" + rapidHint());
        }
        throw faults.connectFailure(last.kind(), "it does not answer like a " + model.displayName() + ": "
                + last.getMessage());
    }

    private String rapidHint() {
        return model == StimulatorModel.MAGSTIM_RAPID ? " (a Rapid² with software 9 or later needs Magstim's unlock "
                + "code for remote control, which this driver does not send yet)" : "";
    }

    private void readRapidVersionHeld() {
        MagstimReply.Version v = (MagstimReply.Version) exchanges.exchangeHeld(new MagstimCommand.GetVersion());
        int major = v.major().orElseThrow(() -> faults.connectFailure(StimulatorFault.Kind.BAD_REPLY,
                "it reports software version '" + v.text() + "', which has no major version number"));
        if (major >= 9) {
            throw faults.connectFailure(StimulatorFault.Kind.REFUSED, "it runs software " + v.text() + "; from "
                    + "version 9 a Rapid² needs Magstim's unlock code and the x@ keep-alive, which this driver does "
                    + "not support yet");
        }
        exchanges.useRapidLayout(RapidParameterLayout.forSoftwareMajor(major));
        identity = new StimulatorIdentity(model, "", v.text(), line.port());
    }

    private void readBiStimModeHeld() {
        MagstimReply.SystemMode m = (MagstimReply.SystemMode) exchanges.exchangeHeld(
                new MagstimCommand.GetSystemMode());
        bistimMode = m.mode().orElseThrow(() -> faults.connectFailure(StimulatorFault.Kind.BAD_REPLY,
                "it reports an unknown BiStim² system mode '" + m.modeCode() + "'"));
        if (!bistimMode.master()) {
            throw faults.connectFailure(StimulatorFault.Kind.REFUSED, "it is the BiStim²'s slave unit ("
                    + bistimMode.meaning()
                    + "): connect the serial cable to the master");
        }
        LOG.info("{}: system mode {} ({})", faults.describe(), bistimMode.code(), bistimMode.meaning());
    }
}
