package cartpolelab.cli;

import cartpolelab.io.PlotFiles;
import cartpolelab.plot.XAxis;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The chart files a command writes ({@code train}, {@code compare}, {@code merge}):
 * {@code --plot} by its extension, {@code --png} and {@code --svg} by the option, so one run
 * can write both; each checked before any work.
 */
final class ChartFiles {

    /** One chart file, the format it is written in and what its x axis counts. */
    record Chart(Path file, PlotFiles.Format format, XAxis xAxis) {
    }

    @Option(names = "--x-axis", paramLabel = "episodes|steps", defaultValue = "episodes",
            converter = XAxisConverter.class,
            description = "what the chart's x axis counts: episodes, or environment steps "
                    + "(the way RL papers and Stable-Baselines3 plot sample efficiency) "
                    + "(default: ${DEFAULT-VALUE})")
    XAxis xAxis = XAxis.EPISODES;

    static final class XAxisConverter implements CommandLine.ITypeConverter<XAxis> {
        @Override
        public XAxis convert(String value) {
            try {
                return XAxis.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Option(names = "--plot", paramLabel = "FILE",
            description = "write the chart; PNG or SVG by the name's extension (.png or .svg)")
    Path plot;

    @Option(names = "--png", paramLabel = "FILE",
            description = "write the chart as PNG (a .png name); may be given with --svg")
    Path png;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "write the chart as SVG (a .svg name); may be given with --png")
    Path svg;

    /**
     * The chart files asked for, their types checked: {@code --plot} by its extension,
     * {@code --png} and {@code --svg} by the option, whose file name must agree (a
     * {@code --png run.svg} is a slip, not a wish for a PNG named .svg).
     *
     * @throws Cli.UserError naming the option and what to write instead
     */
    List<Chart> charts() {
        List<Chart> charts = new ArrayList<>();
        if (plot != null) {
            PlotFiles.Format f = PlotFiles.Format.of(plot);
            if (f == null) {
                throw new Cli.UserError("--plot " + plot + ": unknown image type; use a .png "
                        + "or .svg file name");
            }
            charts.add(new Chart(plot, f, xAxis));
        }
        addTyped(charts, "--png", png, PlotFiles.Format.PNG);
        addTyped(charts, "--svg", svg, PlotFiles.Format.SVG);
        return charts;
    }

    private void addTyped(List<Chart> charts, String option, Path file,
                          PlotFiles.Format format) {
        if (file == null) {
            return;
        }
        if (PlotFiles.Format.of(file) != format) {
            throw new Cli.UserError(option + " " + file + ": give a " + format.extension
                    + " file name" + (format == PlotFiles.Format.PNG
                    ? " (for SVG use --svg)" : " (for PNG use --png)"));
        }
        charts.add(new Chart(file, format, xAxis));
    }
}
