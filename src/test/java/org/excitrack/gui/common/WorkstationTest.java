package org.excitrack.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.excitrack.gui.GuiOptions;
import org.excitrack.service.RunService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkstationTest {
    private final Workstation workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(),
            Path.of("recordings"), false), new Background(UiThread.direct()));

    @AfterEach
    void close() {
        workstation.close();
    }

    @Test
    void runOpensOnlyWithAUnitASubjectAndAProtocol() {
        assertThat(workstation.canGo(Step.RUN).get()).isFalse();
        workstation.unitPortProperty().set("sim:unit");
        workstation.subjectProperty().set(new RunService.Subject("S-1", null, null, null, null, null));
        assertThat(workstation.canGo(Step.RUN).get()).isFalse();
        workstation.protocolProperty().set("TRONDNF");
        assertThat(workstation.canGo(Step.RUN).get()).isTrue();
        assertThat(workstation.canGo(Step.REVIEW).get()).as("nothing recorded yet").isFalse();
    }

    @Test
    void anotherDeviceMeansTheProtocolMustBeCheckedAgain() {
        workstation.unitPortProperty().set("sim:unit");
        workstation.stimulatorPortProperty().set("sim:magstim-bistim");
        workstation.protocolProperty().set("T-SICI");
        workstation.stimulatorPortProperty().set(null);
        assertThat(workstation.protocolProperty().get()).isNull();
    }

    @Test
    void noStepButRunCanBeReachedWhileARunIsInProgress() {
        workstation.unitPortProperty().set("sim:unit");
        workstation.activeRunProperty().set(new org.excitrack.service.RunControl());
        for (Step step : Step.values()) {
            assertThat(workstation.canGo(step).get()).as(step.title()).isEqualTo(step == Step.RUN);
        }
    }
}
