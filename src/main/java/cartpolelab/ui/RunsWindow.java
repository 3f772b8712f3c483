package cartpolelab.ui;

import cartpolelab.library.StoredResults;
import cartpolelab.results.ExperimentResults;
import cartpolelab.library.LibraryException;
import cartpolelab.library.RunLibrary;
import cartpolelab.library.StoredRun;
import cartpolelab.train.Cell;
import cartpolelab.train.RecordedEpisode;
import cartpolelab.train.RunSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Runs window: every run of the library in a sortable, filterable table; rename, tag,
 * annotate, delete (asked first; Undo brings it back until the app closes) and open a run in
 * the main window (its history in the charts, its networks loaded, paused, ready to Watch or
 * to train on). Every read and write of the library runs on {@code io}; the FX thread only
 * shows the results.
 */
final class RunsWindow {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(
            "yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

    private final RunLibrary library;
    private final Executor io;
    private final Dialogs dialogs;
    private final BiConsumer<CompletableFuture<BackgroundWork.Opening>, String> open;
    private final Stage stage = new Stage();
    private final ObservableList<StoredRun> runs = FXCollections.observableArrayList();
    private final FilteredList<StoredRun> filtered = new FilteredList<>(runs);
    final TableView<StoredRun> table = new TableView<>();
    final TextField filter = new TextField();
    final Label status = new Label();
    private final Deque<List<Long>> deleted = new ArrayDeque<>();
    final Button undo = new Button("Undo delete");
    /** Opens stored runs' results in the Compare view, with their title. */
    private BiConsumer<ExperimentResults, String> compare = (r, t) -> { };

    /**
     * @param open opens a run's snapshot and milestone recordings (as they load) in the main
     *             window, named for the user
     */
    RunsWindow(Window owner, RunLibrary library, Executor io, Dialogs dialogs,
               BiConsumer<CompletableFuture<BackgroundWork.Opening>, String> open,
               String stylesheet) {
        TextLayoutGuard.install(); // before the window shows: see there
        this.library = library;
        this.io = io;
        this.dialogs = dialogs;
        this.open = open;
        stage.initOwner(owner);
        stage.setTitle("Runs \u00b7 " + library.file());
        table.setId("runsTable");
        filter.setId("runsFilter");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet: every run you train is kept here."));
        addColumns();
        SortedList<StoredRun> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        filter.setPromptText("Filter: name, algorithm, version, tag, state, notes");
        filter.textProperty().addListener((o, a, b) -> filtered.setPredicate(r -> matches(r, b)));
        HBox.setHgrow(filter, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        Button openRun = new Button("Open");
        openRun.setId("runsOpen");
        openRun.setOnAction(e -> openSelected());
        Button compareRuns = new Button("Compare");
        compareRuns.setId("runsCompare");
        compareRuns.setOnAction(e -> compareSelected());
        compareRuns.disableProperty().bind(openRun.disableProperty());
        Button rename = new Button("Rename…");
        rename.setOnAction(e -> ask("Rename run", "Name", StoredRun::name,
                (r, text) -> library.rename(r.id(), text.strip())));
        Button tags = new Button("Tags…");
        tags.setOnAction(e -> ask("Tags", "Tags (comma-separated)",
                r -> String.join(", ", r.tags()), (r, text) -> library.setTags(r.id(),
                        List.of(text.split(",")).stream().map(String::strip)
                                .filter(t -> !t.isEmpty()).distinct().toList())));
        Button notes = new Button("Notes…");
        notes.setOnAction(e -> ask("Notes", "Notes", StoredRun::notes,
                (r, text) -> library.setNotes(r.id(), text)));
        Button delete = new Button("Delete");
        delete.setId("runsDelete");
        delete.setOnAction(e -> deleteSelected());
        undo.setId("runsUndo");
        undo.setDisable(true);
        undo.setOnAction(e -> undoDelete());
        openRun.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        HBox bar = new HBox(8, filter, refresh, openRun, compareRuns, rename, tags, notes, delete, undo);
        bar.setPadding(new Insets(8));
        status.setPadding(new Insets(4, 8, 6, 8));
        BorderPane root = new BorderPane(table, bar, null, status, null);
        Scene scene = new Scene(root, 1260, 640);
        scene.getStylesheets().add(stylesheet);
        stage.setScene(scene);
    }

    private void addColumns() {
        column("id", r -> r.id(), 40);
        column("name", StoredRun::name, 150);
        column("algorithm", r -> Cell.cliName(r.hyperparameters().algorithm()), 125);
        column("version", r -> r.hyperparameters().version().id().replace("CartPole-", ""), 55);
        column("seed", r -> r.hyperparameters().seed(), 45);
        column("hidden", r -> r.hyperparameters().hiddenSize(), 55);
        column("lr", r -> r.hyperparameters().learningRate(), 65);
        column("episodes", StoredRun::episodes, 75);
        column("steps", StoredRun::totalSteps, 85);
        column("solved at", r -> r.solvedAt() == null ? Integer.MAX_VALUE : r.solvedAt(), 75)
                .setCellFactory(c -> new TableCell<>() {
                    @Override
                    protected void updateItem(Integer v, boolean empty) {
                        super.updateItem(v, empty);
                        setText(empty || v == null ? null : v == Integer.MAX_VALUE ? "–"
                                : v.toString());
                    }
                });
        column("final MA50", r -> Math.round(r.finalMa50() * 10) / 10.0, 75);
        column("state", StoredRun::state, 70);
        column("date", r -> WHEN.format(r.started()), 125);
        column("tags", r -> String.join(", ", r.tags()), 110);
    }

    private <T> TableColumn<StoredRun, T> column(String name, Function<StoredRun, T> value,
                                                 double width) {
        TableColumn<StoredRun, T> c = new TableColumn<>(name);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        table.getColumns().add(c);
        return c;
    }

    static boolean matches(StoredRun r, String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String all = (r.name() + " " + Cell.cliName(r.hyperparameters().algorithm()) + " "
                + r.hyperparameters().version().id() + " " + r.state() + " " + String.join(" ",
                r.tags()) + " " + r.notes() + " " + r.source()).toLowerCase(Locale.ROOT);
        for (String word : text.toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!word.isEmpty() && !all.contains(word)) {
                return false;
            }
        }
        return true;
    }

    void show() {
        stage.show();
        stage.toFront();
        refresh();
    }

    void close() {
        stage.close();
    }

    Stage stage() {
        return stage;
    }

    /** Reads the runs on {@code io}; the table shows them when they arrive. */
    CompletableFuture<Void> refresh() {
        return later(() -> library.reader().runs()).thenAccept(list -> Platform.runLater(() -> {
            runs.setAll(list);
            status.setText(list.size() + " run" + (list.size() == 1 ? "" : "s") + " in "
                    + library.file());
        }));
    }

    private interface Edit {
        void apply(StoredRun run, String text) throws LibraryException;
    }

    private void ask(String title, String label, Function<StoredRun, String> now, Edit edit) {
        StoredRun r = table.getSelectionModel().getSelectedItem();
        if (r == null) {
            return;
        }
        TextInputDialog d = new TextInputDialog(now.apply(r));
        d.initOwner(stage);
        d.setTitle(title);
        d.setHeaderText(title + " \u00b7 run " + r.id());
        d.setContentText(label);
        d.showAndWait().ifPresent(text -> edit(r, text, edit));
    }

    CompletableFuture<Void> edit(StoredRun r, String text, Edit edit) {
        return later(() -> {
            edit.apply(r, text);
            return null;
        }).thenCompose(v -> refresh());
    }

    private void openSelected() {
        StoredRun r = table.getSelectionModel().getSelectedItem();
        if (r != null) {
            open.accept(CompletableFuture.supplyAsync(() -> new BackgroundWork.Opening(
                    snapshot(r.id()), milestones(r.id())), io),
                    "run " + r.id() + " (" + r.name() + ") of the library");
        }
    }

    /** Where Compare sends the selected runs' results (the Compare view). */
    void onCompare(BiConsumer<ExperimentResults, String> compare) {
        this.compare = compare;
    }

    /**
     * The selected runs in the Compare view, or, when one run of an experiment is selected,
     * its whole experiment: read and computed on {@code io}, as a fresh grid's statistics.
     */
    CompletableFuture<Void> compareSelected() {
        List<StoredRun> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        boolean experiment = selected.size() == 1 && selected.get(0).experimentId() != null;
        String title = experiment ? "experiment " + selected.get(0).experimentId()
                + " of the library" : selected.size() == 1 ? "run " + selected.get(0).id()
                : selected.size() + " runs of the library";
        return later(() -> experiment ? StoredResults.ofExperimentOf(library.reader(),
                selected.get(0)) : StoredResults.of(library.reader(), selected))
                .thenAccept(r -> Platform.runLater(() -> compare.accept(r, title)));
    }

    /** A stored run's last checkpoint with its episodes, read as a checkpoint file is. */
    RunSnapshot snapshot(long id) {
        try {
            RunSnapshot s = library.reader().snapshot(id);
            if (s == null) {
                throw new IOException("run " + id + " has no checkpoint in the library (it "
                        + "ended before its first): nothing to open");
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A stored run's milestone recordings, to replay once it is opened; damaged ones are
     * said (naming run and episode) and the run opens without them.
     */
    private List<RecordedEpisode> milestones(long id) {
        try {
            return library.reader().milestones(id);
        } catch (LibraryException e) {
            Platform.runLater(() -> dialogs.showError("Run library", e.getMessage()
                    + "; the run opened without its milestone replays"));
            return List.of();
        }
    }

    private void deleteSelected() {
        List<Long> ids = table.getSelectionModel().getSelectedItems().stream()
                .map(StoredRun::id).toList();
        if (ids.isEmpty() || !dialogs.confirm("Delete runs", "Delete " + (ids.size() == 1
                ? "run " + ids.get(0) : ids.size() + " runs") + "? Undo delete brings "
                + (ids.size() == 1 ? "it" : "them") + " back until CartPole Lab closes.",
                "Delete")) {
            return;
        }
        delete(ids);
    }

    CompletableFuture<Void> delete(List<Long> ids) {
        deleted.push(ids);
        undo.setDisable(false);
        return later(() -> {
            library.trash(ids, true);
            return null;
        }).thenCompose(v -> refresh());
    }

    CompletableFuture<Void> undoDelete() {
        List<Long> ids = deleted.poll();
        undo.setDisable(deleted.isEmpty());
        if (ids == null) {
            return CompletableFuture.completedFuture(null);
        }
        return later(() -> {
            library.trash(ids, false);
            return null;
        }).thenCompose(v -> refresh());
    }

    private interface Read<T> {
        T get() throws LibraryException;
    }

    /** {@code read} on the I/O thread; a failure shows on the status line and in a dialog. */
    private <T> CompletableFuture<T> later(Read<T> read) {
        CompletableFuture<T> f = new CompletableFuture<>();
        io.execute(() -> {
            try {
                f.complete(read.get());
            } catch (LibraryException | RuntimeException e) {
                Platform.runLater(() -> {
                    status.setText(e.getMessage());
                    dialogs.showError("Run library", e.getMessage());
                });
                f.completeExceptionally(e);
            }
        });
        return f;
    }
}
