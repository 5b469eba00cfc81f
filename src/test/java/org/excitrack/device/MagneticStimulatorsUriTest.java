package org.excitrack.device;

import org.excitrack.model.tms.ChargeState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.transport.PortUri;
import org.excitrack.transport.PortUriException;
import org.junit.jupiter.api.Test;

/** How a stimulator's port URI becomes a model and the URI the transport opens. */
class MagneticStimulatorsUriTest {

    @Test
    void aSerialPortNamesItsStimulatorAndGetsTheModelsBaudRateUnlessItGivesOne() {
        MagneticStimulators.Target t = MagneticStimulators.target(
                PortUri.parse("serial:/dev/ttyS0?device=magstim-bistim"));
        assertThat(t.model()).isEqualTo(StimulatorModel.MAGSTIM_BISTIM);
        assertThat(t.linkUri().toString()).isEqualTo("serial:/dev/ttyS0?baud=9600");
        assertThat(MagneticStimulators.target(PortUri.parse("serial:COM3?baud=19200&device=magstim-rapid")).linkUri())
                .hasToString("serial:COM3?baud=19200");
        assertThat(MagneticStimulators.target(PortUri.parse("serial:/dev/ttyUSB1?device=magpro")).linkUri())
                .hasToString("serial:/dev/ttyUSB1?baud=38400");
    }

    @Test
    void spyWrapsWhateverItWrapsAndSimulatedStimulatorsAreNamedByPath() {
        MagneticStimulators.Target t = MagneticStimulators.target(
                PortUri.parse("spy:serial:/dev/ttyS0?device=magstim-200"));
        assertThat(t.model()).isEqualTo(StimulatorModel.MAGSTIM_200);
        assertThat(t.linkUri()).hasToString("spy:serial:/dev/ttyS0?baud=9600");
        assertThat(MagneticStimulators.target(PortUri.parse("sim:magstim-rapid?fault=coil-hot")).linkUri())
                .hasToString("sim:magstim-rapid?fault=coil-hot");
    }

    @Test
    void aUriThatDoesNotNameAStimulatorIsAUsageErrorThatSaysHowToFixIt() {
        assertThatThrownBy(() -> MagneticStimulators.open("serial:/dev/ttyS0"))
                .isInstanceOf(PortUriException.class)
                .hasMessage("serial:/dev/ttyS0 does not say which stimulator is on it: add ?device=magstim-200, "
                        + "magstim-bistim, magstim-rapid or magpro, e.g. serial:/dev/ttyS0?device=magstim-bistim");
        assertThatThrownBy(() -> MagneticStimulators.open("serial:/dev/ttyS0?device=magstim"))
                .isInstanceOf(PortUriException.class).hasMessageContaining("unknown magnetic stimulator 'magstim'");
        assertThatThrownBy(() -> MagneticStimulators.open("sim:unit"))
                .isInstanceOf(PortUriException.class).hasMessageContaining("sim:unit is the acquisition unit");
        assertThatThrownBy(() -> MagneticStimulators.open("sim:magstim-200?device=magstim-200"))
                .isInstanceOf(PortUriException.class).hasMessageContaining("named by its path");
    }

    @Test
    void aMagProIsReachedThroughItsOwnDriver() {
        try (AcquisitionUnit unit = AcquisitionUnits.open("sim:unit?subject=healthy&seed=1");
             MagneticStimulator magPro = MagneticStimulators.open("sim:magpro")) {
            assertThat(magPro.identity().model()).isEqualTo(StimulatorModel.MAGPRO);
            assertThat(magPro.status().charge()).isEqualTo(ChargeState.STANDBY);
        }
    }
}
