package cartpolelab.ui.compare;

import cartpolelab.io.ExperimentCsv;
import cartpolelab.io.ExperimentReport;
import cartpolelab.io.PlotFiles;
import cartpolelab.plot.CompareFigures;
import cartpolelab.train.Experiment;
import cartpolelab.train.ExperimentSpec;
import cartpolelab.ui.BackgroundWork;
import cartpolelab.ui.FileDialogs;
import cartpolelab.ui.FileNames;
import cartpolelab.ui.export.Picture;
import java.nio.file.Path;
import java.util.List;
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

    /** Asks for a file and writes the reward chart over the profile, PNG or SVG. */
    void saveCharts(CompareData d, Window owner) {
        if (d == null) {
            return;
        }
        dialogs.savePlots(owner).ifPresent(p -> {
            Path file = PlotFiles.Format.of(p) != null ? p
                    : FileNames.withExtension(p, PlotFiles.Format.PNG.extension);
            Picture chart = f -> PlotFiles.write(f, CompareFigures.stacked(d.groups(),
                    d.description(), d.axis()), PlotFiles.DEFAULT_WIDTH,
                    PlotFiles.DEFAULT_HEIGHT * 3 / 2);
            files.save(chart, file, "Charts saved to " + file, "Could not save the charts");
        });
    }

    /** Asks for a file and writes the tidy CSV (one row per run × episode) or the summary. */
    void exportCsv(Experiment e, boolean summary, Window owner) {
        if (e == null) {
            return;
        }
        ExperimentSpec spec = e.spec();
        String sweepName = spec.sweep() == null ? null : spec.sweep().name();
        dialogs.exportCsv(owner).ifPresent(p -> {
            Path file = FileNames.withExtension(p, ".csv");
            Picture csv = f -> {
                List<ExperimentCsv.Run> runs = CompareData.exportRuns(e);
                if (summary) {
                    ExperimentCsv.writeSummary(f, sweepName, runs, ExperimentReport.summarize(
                            runs, sweepName, spec.base().version().solvedThreshold()));
                } else {
                    ExperimentCsv.writeTidy(f, sweepName, runs);
                }
            };
            String what = summary ? "Summary" : "Runs";
            files.save(csv, file, what + " CSV written to " + file, "Could not write the CSV");
        });
    }
}
