package org.excitrack.sim;

import org.junit.jupiter.api.Test;

/** {@code excitrack sim --tms}: a stimulator name the simulator does not know is a usage error, said plainly. */
class SimCommandMagstimTest {

    @Test
    void anUnknownStimulatorOrParameterIsAUsageError() {
        CliBadInputTest.excitrack("sim", "--tms", "magstim-400").assertCleanFailure(2,
                "--tms magstim-400: unknown magnetic stimulator 'magstim-400'");
        CliBadInputTest.excitrack("sim", "--tms", "magstim-200?mode=bistim").assertCleanFailure(2,
                "mode=bistim applies to magstim-bistim only");
        CliBadInputTest.excitrack("sim", "--tms", "magstim-bistim?fault=smoke").assertCleanFailure(2,
                "unknown Magstim fault 'smoke'");
    }
}
