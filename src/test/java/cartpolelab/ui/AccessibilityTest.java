package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard reachability with a visible focus, tooltips and names for screen readers. */
@ExtendWith(ApplicationExtension.class)
class AccessibilityTest {

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;

    @Start
    void start(Stage stage) {
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS, ScriptedTrainer::new,
                dialogs, dialogs, () -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private static void collect(Node n, List<Control> out) {
        if (n instanceof Control c && (c instanceof ButtonBase || c instanceof ChoiceBox<?>
                || c instanceof ComboBoxBase<?> || c instanceof TextInputControl)) {
            out.add(c);
        }
        if (n instanceof ToolBar bar) {
            bar.getItems().forEach(i -> collect(i, out));
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(i -> collect(i, out));
        }
    }

    /** The labels whose labelFor names a control: a screen reader reads them as its name. */
    private static void labels(Node n, Set<Node> named) {
        if (n instanceof Label l && l.getLabelFor() != null) {
            named.add(l.getLabelFor());
        }
        if (n instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(i -> labels(i, named));
        }
        if (n instanceof ToolBar bar) {
            bar.getItems().forEach(i -> labels(i, named));
        }
    }

    @Test
    void everyControlHasANameAndIconOnlyOnesATooltip(FxRobot robot) {
        List<Control> controls = new ArrayList<>();
        Set<Node> named = new java.util.HashSet<>();
        robot.interact(() -> {
            collect(view, controls);
            labels(view, named);
        });
        assertTrue(controls.size() > 25, "found the controls: " + controls.size());
        List<String> missing = new ArrayList<>();
        for (Control c : controls) {
            boolean words = c instanceof Labeled l && Accessibility.hasWords(l.getText());
            boolean name = words || named.contains(c) || c.getAccessibleText() != null
                    && !c.getAccessibleText().isBlank();
            if (!name) {
                missing.add("no name: " + c.getId() + " " + c);
            }
            if (c instanceof Labeled l && !words && (c.getTooltip() == null
                    || c.getAccessibleText() == null)) {
                missing.add("icon-only without tooltip and name: " + c.getId() + " '"
                        + l.getText() + "'");
            }
        }
        assertEquals(List.of(), missing);
        Control back = robot.lookup("#replayBack").queryAs(Control.class);
        assertEquals("One frame back", back.getAccessibleText());
        assertNotNull(robot.lookup("#rewardChart").query().getAccessibleText());
    }

    @Test
    void tabReachesTheToolbarTheViewMenuAndTheSettingsWithAVisibleFocus(FxRobot robot) {
        robot.interact(() -> robot.lookup("#startPauseButton").query().requestFocus());
        Set<String> reached = new LinkedHashSet<>();
        List<String> noRing = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            Node f = onFx(() -> view.getScene().getFocusOwner());
            if (f != null && f.getId() != null) {
                reached.add(f.getId());
                if (f instanceof ButtonBase && !focusRingShows(f)) {
                    noRing.add(f.getId());
                }
            }
            robot.type(KeyCode.TAB);
        }
        for (String id : List.of("startPauseButton", "resetButton", "speedChoice",
                "compareButton", "viewMenu", "savePlotsButton", "algorithmField",
                "learningRateField", "seedField")) {
            assertTrue(reached.contains(id), id + " reachable by Tab: " + reached);
        }
        assertEquals(List.of(), noRing, "a focused button shows a focus ring");
        assertFalse(reached.isEmpty());
    }

    /**
     * Whether {@code f} draws a focus ring. CSS applies {@code :focused} on a pulse after the
     * focus moved, which on a loaded machine can come well after the Tab key's events were
     * handled, so this waits for it (read on the FX thread), up to 20 s.
     */
    private static boolean focusRingShows(Node f) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> onFx(() -> {
                Node ring = f instanceof CheckBox ? f.lookup(".box") : f;
                return ring instanceof Region r && r.getBorder() != null
                        && !r.getBorder().isEmpty();
            }));
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    private static <T> T onFx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the FX thread did not answer", e);
        }
    }
}
