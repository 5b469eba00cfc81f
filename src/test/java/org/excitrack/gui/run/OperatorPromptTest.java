package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalDouble;
import org.excitrack.service.InputQuestion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperatorPromptTest {
    private static final InputQuestion TEMPERATURE = new InputQuestion("temperature", "Skin temperature", "°C", 20,
            42, OptionalDouble.of(32.5));

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(delimiter = '|', value = {
        "33.5 | ",
        "33,5 | ",
        " 42 | ",
        "19.9 | Must be 20 to 42 °C.",
        "abc | Enter a number in °C.",
        "'' | Enter a number in °C."
    })
    void anInputTakesOnlyANumberInItsRange(String typed, String problem) throws Exception {
        OperatorPrompt p = OperatorPrompt.input(TEMPERATURE);
        assertThat(p.enter(typed).orElse(null)).isEqualTo(problem);
        assertThat(p.isOpen()).isEqualTo(problem != null);
        if (problem == null) {
            assertThat((Double) p.answered().get()).isEqualTo(Double.parseDouble(typed.trim().replace(',', '.')));
        }
    }

    @Test
    void anInputOffersWhatIsKnownAndSaysItsRange() {
        OperatorPrompt p = OperatorPrompt.input(TEMPERATURE);
        assertThat(p.suggestedText()).isEqualTo("32.5");
        assertThat(p.rangeText()).isEqualTo("20 to 42 °C");
    }

    @Test
    void aChecklistIsAnsweredOnlyWithEveryItemTicked() {
        OperatorPrompt p = OperatorPrompt.checklist("Before recording", List.of("a", "b"));
        assertThat(p.tick(List.of(true, false))).isFalse();
        assertThat(p.isOpen()).isTrue();
        assertThat(p.tick(List.of(true, true))).isTrue();
        assertThat(p.isOpen()).isFalse();
    }

    @Test
    void cancellingTheSessionsFutureClosesThePrompt() {
        OperatorPrompt[] shown = new OperatorPrompt[1];
        GuiOperator operator = new GuiOperator(p -> shown[0] = p);
        var answer = operator.confirm("Is the subject relaxed and ready?");
        assertThat(shown[0].kind()).isEqualTo(OperatorPrompt.Kind.CONFIRM);
        answer.cancel(false);
        assertThat(shown[0].isOpen()).isFalse();
        assertThat(shown[0].answered()).isCancelled();
    }

    @Test
    void anAnswerOnScreenReachesTheSessionTyped() throws Exception {
        OperatorPrompt[] shown = new OperatorPrompt[1];
        GuiOperator operator = new GuiOperator(p -> shown[0] = p);
        var answer = operator.input(TEMPERATURE);
        shown[0].enter("34");
        assertThat(answer.get()).isEqualTo(34.0);
    }
}
