package org.excitrack.sim.magventure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.excitrack.codec.magventure.MagProModel;
import org.excitrack.device.magventure.MagProStimulator;
import org.excitrack.transport.Link;
import org.junit.jupiter.api.Test;

/** The entry point the port registry calls for {@code sim:magpro?…}. */
class MagProServerTest {
    @Test
    void opensAMagProInVirtualTimeFromUriParameters() {
        Link link = MagProServer.open("sim:magpro?clock=virtual&model=r30-option&serial=77",
                Map.of("clock", "virtual", "model", "r30-option", "serial", "77"));
        assertThat(link.virtualClock()).isPresent();
        try (MagProStimulator magPro = MagProStimulator.connect(link, "sim:magpro")) {
            assertThat(magPro.variant()).isEqualTo(MagProModel.R30_OPTION);
            assertThat(magPro.identity().serialNumber()).isEqualTo("77");
        }
    }

    @Test
    void opensAMagProInRealTimeByDefault() {
        Link link = MagProServer.open("sim:magpro", Map.of());
        assertThat(link.virtualClock()).isEmpty();
        try (MagProStimulator magPro = MagProStimulator.connect(link, "sim:magpro")) {
            assertThat(magPro.variant()).isEqualTo(MagProModel.X100_OPTION);
        }
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> MagProServer.open("sim:magpro", Map.of("clock", "fast")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("clock=fast");
        assertThatThrownBy(() -> MagProServer.open("sim:magpro", Map.of("subject", "als")))
                .hasMessageContaining("unknown virtual MagPro parameter 'subject'");
    }
}
