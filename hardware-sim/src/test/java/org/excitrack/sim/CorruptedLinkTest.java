package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.device.ClientTimeouts;
import org.excitrack.device.NotAnAcquisitionUnitException;
import org.excitrack.service.ThresholdReport;
import org.excitrack.service.ThresholdRequest;
import org.excitrack.service.ThresholdService;
import org.excitrack.transport.Link;
import org.excitrack.transport.PipeLink;
import org.junit.jupiter.api.Test;

/** Bit errors on the wire: occasional ones cost a retry and nothing else; constant ones are named. */
class CorruptedLinkTest {

    @Test
    void occasionalBitErrorsAreRetriedAndTheThresholdIsStillRight() throws InterruptedException {
        SimulatorConfig config = SimulatorConfig.fromParameters(java.util.Map.of("seed", "5"));
        PipeLink[] ends = PipeLink.pair("corrupted pipe");
        BitFlipper flipper = new BitFlipper(ends[1], 0.3, 99);
        UnitServer.start(flipper, config);
        try (AcquisitionUnitClient unit = AcquisitionUnitClient.connect(ends[0], ClientTimeouts.defaults())) {
            ThresholdReport report = new ThresholdService().measure(unit,
                    ThresholdRequest.defaults("unused").withIntervalMicros(100_000), p -> { });
            double truth = config.subject().trueThresholdNanoamps(1_000, 0.40);
            assertThat(report.threshold().thresholdNanoamps()).isCloseTo(truth, within(truth * 0.02));
            assertThat(flipper.corruptedWrites()).as("frames corrupted on the way").isGreaterThan(3);
            assertThat(unit.status().trialsDelivered())
                    .as("retried trials are answered from the unit's cache, never stimulated twice")
                    .isEqualTo(report.stimuliUsed());
        }
    }

    @Test
    void aLinkThatCorruptsEverythingIsReportedWithTheReason() {
        PipeLink[] ends = PipeLink.pair("hopeless pipe");
        UnitServer.start(new BitFlipper(ends[1], 1.0, 3), SimulatorConfig.defaults());
        assertThatThrownBy(() -> AcquisitionUnitClient.connect(ends[0], ClientTimeouts.defaults()))
                .isInstanceOf(NotAnAcquisitionUnitException.class)
                .hasMessageContaining("not an Excitrack acquisition unit")
                .hasMessageContaining("corrupted frames");
    }

    /** Flips one random bit in a fraction of the frames the unit writes. */
    static final class BitFlipper implements Link {
        private final Link inner;
        private final double probability;
        private final Random random;
        private final AtomicInteger corrupted = new AtomicInteger();

        BitFlipper(Link inner, double probability, long seed) {
            this.inner = inner;
            this.probability = probability;
            this.random = new Random(seed);
        }

        int corruptedWrites() {
            return corrupted.get();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return inner.read(buffer, offset, length);
        }

        @Override
        public synchronized void write(byte[] data) {
            byte[] copy = data.clone();
            if (copy.length > 1 && random.nextDouble() < probability) {
                int index = random.nextInt(copy.length - 1);
                copy[index] ^= (byte) (1 << random.nextInt(8));
                corrupted.incrementAndGet();
            }
            inner.write(copy);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
