package org.excitrack.sim;

import java.util.List;
import java.util.Optional;
import org.excitrack.codec.ErrorCode;
import org.excitrack.codec.FrameLimits;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.codec.MessageType;
import org.excitrack.codec.Reply;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.LimitViolation;
import org.excitrack.model.Pulse;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.UnitCapabilities;

/** The unit's own refusal rules for a trial: capabilities, then limits (PROTOCOL.md, "Safety and limits"). */
final class TrialChecks {
    private static final int TRIAL = MessageType.TRIAL.code();

    private TrialChecks() {
    }

    static Optional<Reply.Error> capabilityError(TrialSpec trial, UnitCapabilities caps, AmplifierSettings settings) {
        for (int i = 0; i < trial.pulses().size(); i++) {
            Pulse p = trial.pulses().get(i);
            if (p.widthMicros() < caps.minPulseWidthMicros() || p.widthMicros() > caps.maxPulseWidthMicros()) {
                return Optional.of(Reply.Error.of(TRIAL, ErrorCode.CAPABILITY_EXCEEDED, "pulse " + (i + 1)
                        + " width " + p.widthMicros() + " µs is outside " + caps.minPulseWidthMicros() + ".."
                        + caps.maxPulseWidthMicros() + " µs"));
            }
            if (p.amplitudeNanoamps() > caps.maxCurrentNanoamps()) {
                return Optional.of(Reply.Error.of(TRIAL, ErrorCode.CAPABILITY_EXCEEDED, "pulse " + (i + 1)
                        + " amplitude " + p.amplitudeNanoamps() + " nA is above the stimulator's "
                        + caps.maxCurrentNanoamps() + " nA"));
            }
        }
        for (TriggerOut t : trial.triggers()) {
            if (t.line() >= caps.triggerOutLines()) {
                return Optional.of(Reply.Error.of(TRIAL, ErrorCode.CAPABILITY_EXCEEDED, "trigger line " + t.line()
                        + " does not exist; the unit has " + caps.triggerOutLines()));
            }
        }
        long duration = trial.effectiveWindow(settings.defaultWindow()).durationMicros();
        long samples = duration * settings.sampleRateHz() / 1_000_000L;
        if (samples > caps.maxSamplesPerChannel()) {
            return Optional.of(Reply.Error.of(TRIAL, ErrorCode.CAPABILITY_EXCEEDED, "recording window of "
                    + duration + " µs needs " + samples + " samples per channel; the unit records at most "
                    + caps.maxSamplesPerChannel()));
        }
        if (!FrameLimits.trialResultFits(trial, samples * caps.emgChannels())) {
            return Optional.of(Reply.Error.of(TRIAL, ErrorCode.CAPABILITY_EXCEEDED, "the result of "
                    + trial.pulses().size() + " pulses and " + samples + " samples on " + caps.emgChannels()
                    + " channels would not fit in one frame of " + FrameEncoder.MAX_PAYLOAD_BYTES + " bytes"));
        }
        return Optional.empty();
    }

    static Optional<Reply.Error> limitError(TrialSpec trial, SafetyLimits limits) {
        List<LimitViolation> violations = limits.violations(trial);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asError(violations.get(0), ErrorCode.LIMIT_EXCEEDED));
    }

    static Optional<Reply.Error> intervalError(long intervalMicros, SafetyLimits limits) {
        return limits.intervalViolations(intervalMicros).stream().findFirst()
                .map(v -> asError(v, ErrorCode.TRIAL_TOO_SOON));
    }

    private static Reply.Error asError(LimitViolation v, ErrorCode code) {
        return new Reply.Error(TRIAL, code, v.value(), v.allowed(), Optional.of(v.limit()), v.describe());
    }
}
