package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.excitrack.service.ThresholdProgress;
import org.excitrack.service.ThresholdReport;
import org.excitrack.service.ThresholdRequest;
import org.excitrack.service.ThresholdService;
import org.excitrack.session.Ticker;
import org.excitrack.sim.subject.VirtualSubject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The whole controller stack against the in-process simulator, over the real byte protocol. */
class InProcessThresholdTest {

    @ParameterizedTest(name = "threshold {0}, width {1} µs, target {2} %, seed {3}")
    @CsvSource({
        "4.2mA, 1000, 40, 1",
        "3.1mA, 200, 40, 2",
        "6.0mA, 500, 50, 3",
        "2.5mA, 1000, 20, 4",
    })
    void tracksTheConfiguredTruthWithinTwoPercent(String threshold, long widthMicros, double targetPercent, long seed)
            throws InterruptedException {
        String port = "sim:unit?seed=" + seed + "&threshold=" + threshold;
        VirtualSubject subject = SimulatorConfig.fromParameters(
                java.util.Map.of("threshold", threshold, "seed", Long.toString(seed))).subject();
        double truth = subject.trueThresholdNanoamps(widthMicros, targetPercent / 100);

        List<ThresholdProgress> steps = new ArrayList<>();
        ThresholdReport report = new ThresholdService(Ticker.SYSTEM).measure(ThresholdRequest.defaults(port)
                .withIntervalMicros(100_000).withWidthAndTarget(widthMicros, targetPercent), steps::add);

        assertThat(report.threshold().thresholdNanoamps()).isCloseTo(truth, within(truth * 0.02));
        assertThat(report.converged()).isTrue();
        assertThat(report.maximalResponseMicrovolts()).isCloseTo(subject.maxCmapMicrovolts(),
                within(subject.maxCmapMicrovolts() * 0.05));
        assertThat(steps).hasSize(report.stimuliUsed());
        System.out.printf("truth %.4f mA, measured %.4f ± %.4f mA, %d stimuli (%d search + %d tracking)%n",
                truth / 1e6, report.threshold().thresholdNanoamps() / 1e6, report.threshold().standardErrorNanoamps() / 1e6,
                report.stimuliUsed(), report.searchStimuli(), report.trackingStimuli());
    }
}
