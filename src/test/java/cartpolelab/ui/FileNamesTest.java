package cartpolelab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void addsPngWhenMissing() {
        assertEquals(Path.of("a/plots.png"), FileNames.withExtension(Path.of("a/plots"), ".png"));
        assertEquals(Path.of("a/P.PNG"), FileNames.withExtension(Path.of("a/P.PNG"), ".png"));
        assertEquals(Path.of("run.v1.png"), FileNames.withExtension(Path.of("run.v1"), ".png"));
    }

    @Test
    void addsCsvAndCheckpointExtensionsTheSameWay() {
        assertEquals(Path.of("d/run.csv"), FileNames.withExtension(Path.of("d/run"), ".csv"));
        assertEquals(Path.of("d/RUN.CSV"), FileNames.withExtension(Path.of("d/RUN.CSV"), ".csv"));
        assertEquals(Path.of("run.cplb"), FileNames.withExtension(Path.of("run"), ".cplb"));
        assertEquals(Path.of("run.CPLB"), FileNames.withExtension(Path.of("run.CPLB"), ".cplb"));
        assertEquals(Path.of("run.csv.cplb"),
                FileNames.withExtension(Path.of("run.csv"), ".cplb"));
    }
}
