package org.excitrack.gui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * An operator prompt as a modal card over the Run screen. It is a layer of the screen, not a window of its own,
 * on purpose: a modal window would block the shell's EMERGENCY STOP button and take the Escape key, and both
 * must work while the session waits for an answer (architecture.md, Safety 4). Every prompt also offers Abort.
 */
final class PromptOverlay {
    private final StackPane layer;
    private final Runnable abort;

    /** @param abort what the card's Abort button does (the run's abort, through the stop line) */
    PromptOverlay(StackPane layer, Runnable abort) {
        this.layer = layer;
        this.abort = abort;
        layer.setVisible(false);
    }

    /** Shows {@code prompt}, or hides the layer when null (answered, or the run was stopped). */
    void show(OperatorPrompt prompt) {
        layer.getChildren().clear();
        layer.setVisible(prompt != null);
        if (prompt != null) {
            VBox card = card(prompt);
            StackPane.setAlignment(card, Pos.CENTER);
            layer.getChildren().add(card);
        }
    }

    private VBox card(OperatorPrompt p) {
        VBox card = new VBox();
        card.setId("prompt-card");
        card.getStyleClass().add("prompt-card");
        card.setMaxSize(560, Region.USE_PREF_SIZE);
        card.setFillWidth(true);
        Label kind = new Label(kindText(p.kind()));
        kind.getStyleClass().add("prompt-kind");
        Label text = new Label(p.text());
        text.setId("prompt-text");
        text.getStyleClass().add("prompt-text");
        text.setWrapText(true);
        card.getChildren().addAll(kind, text);
        switch (p.kind()) {
            case CHECKLIST:
                checklist(card, p);
                break;
            case INPUT:
                input(card, p);
                break;
            case CONFIRM:
                card.getChildren().add(buttons(button("Yes", "prompt-yes", true, () -> p.confirm(true)),
                        button("No, end the run", "prompt-no", false, () -> p.confirm(false))));
                break;
            default:
                card.getChildren().add(buttons(button("Continue", "prompt-continue", true, p::acknowledge)));
        }
        return card;
    }

    private void checklist(VBox card, OperatorPrompt p) {
        List<CheckBox> boxes = new ArrayList<>();
        VBox items = new VBox(8);
        for (String item : p.items()) {
            CheckBox box = new CheckBox(item);
            box.getStyleClass().add("prompt-item");
            box.setWrapText(true);
            boxes.add(box);
            items.getChildren().add(box);
        }
        Button go = button("Continue", "prompt-continue", true,
                () -> p.tick(boxes.stream().map(CheckBox::isSelected).toList()));
        // the session asks again until every item is ticked: say so by keeping Continue closed until then
        Runnable update = () -> go.setDisable(boxes.stream().anyMatch(b -> !b.isSelected()));
        boxes.forEach(b -> b.selectedProperty().addListener((o, was, is) -> update.run()));
        update.run();
        card.getChildren().addAll(items, buttons(go));
    }

    private void input(VBox card, OperatorPrompt p) {
        TextField field = new TextField(p.suggestedText());
        field.setId("prompt-input");
        field.getStyleClass().add("prompt-input");
        Label unit = new Label(p.question().map(q -> q.unit()).orElse(""));
        Label range = new Label(p.rangeText());
        range.getStyleClass().add("hint");
        Label error = new Label();
        error.setId("prompt-error");
        error.getStyleClass().add("error-text");
        HBox row = new HBox(8, field, unit, range);
        row.setAlignment(Pos.CENTER_LEFT);
        Runnable enter = () -> {
            Optional<String> problem = p.enter(field.getText());
            error.setText(problem.orElse(""));
        };
        field.setOnAction(e -> enter.run());
        card.getChildren().addAll(row, error, buttons(button("Continue", "prompt-continue", true, enter)));
        layer.sceneProperty().addListener((o, a, scene) -> field.requestFocus());
        field.requestFocus();
    }

    private HBox buttons(Button... answers) {
        Button abortRun = new Button("Abort run");
        abortRun.setId("prompt-abort");
        abortRun.getStyleClass().add("abort");
        abortRun.setOnAction(e -> abort.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(10);
        row.getChildren().addAll(abortRun, gap);
        row.getChildren().addAll(answers);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private static Button button(String text, String id, boolean primary, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.getStyleClass().add(primary ? "primary" : "secondary");
        b.setDefaultButton(primary);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static String kindText(OperatorPrompt.Kind kind) {
        switch (kind) {
            case CHECKLIST:
                return "CHECKLIST: TICK EVERY ITEM";
            case INPUT:
                return "ENTER A VALUE";
            case CONFIRM:
                return "PLEASE CONFIRM";
            default:
                return "PLEASE READ";
        }
    }

    Node layer() {
        return layer;
    }
}
