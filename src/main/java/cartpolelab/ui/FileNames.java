package cartpolelab.ui;

import java.nio.file.Path;
import java.util.Locale;

/** File-name helpers shared by every file the window writes (CSV, checkpoint, PNG). */
public final class FileNames {

    private FileNames() {
    }

    /**
     * {@code run} → {@code run.csv}; a name that already ends in {@code extension} (any case)
     * is kept. {@code extension} includes its dot, e.g. {@code ".png"}.
     */
    public static Path withExtension(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(extension.toLowerCase(Locale.ROOT)) ? file
                : file.resolveSibling(name + extension);
    }
}
