package cartpolelab.ui.compare;

import cartpolelab.io.ExperimentCsv;
import cartpolelab.results.ExperimentResults;
import cartpolelab.io.PlotFiles;
import cartpolelab.plot.CompareFigures;
import cartpolelab.ui.BackgroundWork;
import cartpolelab.ui.FileDialogs;
import cartpolelab.ui.FileNames;
import cartpolelab.ui.export.Picture;
import java.nio.file.Path;
import javafx.stage.Window;

/**
 * What the Compare view writes, as {@code compare} does: the charts (PNG or SVG by the name),
 * the tidy CSV and the summary CSV. Painted and written on the I/O thread from the data.
 */
final class CompareExports {

    private final FileDialogs dialogs;
    private final BackgroundWork files;

    CompareExports(FileDialogs dialogs, BackgroundWork files) {
        this.dialogs = dialogs;
        this.files = files;
    }

    /**
     * Asks for a file and writes the chart on screen, PNG or SVG: the reward chart over the
     * profile, or (when {@code variance} is shown) the gradient-variance chart, with its
     * per-group medians as CSV beside it ({@code name.csv}).
     */
    void saveCharts(CompareData d, Window owner, boolean variance) {
        if (d == null) {
            return;
        }
        dialogs.savePlots(owner).ifPresent(p -> {
            Path file = PlotFiles.Format.of(p) != null ? p
                    : FileNames.withExtension(p, PlotFiles.Format.PNG.extension);
            Picture chart = variance ? f -> {
                PlotFiles.write(f, CompareFigures.variance(d.variance(), d.description()),
                        PlotFiles.DEFAULT_WIDTH, PlotFiles.DEFAULT_HEIGHT);
                String name = f.getFileName().toString();
                ExperimentCsv.writeVariance(f.resolveSibling(name.substring(0,
                        name.lastIndexOf('.')) + ".csv"), d.variance());
            } : f -> PlotFiles.write(f, CompareFigures.stacked(d.groups(),
                    d.description(), d.axis()), PlotFiles.DEFAULT_WIDTH,
                    PlotFiles.DEFAULT_HEIGHT * 3 / 2);
            files.save(chart, file, "Charts saved to " + file, "Could not save the charts");
        });
    }

    /**
     * Asks for a file and writes the tidy CSV (one row per run × episode) or the summary of
     * the results on screen (the experiment has ended: the buttons wait for it).
     */
    void exportCsv(CompareData d, boolean summary, Window owner) {
        if (d == null) {
            return;
        }
        ExperimentResults results = d.results();
        dialogs.exportCsv(owner).ifPresent(p -> {
            Path file = FileNames.withExtension(p, ".csv");
            Picture csv = f -> {
                if (summary) {
                    ExperimentCsv.writeSummary(f, results);
                } else {
                    ExperimentCsv.writeTidy(f, results);
                }
            };
            String what = summary ? "Summary" : "Runs";
            files.save(csv, file, what + " CSV written to " + file, "Could not write the CSV");
        });
    }
}
