package org.excitrack.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PointNames;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.ProtocolService;
import org.excitrack.service.SessionCurves;
import org.excitrack.session.ProtocolSession;
import org.excitrack.session.SessionControl;
import org.excitrack.session.SessionRecorder;
import org.excitrack.session.Ticker;
import org.excitrack.sim.SimulatorConfig;
import org.excitrack.sim.SubjectTruth;
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TRONDNF against the simulator in virtual time, measured through the whole controller (session, tracking,
 * curves, variables) and compared with the virtual subject's own truth: SDTC within 3 %, electrotonus and
 * superexcitability within 2 points, RRP within 0.1 ms, for five seeds of the healthy, ALS and mexiletine presets.
 */
class TrondnfAccuracyTest {
    private static final ProtocolPlan PLAN = new ProtocolService().check("TRONDNF", Map.of()).plan().orElseThrow();
    private static final int[] POINTS_WITHIN_TWO = {12, 20, 21, 22, 11, 13};

    @ParameterizedTest(name = "{0}, seed {1}")
    @CsvSource({
        "healthy, 1", "healthy, 2", "healthy, 3", "healthy, 4", "healthy, 5",
        "als-early, 1", "als-early, 2", "als-early, 3", "als-early, 4", "als-early, 5",
        "als-mexiletine, 1", "als-mexiletine, 2", "als-mexiletine, 3", "als-mexiletine, 4", "als-mexiletine, 5",
    })
    void measuredVariablesMatchTheSubjectsTruth(String preset, long seed) throws Exception {
        String port = "sim:unit?subject=" + preset + "&seed=" + seed + "&clock=virtual";
        ComputedVariables measured = measure(port);
        SubjectTruth truth = SubjectTruth.of(SimulatorConfig.fromParameters(Map.of("subject", preset, "seed",
                Long.toString(seed))).subject(), 40, r -> ExcitabilityVariables.compute(r).numbered());

        List<String> report = new ArrayList<>();
        for (int n : new int[] {3, 10, 11, 12, 13, 20, 21, 22}) {
            report.add(String.format(Locale.ROOT, "%d %.3f/%.3f", n, measured.value(n).orElse(Double.NaN),
                    truth.value(n)));
        }
        System.out.println(preset + " seed " + seed + ": " + report);
        double sdtc = truth.value(3);
        assertThat(measured.value(3).orElseThrow()).as("SDTC").isBetween(sdtc * 0.97, sdtc * 1.03);
        assertThat(measured.value(10).orElseThrow()).as("RRP").isBetween(truth.value(10) - 0.1, truth.value(10) + 0.1);
        for (int n : POINTS_WITHIN_TWO) {
            assertThat(measured.value(n).orElseThrow()).as("variable %d", n)
                    .isBetween(truth.value(n) - 2, truth.value(n) + 2);
        }
    }

    private static ComputedVariables measure(String port) throws Exception {
        try (Link link = Links.open(port); AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link)) {
            ProtocolSession session = new ProtocolSession(unit, PLAN, SafetyLimits.nerveDefaults(),
                    new org.excitrack.session.ScriptedOperator(Map.of("temperature", 33.0)), new SessionControl(), SessionRecorder.NONE,
                    Ticker.SYSTEM);
            ProtocolSession.Outcome outcome = session.run();
            assertThat(outcome.state()).isEqualTo(SessionState.FINISHED);
            List<SessionCurves.MeasuredThreshold> thresholds = new ArrayList<>();
            for (ProtocolSession.PointThreshold t : outcome.thresholds()) {
                thresholds.add(new SessionCurves.MeasuredThreshold(t.section(), t.point(), channel(t),
                        t.estimate().thresholdNanoamps()));
            }
            return ExcitabilityVariables.compute(SessionCurves.curves(PLAN, thresholds, outcome.stimulusResponse(),
                    outcome.maximalMicrovolts(), Map.of("Age", "40")));
        }
    }

    private static int channel(ProtocolSession.PointThreshold t) {
        for (PlanSection s : PLAN.sections()) {
            if (s.name().equals(t.section())) {
                for (Map.Entry<TrackedPoint, String> p : PointNames.of(s).entrySet()) {
                    if (p.getValue().equals(t.point())) {
                        for (int i = 0; i < p.getKey().channels().size(); i++) {
                            if (p.getKey().channels().get(i).name().equals(t.channel())) {
                                return i;
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no channel for " + t);
    }
}
