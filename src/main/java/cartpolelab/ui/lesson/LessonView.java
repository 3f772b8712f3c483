package cartpolelab.ui.lesson;

import cartpolelab.agent.GradientVarianceProbe;
import cartpolelab.agent.Hyperparameters;
import cartpolelab.metrics.Center;
import cartpolelab.metrics.Spread;
import cartpolelab.plot.CompareFigures;
import cartpolelab.plot.Figure;
import cartpolelab.plot.XAxis;
import cartpolelab.results.ExperimentSummary;
import cartpolelab.train.Experiment;
import cartpolelab.ui.canvas.Term;
import cartpolelab.ui.chart.ChartView;
import cartpolelab.ui.chart.FxSurface;
import cartpolelab.ui.chart.PlotCanvas;
import cartpolelab.ui.compare.CompareData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The lesson, one chapter at a time: its formula (typeset by JLaTeXMath), plain words, a
 * button that runs the chapter's preset grid, the chart that makes the point and a caption
 * computed from the numbers just measured ({@link Captions}). Previous / Next (or Page Up /
 * Page Down) walk the chapters. The experiment trains on its own pool, never on the FX
 * thread; its statistics are computed on {@code compute}.
 */
public final class LessonView extends BorderPane {

    private final Supplier<Hyperparameters> base;
    private final Executor compute;
    private final Label title = new Label();
    private final FormulaView formula = new FormulaView();
    private final Label termHint = new Label();
    /** The page, scrolled in a short window (1280 × 720 at 150 %) rather than squeezed. */
    private final ScrollPane scroll = new ScrollPane();
    private final Label words = new Label();
    private final Button run = new Button("Run the experiment");
    private final Button save = new Button("Save slide\u2026");
    private final Label progress = new Label();
    private final PlotCanvas chart = new PlotCanvas("lessonChart", new ChartView());
    private final Label caption = new Label();
    private final Button previous = new Button("\u2039 Previous");
    private final Button next = new Button("Next \u203a");
    private final VBox page;
    private Chapter chapter = Chapter.REINFORCE;
    private Experiment experiment;
    private Measured measured;
    private int formulaScheme;
    private Consumer<Term> termLink = t -> { };

    public LessonView(Supplier<Hyperparameters> base, Executor compute) {
        this.base = base;
        this.compute = compute;
        setId("lessonView");
        getStyleClass().add("app-root");
        title.setId("lessonTitle");
        title.getStyleClass().add("lesson-title");
        termHint.setId("lessonTermHint");
        termHint.getStyleClass().add("lesson-term-hint");
        termHint.setWrapText(true);
        save.setId("lessonSave");
        save.setTooltip(new Tooltip("Save this chapter as a slide: "
                + "PNG or SVG (formula, words, chart, caption)"));
        save.setAccessibleText("Save this chapter as a slide, PNG or SVG");
        words.setId("lessonWords");
        words.setWrapText(true);
        run.setId("lessonRun");
        run.getStyleClass().add("primary");
        progress.setId("lessonProgress");
        caption.setId("lessonCaption");
        caption.setWrapText(true);
        caption.getStyleClass().add("lesson-caption");
        previous.setId("lessonPrevious");
        next.setId("lessonNext");
        chart.setPrefSize(900, 300);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox actions = new HBox(10, run, progress);
        page = new VBox(12, title, formula, termHint, words, actions, chart, caption);
        page.setId("lessonPage");
        page.getStyleClass().add("lesson-page");
        page.setPadding(new Insets(16));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox nav = new HBox(10, previous, next, gap, save);
        nav.setPadding(new Insets(0, 16, 12, 16));
        formula.setLink(this::hovered);
        page.widthProperty().addListener((o, a, b) -> fitFormula());
        words.setMinHeight(Region.USE_PREF_SIZE);
        caption.setMinHeight(Region.USE_PREF_SIZE); // never cut short
        termHint.setMinHeight(Region.USE_PREF_SIZE);
        chart.setMinHeight(300); // a short window scrolls the page: the chart stays readable
        scroll.setContent(page);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setId("lessonScroll");
        setCenter(scroll);
        setBottom(nav);
        previous.setOnAction(e -> show(Chapter.values()[chapter.ordinal() - 1]));
        next.setOnAction(e -> show(Chapter.values()[chapter.ordinal() + 1]));
        run.setOnAction(e -> runExperiment());
        show(chapter);
    }

    /** Shows chapter {@code c}, without data until its experiment runs. */
    public void show(Chapter c) {
        stop();
        chapter = c;
        measured = null;
        scroll.setVvalue(scroll.getVmin()); // a new chapter starts at its title, not mid-page
        title.setText(c.title());
        showFormula();
        formula.imageView().setAccessibleText(c.title() + ": the gradient formula");
        hovered(null);
        words.setText(c.words());
        caption.setText("Run the experiment: the caption will say what it measured.");
        progress.setText(String.format(Locale.ROOT,
                "%d seeds, under a minute on 2 cores", c.spec(base.get()).seeds().size()));
        chart.show(null);
        previous.setDisable(c.ordinal() == 0);
        next.setDisable(c.ordinal() == Chapter.values().length - 1);
    }

    /** The chapter's formula in the theme's text colour, narrowed to the page. */
    private void showFormula() {
        formulaScheme = FxSurface.schemeVersion();
        formula.show(chapter.tex(), FxSurface.scheme().dark());
        fitFormula();
    }

    private void fitFormula() {
        formula.fit(page.getWidth() > 0 ? page.getWidth() - 32 : Double.MAX_VALUE);
    }

