package cartpolelab.ui.export;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A picture captured on the FX thread from data (never a node snapshot), written as PNG or
 * SVG by the file's extension on the I/O thread: the charts ({@link PlotExport}) or the
 * network maps.
 */
public interface Picture {

    /** Paints and writes the file (I/O thread). */
    void write(Path file) throws IOException;
}
