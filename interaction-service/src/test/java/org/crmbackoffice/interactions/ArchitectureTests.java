package org.crmbackoffice.interactions;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the service organised by feature, with stored data behind each feature's own service. */
@AnalyzeClasses(packages = "org.crmbackoffice.interactions", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule storedDataStaysInsideItsFeature = classes().that()
		.areAnnotatedWith(Entity.class)
		.or()
		.areAnnotatedWith(Embeddable.class)
		.should()
		.notBePublic();

	@ArchTest
	static final ArchRule controllersGoThroughServices = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class);

	@ArchTest
	static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices()
		.matching("org.crmbackoffice.interactions.(*)..")
		.should()
		.beFreeOfCycles();

}
