package cartpolelab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package table of the README ("Project layout"), read from the README and enforced on
 * the production classes: each package imports only the project packages its row names, no
 * two packages import each other, every package is in the table, and nothing imports
 * {@code ui} or {@code cli} but the root package (the launcher).
 *
 * <p>ArchUnit reads compiled classes, so a dependency that is only a compile-time constant
 * (a {@code static final} primitive or string, which javac copies into the class that uses
 * it) is invisible here.
 */
class LayeringTest {

    /** The root package's name in the table (its classes are in no subpackage). */
    static final String ROOT = "cartpolelab";

    /** Each package of the README's table and the project packages it may import. */
    static final Map<String, Set<String>> ALLOWED = readTable(Path.of("README.md"));

    /**
     * The README's "| package | may import | job |" table: the packages in backquotes in the
     * first column, and those of the second column that are packages of the table.
     */
    static Map<String, Set<String>> readTable(Path readme) {
        List<String> lines;
        try {
            lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = lines.indexOf("| package | may import | job |");
        assertTrue(start >= 0, "the README has no layering table");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|", -1);
            List<String> mayImport = quoted(cells[2]);
            for (String pkg : quoted(cells[1])) {
                rows.put(pkg, mayImport);
            }
        }
        Map<String, Set<String>> table = new LinkedHashMap<>();
        rows.forEach((pkg, mayImport) -> table.put(pkg, mayImport.stream()
                .filter(rows::containsKey).collect(Collectors.toUnmodifiableSet())));
        return table;
    }

    /** The words in backquotes that name a package (lower case). */
    private static List<String> quoted(String cell) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("`([a-z]+)`").matcher(cell);
        while (m.find()) {
            words.add(m.group(1));
        }
        return words;
    }

    /** ArchUnit's package pattern for a table package: the root alone, or a package tree. */
    private static String pattern(String pkg) {
        return pkg.equals(ROOT) ? ROOT : ROOT + "." + pkg + "..";
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
        // the rules below would pass vacuously on an empty import or a table not read
        assertTrue(ALLOWED.keySet().containsAll(List.of(ROOT, "env", "agent", "train", "ui",
                "cli")), "the README's table as read: " + ALLOWED);
        for (String pkg : ALLOWED.keySet()) {
            String name = pkg.equals(ROOT) ? ROOT : ROOT + "." + pkg;
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals(name)
                    || c.getPackageName().startsWith(name + ".")), "no classes found in " + pkg);
        }
    }

    @Test
    void everyPackageIsInTheTable() {
        Set<String> missing = new TreeSet<>();
        for (var c : classes) {
            String rest = c.getPackageName().equals(ROOT) ? ROOT
                    : c.getPackageName().substring(ROOT.length() + 1).split("\\.")[0];
            if (!ALLOWED.containsKey(rest)) {
                missing.add(rest);
            }
        }
        assertTrue(missing.isEmpty(), "packages missing from the README's table: " + missing);
    }

    @Test
    void eachPackageImportsOnlyWhatTheTableAllows() {
        for (Map.Entry<String, Set<String>> e : ALLOWED.entrySet()) {
            String[] forbidden = ALLOWED.keySet().stream()
                    .filter(p -> !p.equals(e.getKey()) && !e.getValue().contains(p))
                    .map(LayeringTest::pattern)
                    .toArray(String[]::new);
            noClasses().that().resideInAPackage(pattern(e.getKey()))
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
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "train classes other than RunSnapshot", c ->
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
