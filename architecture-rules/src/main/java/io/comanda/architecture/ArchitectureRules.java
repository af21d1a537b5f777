package io.comanda.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The dependency rules every Comanda module holds, as ArchUnit rules its {@code ArchitectureTest}
 * checks against its main classes.
 */
public final class ArchitectureRules {

    /** The base package of each deployable service. */
    public static final List<String> SERVICES = List.of("io.comanda.orders", "io.comanda.payments",
            "io.comanda.notifications", "io.comanda.searchindexer");

    /** Modules that run the system or measure it from outside: a service's main code never needs them. */
    public static final List<String> TOOLING = List.of("io.comanda.devstack", "io.comanda.benchmark",
            "io.comanda.e2e", "io.comanda.stripe");

    private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

    private ArchitectureRules() {
    }

    /**
     * The main classes of {@code basePackage}, without test classes or the classes of other jars; read
     * once per test run, as every rule of a module checks the same classes.
     */
    public static JavaClasses mainClasses(String basePackage) {
        return IMPORTED.computeIfAbsent(basePackage, name -> new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(name));
    }

    /**
     * No cycle between the top-level packages below {@code basePackage}: a package that imports
     * another is never imported back by it, directly or through others.
     */
    public static ArchRule noCycles(String basePackage) {
        return slices().matching(basePackage + ".(*)..").namingSlices("package '$1'")
                .should().beFreeOfCycles()
                .allowEmptyShould(true)
                .because("a package that imports another is never imported back: each can be read and changed "
                        + "knowing only what it imports");
    }

    /**
     * The main code of the service in {@code servicePackage} imports no other service and nothing of the
     * modules that run or measure the system: services talk through events and HTTP contracts only.
     */
    public static ArchRule servicesIndependent(String servicePackage) {
        return doesNotDependOn(servicePackage, othersThan(servicePackage))
                .because("services share only common-events and platform; each is built, deployed and "
                        + "changed alone");
    }

    /**
     * The main code of a module the services build on (common-events, platform, the emulator) imports
     * none of the services nor the modules that run or measure the system.
     */
    public static ArchRule sharedModuleIndependent(String basePackage) {
        return doesNotDependOn(basePackage, othersThan(basePackage))
                .because("what the services build on must not know them, or every change would ripple back");
    }

    private static String[] othersThan(String basePackage) {
        return Stream.concat(SERVICES.stream(), TOOLING.stream())
                .filter(other -> !basePackage.startsWith(other))
                .toArray(String[]::new);
    }

    /** No class in {@code packageName} depends on a class in any of {@code others} (base packages). */
    public static ArchRule doesNotDependOn(String packageName, String... others) {
        String[] patterns = Arrays.stream(others).map(other -> other + "..").toArray(String[]::new);
        return noClasses().that().resideInAPackage(packageName + "..")
                .should().dependOnClassesThat().resideInAnyPackage(patterns)
                .allowEmptyShould(true);
    }
}
