package cartpolelab.library;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards started together (the README's GNU parallel recipe with one library) create the same
 * new library at once: each opens it, none fails. Before, all but one could fail with
 * "table experiments already exists", since the schema's version was read outside the
 * transaction that created it.
 */
class ConcurrentCreationTest {

    @TempDir
    Path dir;

    @Test
    void severalOpenersOfOneNewLibraryAllSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 20; round++) {
                Path file = dir.resolve("runs-" + round + ".db");
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<Integer>> opened = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    opened.add(pool.submit(() -> {
                        together.await();
                        try (RunLibrary lib = RunLibrary.open(file)) {
                            return lib.reader().runs().size();
                        }
                    }));
                }
                for (Future<Integer> f : opened) {
                    assertEquals(0, f.get()); // throws if an open failed
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
