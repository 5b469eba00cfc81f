package org.excitrack.device.magstim;

import java.util.Locale;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorModel;

/**
 * What a Magstim's replies say about whether it may be used, in words a user can act on. Pure functions: the
 * driver's checks ({@link MagstimExchanges}) and its status report share them, so both judge a status alike.
 */
final class MagstimConditions {
    /** The coil temperature above which a Magstim disarms and cannot be armed (MagPy, tms.md §1.7). */
    static final double MAX_COIL_CELSIUS = 40.0;

    private MagstimConditions() {
    }

    /** What the status (and last temperature) says is wrong now, or null. */
    static String conditionOf(InstrumentStatus s, double celsius) {
        if (s.errorPresent()) {
            return "reports a " + (s.fatalError() ? "fatal" : "non-fatal") + " error (status " + s.describe() + ")";
        }
        if (!s.coilPresent()) {
            return "has no coil connected";
        }
        if (s.replaceCoil()) {
            return "asks for its coil to be replaced";
        }
        if (celsius > MAX_COIL_CELSIUS) {
            return String.format(Locale.ROOT, "coil at %.1f °C, above its %.0f °C limit: let it cool", celsius,
                    MAX_COIL_CELSIUS);
        }
        return null;
    }

    static StimulatorFault.Kind kindOf(InstrumentStatus s) {
        return s.errorPresent() ? StimulatorFault.Kind.STIMULATOR_ERROR : StimulatorFault.Kind.COIL;
    }

    static ChargeState charge(InstrumentStatus s) {
        return s.ready() ? ChargeState.READY : s.armed() ? ChargeState.CHARGING : ChargeState.STANDBY;
    }

    static InstrumentStatus statusOf(MagstimReply reply) {
        return reply.instrumentStatus().orElseThrow(() -> new IllegalStateException("no status in " + reply));
    }

    /** The longest recharge after a pulse (tms.md §1.7: up to 4 s on a 200² at high power and on a BiStim²). */
    static long rechargeNanos(StimulatorModel model) {
        return model == StimulatorModel.MAGSTIM_RAPID ? 1_000_000_000L : 4_000_000_000L;
    }

    /**
     * Why {@code model} may have answered {@code command} with an error reply. The Magstim's one refusal byte
     * ({@code S}) does not say why, so the message lists the likely causes for that command.
     */
    static String refusal(StimulatorModel model, MagstimCommand command, MagstimReply reply) {
        if (reply instanceof MagstimReply.UnknownCommand) {
            return "did not recognise " + command.describe() + " (it answered ?): is it really a "
                    + model.displayName() + "?";
        }
        if (reply instanceof MagstimReply.BadData) {
            return "rejected the data of " + command.describe();
        }
        String why;
        switch (command.code()) {
            case 'E':
                why = ((MagstimCommand.SetBaseMode) command).mode() == BaseMode.ARM
                        ? "already armed, a hot or missing coil, an error, or no remote control"
                        : "not ready, or no remote control";
                break;
            case '@':
            case 'A':
            case 'C':
                why = "a value out of its range, or no remote control";
                break;
            case 'Y':
            case 'Z':
                why = "the resolution only changes while disarmed";
                break;
            default:
                why = "no remote control?";
        }
        return "refused " + command.describe() + " (it answered S: " + why + ")";
    }
}
