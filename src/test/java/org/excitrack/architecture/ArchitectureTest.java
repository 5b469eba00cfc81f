package org.excitrack.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layer rules of architecture.md, checked on the compiled main classes (controller and simulator). */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.excitrack");
    }

    @Test
    void layersDependOnlyDownwards() {
        ArchRule rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("App").definedBy("org.excitrack.app..")
                .layer("Gui").definedBy("org.excitrack.gui..")
                .layer("Cli").definedBy("org.excitrack.cli..")
                .layer("Service").definedBy("org.excitrack.service..")
                .layer("Session").definedBy("org.excitrack.session..")
                .layer("Lang").definedBy("org.excitrack.lang..")
                .layer("Storage").definedBy("org.excitrack.storage..")
                .layer("Analysis").definedBy("org.excitrack.analysis..")
                .layer("Report").definedBy("org.excitrack.report..")
                .layer("Tracking").definedBy("org.excitrack.tracking..")
                .layer("Device").definedBy("org.excitrack.device..")
                .layer("Codec").definedBy("org.excitrack.codec..")
                .layer("Framing").definedBy("org.excitrack.framing..")
                .layer("Transport").definedBy("org.excitrack.transport..")
                .layer("Model").definedBy("org.excitrack.model..")
                .layer("Sim").definedBy("org.excitrack.sim..")
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Gui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Cli", "Gui", "App")
                .whereLayer("Session").mayOnlyBeAccessedByLayers("Service")
                .whereLayer("Lang").mayOnlyBeAccessedByLayers("Session", "Service")
                .whereLayer("Storage").mayOnlyBeAccessedByLayers("Session", "Service")
                .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Session", "Service", "Report", "App")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("Service", "Gui")
                .whereLayer("Tracking").mayOnlyBeAccessedByLayers("Session", "Service")
                .whereLayer("Device").mayOnlyBeAccessedByLayers("Session", "Service")
                .whereLayer("Codec").mayOnlyBeAccessedByLayers("Device", "Service", "Sim")
                .whereLayer("Framing").mayOnlyBeAccessedByLayers("Codec", "Device", "Sim")
                .whereLayer("Transport").mayOnlyBeAccessedByLayers("Device", "Service", "Sim")
                .whereLayer("Sim").mayOnlyBeAccessedByLayers("App")
                .withOptionalLayers(true);
        rule.check(classes);
    }

    @Test
    void modelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage("org.excitrack.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.excitrack..")
                .andShould().dependOnClassesThat().resideOutsideOfPackages("org.excitrack.model..", "java..")
                .check(classes);
    }

    @Test
    void trackingIsPure() {
        classes().that().resideInAPackage("org.excitrack.tracking..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.excitrack.tracking..",
                        "org.excitrack.model..", "java.lang..", "java.util..")
                .check(classes);
    }

    @Test
    void theProtocolLanguageIsSandboxed() {
        classes().that().resideInAPackage("org.excitrack.lang..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.excitrack.lang..", "org.excitrack.model..",
                        "java.lang..", "java.util..", "java.security..", "java.nio.charset..")
                .because("a protocol may not reach files, the network or the host: includes come through a resolver")
                .check(classes);
    }

    @Test
    void storageAndAnalysisStayApart() {
        noClasses().that().resideInAPackage("org.excitrack.storage..")
                .should().dependOnClassesThat().resideInAPackage("org.excitrack.analysis..")
                .because("storage keeps data; computing variables is analysis's job")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("org.excitrack.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("org.excitrack.storage..", "java.io..", "java.nio.file..")
                .because("analysis works on what it is handed and does no I/O")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTransportSerialTouchesJSerialComm() {
        noClasses().that().resideOutsideOfPackage("org.excitrack.transport.serial..")
                .should().dependOnClassesThat().resideInAPackage("com.fazecast..")
                .check(classes);
    }

    @Test
    void onlyThePseudoTerminalTouchesJna() {
        noClasses().that().resideOutsideOfPackage("org.excitrack.sim.pty..")
                .should().dependOnClassesThat().resideInAPackage("com.sun.jna..")
                .check(classes);
    }

    @Test
    void onlyTheGuiTouchesJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.excitrack.gui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void commandLineParsingStaysInCommands() {
        noClasses().that().resideOutsideOfPackages("org.excitrack.cli..", "org.excitrack.app..", "org.excitrack.sim")
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .check(classes);
    }

    @Test
    void onlyTheCliConfiguresLogging() {
        noClasses().that().resideOutsideOfPackage("org.excitrack.cli..")
                .should().dependOnClassesThat().resideInAPackage("ch.qos.logback..")
                .check(classes);
    }
}
