package org.excitrack.codec.magventure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Commands against payloads written out by hand from tms.md §1.10, and the refusals of off-grid values. */
class MagProCommandTest {
    private static final MagProModel X100_OPTION = MagProModel.X100_OPTION;

    @Test
    void payloadsAreTheDocumentedBytes() {
        assertThat(new MagProCommand.GetStatus().toPayload()).containsExactly(0);
        assertThat(new MagProCommand.SetAmplitudes(60, 45).toPayload()).containsExactly(1, 60, 45);
        assertThat(new MagProCommand.SetEnabled(true).toPayload()).containsExactly(2, 1);
        assertThat(new MagProCommand.SetEnabled(false).toPayload()).containsExactly(2, 0);
        assertThat(new MagProCommand.Trigger().toPayload()).containsExactly(3);
        assertThat(new MagProCommand.GetLongStatus().toPayload()).containsExactly(5);
        assertThat(new MagProCommand.SetPage(MagProPage.TIMING).toPayload()).containsExactly(7, 2, 0);
        assertThat(new MagProCommand.GetWaveform().toPayload()).containsExactly(9, 0);
    }

    @Test
    void delaysAreBigEndianTenthsWithASignedOutputDelay() {
        // input 0.5 ms, output -2.5 ms (0xFFE7), charge 200 ms
        assertThat(new MagProCommand.SetDelays(5, -25, 200).toPayload())
                .containsExactly(8, 0, 5, 0xFF, 0xE7, 0, 200, 0, 0);
    }

    @Test
    void dualModeWithAThreeMillisecondIntervalIsTheSetWaveformCommand() {
        MagProCommand.SetWaveform dual = new MagProCommand.SetWaveform(X100_OPTION, MagProMode.DUAL,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC, 2, 30, 100);
        // [9, set, model 3, mode 3, normal, biphasic, 5-2 pulses, IPI 30 tenths, ratio 100 hundredths]
        assertThat(dual.toPayload()).containsExactly(9, 1, 3, 3, 0, 1, 3, 0, 30, 0, 100);
        MagProCommand.SetWaveform twin = new MagProCommand.SetWaveform(X100_OPTION, MagProMode.TWIN,
                MagProCurrentDirection.REVERSE, MagProWaveform.MONOPHASIC, 5, 3000 * 10, 500);
        assertThat(twin.toPayload()).containsExactly(9, 1, 3, 2, 1, 0, 0, 0x75, 0x30, 0x01, 0xF4);
    }

    @Test
    void onlyQuestionsExpectAnAnswer() {
        assertThat(new MagProCommand.GetStatus().replyId()).hasValue(0);
        assertThat(new MagProCommand.GetLongStatus().replyId()).hasValue(5);
        assertThat(new MagProCommand.GetWaveform().replyId()).hasValue(9);
        assertThat(new MagProCommand.SetAmplitudes(1, 1).replyId()).isEmpty();
        assertThat(new MagProCommand.Trigger().replyId()).isEmpty();
    }

    @Test
    void amplitudesOutsideZeroToHundredAreRefusedNotClipped() {
        assertThatThrownBy(() -> new MagProCommand.SetAmplitudes(101, 0))
                .hasMessage("MagPro amplitude A 101 % must lie in 0..100 %");
        assertThatThrownBy(() -> new MagProCommand.SetAmplitudes(50, -1)).hasMessageContaining("amplitude B -1");
    }

    @Test
    void intervalsOffTheGridAreRefusedWithTheGrid() {
        for (int tenths : List.of(9, 103, 197, 995, 30010, 31000, 0, -10)) {
            assertThatThrownBy(() -> dual(tenths)).as("%d tenths of a ms", tenths)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a value the stimulator accepts: 1.0-9.9 ms in 0.1 ms steps");
        }
        assertThatThrownBy(() -> dual(103)).hasMessageStartingWith("MagPro inter-pulse interval 10.3 ms");
        for (int tenths : List.of(10, 99, 100, 105, 195, 200, 990, 1000, 4900, 5000, 9500, 10000, 30000)) {
            assertThat(dual(tenths).ipiTenthsMillis()).isEqualTo(tenths);
        }
    }

