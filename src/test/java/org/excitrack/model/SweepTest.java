package org.excitrack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SweepTest {

    @Test
    void keepsItsOwnCopyOfTheSamples() {
        short[] samples = {1, 2, 3, 4};
        Sweep sweep = new Sweep(10_000, 0, 1, 1_000, samples);

        samples[0] = 99;
        short[] out = sweep.samples();
        out[1] = 99;

        assertThat(sweep.samples()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void microvoltsDeinterleavesAndScales() {
        // two channels: ch0 = 10, -20, 32767; ch1 = -1, 0, -32768
        Sweep sweep = new Sweep(10_000, 0, 2, 250, new short[] {10, -1, -20, 0, 32_767, -32_768});

        assertThat(sweep.samplesPerChannel()).isEqualTo(3);
        assertThat(sweep.microvolts(0)).containsExactly(new double[] {2.5, -5.0, 8_191.75}, within(1e-9));
        assertThat(sweep.microvolts(1)).containsExactly(new double[] {-0.25, 0.0, -8_192.0}, within(1e-9));
    }

    @Test
    void microvoltsRejectsAChannelOutsideTheSweep() {
        Sweep sweep = new Sweep(10_000, 0, 2, 1_000, new short[4]);

        assertThatThrownBy(() -> sweep.microvolts(2)).hasMessage("channel 2 is outside 0..1");
        assertThatThrownBy(() -> sweep.microvolts(-1)).hasMessage("channel -1 is outside 0..1");
    }

    @Test
    void timeOfEachSampleFollowsTheRateFromTheStart() {
        Sweep sweep = new Sweep(20_000, -1_000, 1, 1_000, new short[100]);

        assertThat(sweep.sampleIntervalMicros()).isEqualTo(50.0);
        assertThat(sweep.timeMicros(0)).isEqualTo(-1_000.0);
        assertThat(sweep.timeMicros(20)).isEqualTo(0.0);
        assertThat(sweep.timeMicros(99)).isEqualTo(3_950.0);
        assertThat(new Sweep(3_000, 0, 1, 1, new short[4]).timeMicros(3)).isCloseTo(1_000.0, within(1e-9));
    }

    @Test
    void equalityComparesContentsNotArrayIdentity() {
        Sweep a = new Sweep(10_000, 5, 1, 1_000, new short[] {1, 2});
        Sweep b = new Sweep(10_000, 5, 1, 1_000, new short[] {1, 2});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(new Sweep(10_000, 5, 1, 1_000, new short[] {1, 3}));
        assertThat(a).isNotEqualTo(new Sweep(20_000, 5, 1, 1_000, new short[] {1, 2}));
        assertThat(a).isNotEqualTo(new Sweep(10_000, 6, 1, 1_000, new short[] {1, 2}));
        assertThat(a).isNotEqualTo(new Sweep(10_000, 5, 2, 1_000, new short[] {1, 2}));
        assertThat(a).isNotEqualTo(new Sweep(10_000, 5, 1, 500, new short[] {1, 2}));
        assertThat(a).isNotEqualTo("not a sweep");
    }

    @Test
    void preconditionsNameTheValue() {
        assertThatThrownBy(() -> new Sweep(0, 0, 1, 1, new short[0]))
                .hasMessage("sample rate 0 Hz must be greater than zero");
        assertThatThrownBy(() -> new Sweep(1, 0, 0, 1, new short[0]))
                .hasMessage("channel count 0 must be greater than zero");
        assertThatThrownBy(() -> new Sweep(1, 0, 1, -2, new short[0]))
                .hasMessage("scale -2 nV/count must be greater than zero");
        assertThatThrownBy(() -> new Sweep(1, 0, 2, 1, new short[3]))
                .hasMessage("3 samples do not divide into 2 channels");
    }

    @Test
    void toStringSummarisesWithoutDumpingSamples() {
        assertThat(new Sweep(10_000, 0, 2, 1_000, new short[600]).toString())
                .isEqualTo("Sweep[10000 Hz, start 0 µs, 2 ch × 300 samples, 1000 nV/count]");
    }
}
