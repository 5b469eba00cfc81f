package org.excitrack.gui.run;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.excitrack.service.InputQuestion;

/**
 * One question to the operator as the Run screen shows it, and the way to answer it. The session's thread waits
 * on {@link #answered()}; answering completes it from the FX thread; a stop cancels it, which closes the prompt.
 */
public final class OperatorPrompt {
    /** What kind of answer is wanted. */
    public enum Kind { ACKNOWLEDGE, CONFIRM, CHECKLIST, INPUT }

    private final Kind kind;
    private final String text;
    private final List<String> items;
    private final Optional<InputQuestion> question;
    private final CompletableFuture<Object> answer = new CompletableFuture<>();

    private OperatorPrompt(Kind kind, String text, List<String> items, Optional<InputQuestion> question) {
        this.kind = kind;
        this.text = Objects.requireNonNull(text);
        this.items = List.copyOf(items);
        this.question = question;
    }

    static OperatorPrompt acknowledge(String text) {
        return new OperatorPrompt(Kind.ACKNOWLEDGE, text, List.of(), Optional.empty());
    }

    static OperatorPrompt confirm(String text) {
        return new OperatorPrompt(Kind.CONFIRM, text, List.of(), Optional.empty());
    }

    static OperatorPrompt checklist(String title, List<String> items) {
        return new OperatorPrompt(Kind.CHECKLIST, title, items, Optional.empty());
    }

    static OperatorPrompt input(InputQuestion q) {
        return new OperatorPrompt(Kind.INPUT, q.label(), List.of(), Optional.of(q));
    }

    public Kind kind() {
        return kind;
    }

    /** The message, question, checklist title or input label. */
    public String text() {
        return text;
    }

    public List<String> items() {
        return items;
    }

    public Optional<InputQuestion> question() {
        return question;
    }

    /** The range and unit as a hint under an input ("20–42 °C"). */
    public String rangeText() {
        return question.map(q -> String.format(Locale.ROOT, "%s to %s %s", plain(q.min()), plain(q.max()), q.unit()))
                .orElse("");
    }

    /** What the input field starts with: a value already known, else nothing. */
    public String suggestedText() {
        return question.filter(q -> q.suggested().isPresent()).map(q -> plain(q.suggested().getAsDouble()))
                .orElse("");
    }

    /** Completes when answered, or exceptionally (cancelled) when the run was stopped meanwhile. */
    public CompletableFuture<Object> answered() {
        return answer;
    }

    public boolean isOpen() {
        return !answer.isDone();
    }

    public void acknowledge() {
        answer.complete(Boolean.TRUE);
    }

    public void confirm(boolean yes) {
        answer.complete(yes);
    }

    /** Accepted only with every item ticked: the session would only ask again. */
    public boolean tick(List<Boolean> ticked) {
        if (ticked.size() != items.size() || ticked.contains(Boolean.FALSE)) {
            return false;
        }
        return answer.complete(List.copyOf(ticked));
    }

    /**
     * Enters a typed value ("33.5" or "33,5").
     *
     * @return empty when accepted, else why not, to show beside the field
     */
    public Optional<String> enter(String typed) {
        InputQuestion q = question.orElseThrow(() -> new IllegalStateException("not an input: " + text));
        double value;
        try {
            value = Double.parseDouble(typed.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return Optional.of("Enter a number in " + q.unit() + ".");
        }
        if (!q.accepts(value)) {
            return Optional.of("Must be " + rangeText() + ".");
        }
        answer.complete(value);
        return Optional.empty();
    }

    private static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
