package org.excitrack.gui.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.Screenshots;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Screen;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.gui.connect.ConnectView;
import org.excitrack.gui.connect.ConnectViewModel;
import org.excitrack.gui.protocol.ProtocolView;
import org.excitrack.gui.protocol.ProtocolViewModel;
import org.excitrack.gui.run.RunView;
import org.excitrack.gui.run.RunViewModel;
import org.excitrack.gui.shell.ShellView;
import org.excitrack.gui.shell.ShellViewModel;
import org.excitrack.gui.shell.WorkstationApp;
import org.excitrack.gui.subject.SubjectView;
import org.excitrack.gui.subject.SubjectViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Review step headless in the whole workstation window: it opens on the last run's recording with its table and
 * figure, exports a CSV through the Export button (the file chooser replaced, since a native dialog cannot be driven
 * headless), compares with the subject's earlier recording, and leaves screenshots in {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {
    private static final ReviewRecordings RECORDINGS = ReviewRecordings.get();

    @TempDir
    static Path exports;
    private Workstation workstation;
    private ReviewViewModel model;
    private ReviewView view;

    @Start
    void start(Stage stage) {
        workstation = new Workstation(new GuiOptions(Optional.empty(), Optional.empty(), RECORDINGS.folder, true),
                new Background(UiThread.fx()));
        model = new ReviewViewModel(workstation);
        view = new ReviewView(model, (output, name) -> exports.resolve(name), () -> RECORDINGS.tms);
        Map<Step, Screen> screens = new EnumMap<>(Step.class);
        screens.put(Step.CONNECT, new ConnectView(new ConnectViewModel(workstation)));
        screens.put(Step.SUBJECT, new SubjectView(new SubjectViewModel(workstation)));
        screens.put(Step.PROTOCOL, new ProtocolView(new ProtocolViewModel(workstation)));
        screens.put(Step.RUN, new RunView(new RunViewModel(workstation)));
        screens.put(Step.REVIEW, view);
        ShellView shell = new ShellView(new ShellViewModel(workstation), screens);
        Scene scene = new Scene((Parent) shell.node(), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(WorkstationApp.class
                .getResource("/org/excitrack/gui/excitrack.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        workstation.close();
    }

    private void join(FxRobot robot) throws Exception {
        view.lastAction().get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void reviewsTheLastRunExportsACsvAndComparesWithTheEarlierRecording(FxRobot robot) throws Exception {
        robot.interact(() -> {
            workstation.recordingProperty().set(RECORDINGS.latest);
            workstation.stepProperty().set(Step.REVIEW);
        });
        join(robot);

        assertThat(robot.lookup("#review-title").queryAs(Label.class).getText()).isEqualTo(ReviewRecordings.SUBJECT);
        TableView<VariablesTable.Row> table = robot.lookup("#review-variables").queryTableView();
        assertThat(table.getItems()).filteredOn(VariablesTable.Row::heading).extracting(VariablesTable.Row::group)
                .as("one heading per figure panel").startsWith("Stimulus-response", "Charge-duration",
                        "Threshold electrotonus", "Current-threshold (I/V)", "Recovery cycle");
        assertThat(table.getItems()).filteredOn(r -> !r.heading()).hasSizeGreaterThan(25);
        assertThat(table.getColumns()).hasSize(4);
        FigurePane figure = view.figure();
        assertThat(figure.getWidth()).as("the figure is the screen's largest element").isGreaterThan(560);
        assertThat(figure.draws()).isPositive();
        assertThat(inkFraction(figure)).as("the figure is drawn, not blank").isGreaterThan(0.04);
        robot.interact(() -> Screenshots.save(robot.window(0).getScene(), "review"));

        robot.clickOn("#save-csv");
        join(robot);
        Path csv = exports.resolve("S01_TRONDNF_2.csv");
        assertThat(csv).exists();
        assertThat(Files.readString(csv)).contains("S01_TRONDNF_2.excitrack");
        assertThat(robot.lookup("#review-message").queryAs(Label.class).getText()).startsWith("Saved CSV");

        robot.interact(() -> view.compareWithForTest(List.copyOf(model.earlier())));
        join(robot);
        assertThat(table.getColumns()).as("the earlier value and the change instead of the normal range").hasSize(5);
        robot.interact(() -> Screenshots.save(robot.window(0).getScene(), "review-comparison"));
        assertThat(Screenshots.FOLDER.resolve("review-comparison.png")).exists();
    }

    @Test
    void opensATmsRecordingAndShowsItsThresholds(FxRobot robot) throws Exception {
        robot.interact(() -> {
            workstation.recordingProperty().set(RECORDINGS.latest);
            workstation.stepProperty().set(Step.REVIEW);
        });
        join(robot);

        robot.clickOn("#review-open");
        join(robot);

        assertThat(robot.lookup("#review-title").queryAs(Label.class).getText()).isEqualTo("S03");
        assertThat(robot.lookup("#review-magnetic").tryQuery()).isPresent();
        assertThat(robot.lookup("#save-pdf").queryButton().isDisabled()).isTrue();
        robot.interact(() -> Screenshots.save(robot.window(0).getScene(), "review-tms"));
    }

    /** The share of the figure's pixels that are not white. */
    private static double inkFraction(FigurePane figure) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage image = figure.canvas().snapshot(null, null);
            int w = (int) image.getWidth();
            int h = (int) image.getHeight();
            long ink = 0;
            for (int y = 0; y < h; y += 2) {
                for (int x = 0; x < w; x += 2) {
                    int argb = image.getPixelReader().getArgb(x, y);
                    if ((argb >>> 24) > 0 && (argb & 0xFFFFFF) != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            return ink / (double) ((w / 2) * (h / 2));
        }).get(10, TimeUnit.SECONDS);
    }
}
