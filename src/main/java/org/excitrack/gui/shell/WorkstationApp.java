package org.excitrack.gui.shell;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Screen;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.connect.ConnectView;
import org.excitrack.gui.connect.ConnectViewModel;
import org.excitrack.gui.protocol.ProtocolView;
import org.excitrack.gui.protocol.ProtocolViewModel;
import org.excitrack.gui.review.ReviewView;
import org.excitrack.gui.review.ReviewViewModel;
import org.excitrack.gui.run.RunView;
import org.excitrack.gui.run.RunViewModel;
import org.excitrack.gui.subject.SubjectView;
import org.excitrack.gui.subject.SubjectViewModel;

/** The JavaFX application: builds every step's view over one {@link Workstation} and shows the shell. */
public final class WorkstationApp extends Application {
    private static volatile GuiOptions startOptions;
    private Workstation workstation;

    /** Must be called before {@code Application.launch}: JavaFX constructs this class itself. */
    public static void startWith(GuiOptions options) {
        startOptions = Objects.requireNonNull(options);
    }

    @Override
    public void start(Stage stage) {
        workstation = new Workstation(startOptions, new Background(UiThread.fx()));
        stage.setTitle("Excitrack");
        stage.setScene(scene(workstation));
        stage.setMinWidth(1100);
        stage.setMinHeight(720);
        stage.show();
    }

    /** The whole workstation as one scene: what the application shows and what the headless tests drive. */
    public static Scene scene(Workstation workstation) {
        Map<Step, Screen> screens = new EnumMap<>(Step.class);
        screens.put(Step.CONNECT, new ConnectView(new ConnectViewModel(workstation)));
        screens.put(Step.SUBJECT, new SubjectView(new SubjectViewModel(workstation)));
        screens.put(Step.PROTOCOL, new ProtocolView(new ProtocolViewModel(workstation)));
        screens.put(Step.RUN, new RunView(new RunViewModel(workstation)));
        screens.put(Step.REVIEW, new ReviewView(new ReviewViewModel(workstation)));
        ShellView shell = new ShellView(new ShellViewModel(workstation), screens);
        Scene scene = new Scene((Parent) shell.node(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(WorkstationApp.class.getResource("/org/excitrack/gui/excitrack.css"))
                .toExternalForm());
        return scene;
    }

    @Override
    public void stop() {
        if (workstation != null) {
            workstation.abort();
            workstation.close();
        }
    }
}