    @Test
    void burstIntervalsHaveTheirOwnGrid() {
        MagProCommand.SetWaveform burst = new MagProCommand.SetWaveform(X100_OPTION, MagProMode.STANDARD,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC_BURST, 3, 5, 100);
        assertThat(burst.ipiTenthsMillis()).isEqualTo(5);
        assertThatThrownBy(() -> new MagProCommand.SetWaveform(X100_OPTION, MagProMode.STANDARD,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC_BURST, 3, 1010, 100))
                .hasMessageContaining("0.5-9.9 ms");
    }

    @Test
    void ratiosOffTheirGridAreRefused() {
        assertThatThrownBy(() -> twin(21)).hasMessageContaining("B/A ratio 0.21").hasMessageContaining("0.20-5.00");
        assertThatThrownBy(() -> twin(505)).hasMessageContaining("B/A ratio 5.05");
        assertThat(twin(20).baRatioHundredths()).isEqualTo(20);
    }

    @Test
    void pairedModesNeedTheMagOptionAndRefuseBursts() {
        assertThatThrownBy(() -> new MagProCommand.SetWaveform(MagProModel.X100, MagProMode.DUAL,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC, 2, 30, 100))
                .hasMessage("MagPro X100 has no DUAL mode: Twin and Dual need the MagOption");
        assertThatThrownBy(() -> new MagProCommand.SetWaveform(X100_OPTION, MagProMode.TWIN,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC_BURST, 2, 30, 100))
                .hasMessageContaining("cannot use the biphasic burst");
        assertThatThrownBy(() -> new MagProCommand.SetWaveform(X100_OPTION, MagProMode.STANDARD,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC, 6, 30, 100))
                .hasMessageContaining("2..5");
    }

    @Test
    void delaysOffTheirGridsAreRefused() {
        assertThatThrownBy(() -> new MagProCommand.SetDelays(5, 0, 150)).hasMessageContaining("charge delay 150 ms");
        assertThatThrownBy(() -> new MagProCommand.SetDelays(15, 0, 0)).hasMessageContaining("input delay 1.5 ms");
        assertThatThrownBy(() -> new MagProCommand.SetDelays(0, -105, 0)).hasMessageContaining("output delay -10.5 ms");
        assertThat(new MagProCommand.SetDelays(1000, -1000, 10000).chargeDelayMillis()).isEqualTo(10000);
    }

    @Test
    void gridsHaveTheDocumentedSizes() {
        assertThat(MagProGrids.PAIRED_IPI_TENTHS_MS.size()).isEqualTo(90 + 20 + 80 + 40 + 10 + 21);
        assertThat(MagProGrids.PAIRED_IPI_TENTHS_MS.indexFromTop(30000)).isZero();
        assertThat(MagProGrids.PAIRED_IPI_TENTHS_MS.indexFromTop(10)).isEqualTo(260);
        assertThat(MagProGrids.PAIRED_IPI_TENTHS_MS.valueAtIndexFromTop(261)).isEmpty();
        assertThat(MagProGrids.BA_RATIO_HUNDREDTHS.size()).isEqualTo(97);
        assertThat(MagProGrids.BA_RATIO_HUNDREDTHS.indexFromTop(100)).isEqualTo(80);
        assertThat(MagProGrids.BURST_IPI_TENTHS_MS.min()).isEqualTo(5);
        assertThat(MagProGrids.BURST_IPI_TENTHS_MS.max()).isEqualTo(1000);
    }

    private static MagProCommand.SetWaveform dual(int ipiTenths) {
        return new MagProCommand.SetWaveform(X100_OPTION, MagProMode.DUAL, MagProCurrentDirection.NORMAL,
                MagProWaveform.BIPHASIC, 2, ipiTenths, 100);
    }

    private static MagProCommand.SetWaveform twin(int ratioHundredths) {
        return new MagProCommand.SetWaveform(X100_OPTION, MagProMode.TWIN, MagProCurrentDirection.NORMAL,
                MagProWaveform.BIPHASIC, 2, 30, ratioHundredths);
    }
}
