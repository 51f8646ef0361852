package org.coproduced.commissioning;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.coproduced.commissioning.web.LinkPageController;
import org.coproduced.commissioning.web.PageController;
import org.coproduced.commissioning.web.PublicPageController;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shape that keeps features apart, checked on the compiled classes: feature packages do not
 * depend on each other in a loop, and the plumbing (messages, web support, schedule, forms)
 * depends on no feature, so a feature can be read, changed or removed on its own. Which
 * package owns which table is checked by {@link TableOwnershipTest}.
 */
class ArchitectureTest {

  private static final String ROOT = "org.coproduced.commissioning";

  /** The features: what the application does for people. */
  private static final String[] FEATURES = {ROOT + ".cycle..", ROOT + ".procurement..", ROOT + ".involvement..",
      ROOT + ".feedback..", ROOT + ".experts..", ROOT + ".tasknotice..", ROOT + ".audit..", ROOT + ".publication.."};

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void noTwoPackagesDependOnEachOtherInALoop() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void messagesAreDeliveredWithoutKnowingAnyFeature() {
    noClasses().that().resideInAPackage(ROOT + ".notification..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .because("each feature writes its own messages through MessageWriter; notification only delivers them")
        .check(CLASSES);
  }

  @Test
  void sharedSupportKnowsNoFeature() {
    noClasses().that().resideInAnyPackage(ROOT + ".web..", ROOT + ".schedule..", ROOT + ".forms..",
            ROOT + ".access..", ROOT + ".resilience..", ROOT + ".privacy..", ROOT + ".decisions..",
            ROOT + ".modelcheck..", ROOT + ".engine..")
        .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
        .check(CLASSES);
  }

  @Test
  void nothingButTheAuditorsDependsOnThePublicPages() {
    noClasses().that().resideOutsideOfPackages(ROOT + ".publication..", ROOT + ".audit..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".publication..")
        .because("the public page reads every feature through its services; only auditors read it back")
        .check(CLASSES);
  }

  @Test
  void nothingDependsOnTheAuditorsReports() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".audit..")
        .should().dependOnClassesThat().resideInAPackage(ROOT + ".audit..")
        .because("the auditors read every feature; no feature may read them back")
        .check(CLASSES);
  }

  @Test
  void everyHtmlPageShowsProblemsTheSameWay() {
    classes().that().areMetaAnnotatedWith(Controller.class).and().areNotAnnotations()
        .and().areNotMetaAnnotatedWith(RestController.class)
        .should().beAnnotatedWith(PageController.class).orShould().beAnnotatedWith(LinkPageController.class)
        .orShould().beAnnotatedWith(PublicPageController.class)
        .because("web/PageErrors shows not found, not allowed, conflicts and outages for exactly those pages")
        .check(CLASSES);
  }
}
