package org.excitrack.gui.review;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * ADR 0012: the GUI may draw the report's figure, but report files are written only through the services, which
 * read the recording, compute its variables and write atomically.
 */
class ReviewArchitectureTest {
    @Test
    void theGuiDrawsTheFigureButNeverWritesReportFilesItself() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.excitrack.gui", "org.excitrack.report");
        noClasses().that().resideInAPackage("org.excitrack.gui..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.excitrack.report.ReportFiles")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.excitrack.report.PdfCanvas")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.excitrack.report.SvgCanvas")
                .because("report files are written through ReportService (ADR 0012)")
                .check(classes);
    }
}
