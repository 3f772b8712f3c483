package cartpolelab.ui.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cartpolelab.agent.Hyperparameters;
import cartpolelab.train.Trainer;
import cartpolelab.ui.CartPoleLabApp;
import cartpolelab.ui.MainView;
import cartpolelab.ui.TestDialogs;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The lesson: L opens it, its chapters are walked in order, an experiment's caption is
 * computed from what it measured. */
@ExtendWith(ApplicationExtension.class)
class LessonWindowTest {

    private final TestDialogs dialogs = new TestDialogs();
    private MainView view;

    @Start
    void start(Stage stage) {
        // small networks keep the chapter's grid to a few seconds here
        view = CartPoleLabApp.open(stage, Hyperparameters.DEFAULTS.withHiddenSize(16),
                Trainer::new, dialogs, dialogs, () -> { });
    }

    @AfterEach
    void tearDown() throws Exception {
        WaitForAsyncUtils.asyncFx(view::shutdown).get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(String what, java.util.concurrent.Callable<Boolean> c) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, c);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private LessonView open(FxRobot robot) {
        robot.clickOn("#cartPoleCanvas");
        robot.type(KeyCode.L);
        waitFor("the lesson", () -> robot.lookup("#lessonView").tryQuery().isPresent());
        return robot.lookup("#lessonView").queryAs(LessonView.class);
    }

    private static String title(FxRobot robot) {
        return robot.lookup("#lessonTitle").queryAs(Label.class).getText();
    }

    @Test
    void theChaptersAreWalkedInTheNotebooksOrderWithTheirFormulas(FxRobot robot) {
        LessonView lesson = open(robot);
        assertEquals(Chapter.REINFORCE.title(), title(robot));
        assertTrue(robot.lookup("#lessonPrevious").queryButton().isDisabled());
        assertNotNull(robot.lookup("#lessonFormula").queryAs(ImageView.class).getImage());
        double width = robot.lookup("#lessonFormula").queryAs(ImageView.class).getImage()
                .getWidth();
        assertTrue(width > 200, "a typeset formula, " + width + " px wide");
        for (Chapter c : new Chapter[] {Chapter.BASELINE, Chapter.ACTOR_CRITIC, Chapter.A2C,
                Chapter.PPO}) {
            robot.clickOn("#lessonNext");
            assertEquals(c.title(), title(robot));
        }
        assertTrue(robot.lookup("#lessonNext").queryButton().isDisabled());
        robot.type(KeyCode.PAGE_UP).type(KeyCode.PAGE_UP);
        assertEquals(Chapter.ACTOR_CRITIC.title(), title(robot));
        assertEquals(Chapter.ACTOR_CRITIC, lesson.chapter());
        robot.clickOn("#lessonPrevious").clickOn("#lessonPrevious");
        assertEquals(Chapter.REINFORCE.title(), title(robot));
    }

