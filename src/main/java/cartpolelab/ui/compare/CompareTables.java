package cartpolelab.ui.compare;

import cartpolelab.results.ExperimentResults;
import cartpolelab.results.ExperimentSummary;
import cartpolelab.metrics.RunStatistics.Interval;
import cartpolelab.ui.compare.CompareData.RunLine;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The experiment as tables: a row per group (solved k/N, median and IQM of the episodes to
 * solve and the IQM of the final MA50, each with its 95 % bootstrap CI), the probability of
 * improvement between groups, and a sortable row per run; a double-click on a run opens it.
 */
final class CompareTables extends VBox {

    private final ObservableList<RunLine> runs = FXCollections.observableArrayList();
    private final ObservableList<ExperimentSummary.Group> groups =
            FXCollections.observableArrayList();
    private final TableView<RunLine> runTable = new TableView<>();
    private final TableView<ExperimentSummary.Group> groupTable = new TableView<>(groups);
    private final Label sooner = new Label();
    private Map<String, String> labels = Map.of();

    /** @param open called with a run's cell index when its row is double-clicked */
    CompareTables(IntConsumer open) {
        super(6);
        getStyleClass().add("compare-tables");
        runTable.setId("compareRuns");
        groupTable.setId("compareGroups");
        sooner.setId("compareSooner");
        sooner.setWrapText(true);
        sooner.getStyleClass().add("hint");

        groupTable.getColumns().addAll(List.of(
                column("Group", g -> labels.getOrDefault(g.key(), g.key()), null),
                column("Solved", g -> g.solved() + "/" + g.runs(), null),
                column("Median episodes to solve [95% CI]", g -> ci(g.solveMedian(), "%.0f"),
                        null),
                column("IQM episodes to solve [95% CI]", g -> ci(g.solveIqm(), "%.0f"), null),
                column("Median env steps to solve [95% CI]", g -> ci(g.stepsMedian(), "%,.0f"),
                        null),
                column("Final MA50, IQM [95% CI]", g -> ci(g.finalMa50Iqm(), "%.1f"), null)));
        groupTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        groupTable.setFixedCellSize(24);
        groupTable.prefHeightProperty().bind(Bindings.createDoubleBinding(
                () -> 30 + 24.0 * Math.max(1, Math.min(6, groups.size())), groups));
        groupTable.minHeightProperty().bind(groupTable.prefHeightProperty());

        SortedList<RunLine> sorted = new SortedList<>(runs);
        sorted.comparatorProperty().bind(runTable.comparatorProperty());
        runTable.setItems(sorted);
        runTable.getColumns().addAll(List.of(
                column("Run", RunLine::id, null),
                column("Algorithm", RunLine::algorithm, null),
                column("Seed", RunLine::seed, Comparator.naturalOrder()),
                column("Swept value", r -> r.sweepValue() == null ? "" : r.sweepValue(), null),
                shown("Episodes to solve", RunLine::toSolve, Comparator.comparingInt(
                        r -> r.solvedAt() > 0 ? r.solvedAt() : Integer.MAX_VALUE)),
                shown("Final MA50", r -> Double.isNaN(r.finalMa50()) ? "\u2014"
                        : String.format(Locale.ROOT, "%.1f", r.finalMa50()),
                        Comparator.comparingDouble(r -> Double.isNaN(r.finalMa50())
                                ? Double.NEGATIVE_INFINITY : r.finalMa50())),
                column("Episodes", RunLine::episodes, Comparator.naturalOrder()),
                shown("Steps", r -> String.format(Locale.ROOT, "%,d", r.steps()),
                        Comparator.comparingLong(RunLine::steps)),
                column("State", r -> r.failure() == null ? state(r)
                        : "failed: " + r.failure(), null)));
        runTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        runTable.setPlaceholder(new Label("Set up the grid and press Start."));
        runTable.setRowFactory(t -> {
            TableRow<RunLine> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open.accept(row.getItem().cell());
                }
            });
            return row;
        });
        VBox.setVgrow(runTable, Priority.ALWAYS);
        getChildren().addAll(groupTable, sooner, runTable);
    }

    private static String state(RunLine r) {
        return r.state().name().toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static <R, T> TableColumn<R, T> column(String title, Function<R, T> value,
                                                   Comparator<T> order) {
        TableColumn<R, T> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(
                cell.getValue())));
        if (order != null) {
            c.setComparator(order);
        }
        return c;
    }

    /** A run's column that shows {@code text} and sorts by {@code order} (not by the text). */
    private static TableColumn<RunLine, RunLine> shown(String title,
            Function<RunLine, String> text, Comparator<RunLine> order) {
        TableColumn<RunLine, RunLine> c = column(title, r -> r, order);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RunLine r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : text.apply(r));
            }
        });
        return c;
    }

    /** Shows {@code data}; the user's sort order and selection stay. */
    void show(CompareData data) {
        RunLine selected = runTable.getSelectionModel().getSelectedItem();
        runs.setAll(data.lines());
        if (selected != null) {
            data.lines().stream().filter(l -> l.cell() == selected.cell()).findFirst()
                    .ifPresent(l -> runTable.getSelectionModel().select(l));
        }
        List<ExperimentSummary.Group> g = data.summary().groups();
        labels = data.groupLabels();
        groups.setAll(g);
        groupTable.refresh();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < g.size(); i++) {
            for (int j = i + 1; j < g.size(); j++) {
                b.append(b.length() == 0 ? "P(solves sooner), ties count half: " : "  \u00b7  ")
                        .append(data.label(g.get(i).key())).append(" vs ")
                        .append(data.label(g.get(j).key()))
                        .append(' ').append(ci(data.summary().sooner(i, j), "%.2f"));
            }
        }
        sooner.setText(b.toString());
    }

    TableView<RunLine> runTable() {
        return runTable;
    }

    TableView<ExperimentSummary.Group> groupTable() {
        return groupTable;
    }

    private static String ci(Interval v, String format) {
        return ExperimentResults.interval(v, format);
    }
}
