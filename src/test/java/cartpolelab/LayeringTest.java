package cartpolelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package table of the README, enforced on the production classes: dependencies only go
 * downward ({@code ui}, {@code cli} → {@code train} → {@code agent} → {@code nn}; {@code env}
 * and {@code metrics} at the bottom; {@code results} above {@code train}, below {@code io};
 * {@code io} beside {@code train}, never imported by it),
 * no two packages import each other, and nothing imports {@code ui} or {@code cli} but the
 * launcher.
 */
class LayeringTest {

    /** Each top-level package and the project packages it may import. */
    static final Map<String, Set<String>> ALLOWED = new LinkedHashMap<>();

    static {
        ALLOWED.put("env", Set.of());
        ALLOWED.put("nn", Set.of());
        ALLOWED.put("metrics", Set.of());
        ALLOWED.put("plot", Set.of("metrics"));
        ALLOWED.put("agent", Set.of("env", "nn"));
        ALLOWED.put("train", Set.of("agent", "env", "metrics"));
        ALLOWED.put("results", Set.of("agent", "env", "metrics", "train", "plot"));
        ALLOWED.put("io", Set.of("agent", "env", "metrics", "train", "plot", "results"));
        ALLOWED.put("library", Set.of("agent", "env", "metrics", "train", "io", "results"));
        ALLOWED.put("ui", Set.of("train", "io", "library", "agent", "env", "metrics", "plot",
                "results"));
        ALLOWED.put("cli", Set.of("train", "io", "library", "agent", "env", "metrics", "nn",
                "plot", "results"));
    }

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cartpolelab");
    }

    @Test
    void everyPackageOfTheTableHasClasses() {
        // the rules below would pass vacuously on an empty import
        for (String pkg : ALLOWED.keySet()) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName()
                    .startsWith("cartpolelab." + pkg)), "no classes found in " + pkg);
        }
    }

    @Test
    void eachPackageImportsOnlyWhatTheTableAllows() {
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .map(p -> "cartpolelab." + p + "..")
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage("cartpolelab." + e.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because(e.getKey() + " may import only " + e.getValue())
                    .check(classes);
        }
    }

    @Test
    void noTwoPackagesImportEachOther() {
        slices().matching("cartpolelab.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void ioTakesOnlySnapshotsFromTrain() {
        noClasses().that().resideInAPackage("cartpolelab.io..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate
                        .describe("train classes other than RunSnapshot", c ->
                                c.getPackageName().equals("cartpolelab.train")
                                        && !c.getSimpleName().equals("RunSnapshot")))
                .check(classes);
    }

    /** The painter draws on its own small interface: no toolkit, so window and files agree. */
    @Test
    void thePlotPainterUsesNeitherJavaFxNorAwt() {
        noClasses().that().resideInAPackage("cartpolelab.plot..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..",
                        "javax.swing..", "javax.imageio..")
                .check(classes);
    }

    @Test
    void onlyTheWindowUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("cartpolelab.ui..")
                .and().doNotHaveFullyQualifiedName("cartpolelab.Launcher")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }
}