    /** Enter on a focused Previous / Next walks the chapters and runs no experiment. */
    @Test
    void enterOnAFocusedNavigationButtonActivatesItInsteadOfRunning(FxRobot robot) {
        LessonView lesson = open(robot);
        robot.interact(() -> robot.lookup("#lessonNext").query().requestFocus());
        waitFor("Next focused", () -> robot.lookup("#lessonNext").query().isFocused());
        robot.type(KeyCode.ENTER);
        waitFor("the second chapter", () -> lesson.chapter() == Chapter.BASELINE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNoExperiment(robot);
        robot.interact(() -> robot.lookup("#lessonPrevious").query().requestFocus());
        waitFor("Previous focused", () -> robot.lookup("#lessonPrevious").query().isFocused());
        robot.type(KeyCode.ENTER);
        waitFor("back to the first chapter", () -> lesson.chapter() == Chapter.REINFORCE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNoExperiment(robot);
    }

    private static void assertNoExperiment(FxRobot robot) {
        assertTrue(!robot.lookup("#lessonRun").queryButton().isDisabled(),
                "no experiment was started");
        assertTrue(!robot.lookup("#lessonProgress").queryAs(Label.class).getText()
                .startsWith("training"), "no experiment training");
    }

    @Test
    void runningAChapterMeasuresChartsAndCaptionsWhatItMeasured(FxRobot robot) {
        LessonView lesson = open(robot);
        robot.clickOn("#lessonRun");
        waitFor("the experiment measured", () -> lesson.measured() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Measured m = lesson.measured();
        Measured.Group g = m.group(Captions.REINFORCE);
        assertEquals(Chapter.SEEDS, g.runs());
        assertEquals(1000, g.episodes());
        // the caption is the one the numbers give, and carries those numbers
        assertEquals(Captions.reinforce(m), lesson.captionText());
        assertTrue(lesson.captionText().contains(Measured.number(g.meanMa50(1000))),
                lesson.captionText());
        assertTrue(lesson.captionText().contains(g.solvedText()), lesson.captionText());
        assertNotNull(lesson.chart().figure());
        assertEquals(1000, lesson.chart().figure().length());
    }

    /**
     * Pointing at a term of the formula marks it there and highlights where the main
     * window's numbers panel shows that number; leaving the formula clears both.
     */
    @Test
    void pointingAtAFormulasTermHighlightsItInTheMainWindowsOverlay(FxRobot robot) {
        LessonView lesson = open(robot);
        robot.interact(() -> lesson.show(Chapter.BASELINE));
        cartpolelab.ui.canvas.CartPoleCanvas canvas = view.lookup("#cartPoleCanvas") instanceof
                cartpolelab.ui.canvas.CartPoleCanvas c ? c : null;
        assertNotNull(canvas);
        assertEquals(java.util.List.of(cartpolelab.ui.canvas.Term.GRAD_LOG_PI,
                cartpolelab.ui.canvas.Term.RETURN, cartpolelab.ui.canvas.Term.VALUE),
                lesson.formula().terms());
        for (cartpolelab.ui.canvas.Term t : lesson.formula().terms()) {
            robot.moveTo(lesson.formula().screenPoint(t));
            waitFor(t + " highlighted", () -> canvas.highlight() == t);
            assertTrue(robot.lookup("#lessonTermMark").query().isVisible());
            assertTrue(robot.lookup("#lessonTermHint").queryAs(Label.class).getText()
                    .startsWith(t.symbol() + " is "), t.symbol());
        }
        robot.moveTo("#lessonWords");
        waitFor("no highlight", () -> canvas.highlight() == null);
        assertTrue(!robot.lookup("#lessonTermMark").query().isVisible());
    }

    /**
     * In a short window the page scrolls; Next shows the new chapter from its title, not at
     * the scroll position the last chapter's chart was read at.
     */
    @Test
    void nextStartsTheChapterAtItsTitleInAShortWindow(FxRobot robot) {
        LessonView lesson = open(robot);
        javafx.scene.control.ScrollPane scroll = robot.lookup("#lessonScroll").query();
        robot.interact(() -> {
            javafx.stage.Window w = lesson.getScene().getWindow();
            w.setWidth(853);
            w.setHeight(480);
        });
        waitFor("a page taller than the window", () -> lesson.page().getHeight()
                > scroll.getViewportBounds().getHeight() + 50);
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        robot.clickOn("#lessonNext");
        waitFor("the second chapter", () -> lesson.chapter() == Chapter.BASELINE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(scroll.getVmin(), scroll.getVvalue(), 1e-9, "scrolled back to the top");
    }

    /**
     * PPO's formula has no ∇log π: its policy term is π_θ(aₜ|sₜ) in the ratio, and the hint
     * names it so (it said "Point at Âₜ, ∇log π" under a formula without one).
     */
    @Test
    void theHintNamesTheTermsAsTheChaptersFormulaWritesThem(FxRobot robot) {
        LessonView lesson = open(robot);
        robot.interact(() -> lesson.show(Chapter.PPO));
        Label hint = robot.lookup("#lessonTermHint").queryAs(Label.class);
        assertTrue(hint.getText().contains("\u03c0\u03b8(a\u209c|s\u209c)")
                && !hint.getText().contains("\u2207log"), hint.getText());
        robot.moveTo(lesson.formula().screenPoint(cartpolelab.ui.canvas.Term.GRAD_LOG_PI));
        waitFor("the policy term's hint", () -> hint.getText().startsWith(
                "\u03c0\u03b8(a\u209c|s\u209c) is the policy bars"));
        robot.interact(() -> lesson.show(Chapter.REINFORCE));
        assertTrue(hint.getText().startsWith("Point at \u2207log \u03c0"), hint.getText());
    }

    /** A chapter saves as a 16:9 slide, PNG (twice 1280 × 720) or SVG; other names refused. */
    @Test
    void aChapterSavesAsAPngOrSvgSlide(FxRobot robot, @org.junit.jupiter.api.io.TempDir
            java.nio.file.Path dir) throws Exception {
        LessonView lesson = open(robot);
        java.nio.file.Path png = dir.resolve("chapter.png");
        java.nio.file.Path svg = dir.resolve("chapter.svg");
        WaitForAsyncUtils.asyncFx(() -> lesson.save(png)).get(60, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.asyncFx(() -> lesson.save(svg)).get(60, TimeUnit.SECONDS)
                .get(60, TimeUnit.SECONDS);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(2 * ChapterSlide.WIDTH, img.getWidth());
        assertEquals(2 * ChapterSlide.HEIGHT, img.getHeight());
        String doc = java.nio.file.Files.readString(svg);
        assertTrue(doc.startsWith("<svg") || doc.contains("<svg"), "an SVG document");
        assertTrue(doc.contains("<path"), "the formula and text as outlines");
        java.util.concurrent.CompletableFuture<Void> bad = WaitForAsyncUtils.asyncFx(
                () -> lesson.save(dir.resolve("chapter.txt"))).get(60, TimeUnit.SECONDS);
        java.util.concurrent.ExecutionException e = org.junit.jupiter.api.Assertions
                .assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> bad.get(60, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("use a .png or .svg"),
                e.getCause().getMessage());
    }
}