    /** The pointer is over {@code t} in the formula (null: over none). */
    private void hovered(Term t) {
        termLink.accept(t);
        if (t != null) {
            termHint.setText(chapter.symbol(t) + " is " + t.where() + " in the main window's "
                    + "numbers panel, marked there while the panel shows it.");
        } else {
            termHint.setText(formula.terms().isEmpty() ? "" : "Point at " + formula.terms()
                    .stream().map(chapter::symbol).collect(Collectors
                    .joining(", ")) + " in the formula: the main window's numbers panel marks "
                    + "where that number is shown (replay an episode there with P).");
        }
    }

    /** Who marks a formula's term in the numbers panel (the main window's canvas). */
    public void setTermLink(Consumer<Term> link) {
        termLink = link == null ? t -> { } : link;
    }

    /** The formula, with its linked terms. */
    FormulaView formula() {
        return formula;
    }

    public Chapter chapter() {
        return chapter;
    }

    /** What the last experiment measured (null before one finished). */
    public Measured measured() {
        return measured;
    }

    public String captionText() {
        return caption.getText();
    }

    public PlotCanvas chart() {
        return chart;
    }

    /** The chapter as on screen, for Save (PNG). */
    public VBox page() {
        return page;
    }

    /** Runs the chapter's preset grid (the Run button, or Enter). */
    public void runExperiment() {
        stop();
        Experiment e = new Experiment(chapter.spec(base.get()));
        if (chapter.varianceChart()) {
            e.measureGradientVariance(GradientVarianceProbe.Settings.DEFAULT);
        }
        experiment = e;
        run.setDisable(true);
        progress.setText("training\u2026");
        XAxis axis = chapter.overSteps() ? XAxis.STEPS
                : XAxis.EPISODES;
        e.start();
        e.done().whenComplete((v, failure) -> CompletableFuture
                .supplyAsync(() -> CompareData.of(e, Center.MEAN,
                        Spread.MIN_MAX, axis), compute)
                .whenComplete((d, f) -> Platform.runLater(() -> finished(e, d, f))));
    }

    private void finished(Experiment e, CompareData d, Throwable failure) {
        if (e != experiment) {
            return; // another chapter or run since
        }
        run.setDisable(false);
        if (d == null) {
            progress.setText("Could not compute the statistics: " + failure);
            return;
        }
        progress.setText(String.format(Locale.ROOT, "%d runs \u00b7 %,d episodes each \u00b7 done",
                e.cells().size(), e.spec().base().episodes()));
        show(d);
    }

    /** Shows what {@code d} measured: the chart and the caption computed from it. */
    void show(CompareData d) {
        measured = measure(d);
        Figure f = chapter.varianceChart() ? CompareFigures.variance(d.variance(),
                d.description()) : CompareFigures.reward(d.groups(), d.description(),
                d.axis());
        f.catchUp();
        chart.show(f);
        chart.setReadout(List.of(f));
        caption.setText(chapter.caption(measured));
    }

    /** The numbers the caption reads, from the experiment's statistics. */
    static Measured measure(CompareData d) {
        List<Measured.Group> groups = new ArrayList<>();
        for (int i = 0; i < d.groups().size(); i++) {
            CompareFigures.Group g = d.groups().get(i);
            int[] solved = d.lines().stream().filter(l -> l.algorithm().equals(g.label()))
                    .mapToInt(CompareData.RunLine::solvedAt).toArray();
            CompareFigures.VarianceGroup v = d.variance().get(i);
            long[] steps = d.lines().stream().filter(l -> l.algorithm().equals(g.label()))
                    .mapToLong(l -> d.summary().runs().stream()
                            .filter(r -> r.id().equals(l.id())).findFirst()
                            .map(ExperimentSummary.Run::solvedAtStep)
                            .orElse(-1L)).toArray();
            groups.add(new Measured.Group(g.label(), g.runs(), solved,
                    new double[][] {v.reinforce(), v.baseline(), v.td()}, steps));
        }
        return new Measured(groups);
    }

    /**
     * Saves the chapter as a slide ({@link ChapterSlide}: .png or .svg): drawn here, written
     * on the statistics thread. The future fails with the reason (a bad name, a full disk).
     */
    public CompletableFuture<Void> save(Path file) {
        ChapterSlide slide;
        try {
            slide = ChapterSlide.of(file, chapter, caption.getText(), chart.figure());
        } catch (IOException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        return CompletableFuture.runAsync(() -> {
            try {
                slide.write(file);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }, compute);
    }

    /** Says on the progress line where the slide went, or why it did not. */
    void saved(Path file, Throwable failure) {
        Throwable cause = failure instanceof CompletionException
                && failure.getCause() != null ? failure.getCause() : failure;
        progress.setText(cause == null ? "Saved the slide to " + file
                : "Could not save the slide: " + cause.getMessage());
    }

    /** The Save slide button (its action is the window's: it asks where). */
    Button saveButton() {
        return save;
    }

    /** Stops the experiment in progress, if any. */
    public void stop() {
        if (experiment != null) {
            Experiment old = experiment;
            experiment = null;
            old.stop();
            compute.execute(old::close); // its threads end off the FX thread
        }
        run.setDisable(false);
    }

    /** Once per frame: repaints the chart if it changed. */
    public void tick() {
        if (formulaScheme != FxSurface.schemeVersion()) {
            showFormula(); // the theme changed
        }
        chart.paintIfDirty();
    }
}
